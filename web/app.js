// The playground: a textarea over a backdrop of highlights, findings grouped by rule, the
// explanation and fix of the selected finding, statistics, settings and CSV export.
//
// Offsets from the linter are used as UTF-16 code units (start16/end16), the unit of
// JavaScript strings, so highlights stay on the flagged words after curly quotes and emoji.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const textarea = $("text");
  const backdrop = $("backdrop");
  const SETTINGS_KEY = "sfo-lint-settings";
  const DEFAULTS = { off: [], max: 25, preferred: "service user" };
  const EXAMPLE =
    "Summary\n\nOn 19 February 2022 the offender went to Ms Owens’s flat. " +
    "A “domestic” was reported by neighbours at 10pm 😟. " +
    "The risk of serious harm was assessed as medium by the RO, who had managed the offender since his release " +
    "from prison in May 2021 under MAPPA level 1 arrangements, and the assessment was not reviewed when the police " +
    "shared new information about his controlling behaviour towards Ms Owens in January 2022.\n\n" +
    "Ms Owens should have ended the relationship sooner.\n";

  let rulesMeta = []; // every rule's documentation, registry order
  let result = { diagnostics: [], rules: {}, stats: null };
  let selected = -1;
  let fromDocx = null; // the Word document's text while the page still shows it unchanged
  let scheduled = false;
  const timings = []; // milliseconds per wasm call, newest last

  // ---- settings -------------------------------------------------------------------------

  function loadSettings() {
    try {
      return { ...DEFAULTS, ...JSON.parse(localStorage.getItem(SETTINGS_KEY) || "{}") };
    } catch {
      return { ...DEFAULTS };
    }
  }

  function saveSettings(s) {
    try {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
    } catch {
      /* storage may be disabled; the settings still apply to this visit */
    }
  }

  // A TOML basic string: JSON's escapes are TOML's, once control characters are gone.
  const tomlString = (s) => JSON.stringify(String(s).replace(/[\u0000-\u001f\u007f]/g, " "));

  // The settings as `sfo-lint.toml`, naming only what differs from the defaults.
  function configToml(s) {
    const lines = [];
    const known = new Set(rulesMeta.map((m) => m.id));
    const off = s.off.filter((id) => known.has(id));
    if (off.length) lines.push("[rules]", ...off.map((id) => `${tomlString(id)} = "off"`));
    const max = Math.round(Number(s.max));
    if (Number.isFinite(max) && max >= 1 && max !== DEFAULTS.max) lines.push("[sentence-length]", `max = ${max}`);
    const preferred = String(s.preferred || "").trim();
    if (preferred && preferred !== DEFAULTS.preferred) lines.push("[offender-term]", `preferred = ${tomlString(preferred)}`);
    return lines.join("\n") + "\n";
  }

  let settings = loadSettings();

  function renderSettings() {
    $("set-max").value = settings.max;
    $("set-preferred").value = settings.preferred;
    const box = $("set-rules");
    box.replaceChildren(
      ...rulesMeta.map((m) => {
        const label = document.createElement("label");
        const input = document.createElement("input");
        input.type = "checkbox";
        input.dataset.rule = m.id;
        input.checked = !settings.off.includes(m.id);
        label.title = m.summary;
        label.append(input, m.id);
        return label;
      }),
    );
  }

  function readSettings() {
    settings = {
      off: [...$("set-rules").querySelectorAll("input:not(:checked)")].map((i) => i.dataset.rule),
      max: Number($("set-max").value) || DEFAULTS.max,
      preferred: $("set-preferred").value,
    };
    saveSettings(settings);
    fromDocx = null;
    relint();
  }

  // ---- linting and highlights -----------------------------------------------------------

  function relint() {
    const text = textarea.value;
    const t0 = performance.now();
    const r = SfoLint.lint(text, configToml(settings));
    const ms = performance.now() - t0;
    timings.push(ms);
    if (timings.length > 50) timings.shift();
    if (r.error) {
      $("config-error").textContent = r.error;
      $("config-error").hidden = false;
      setStatus(r.error);
      result = { diagnostics: [], rules: {}, stats: null };
    } else {
      $("config-error").hidden = true;
      setStatus(`Checked in ${ms.toFixed(1)} ms, in this browser.`);
      result = r;
    }
    selected = -1;
    render();
  }

  function scheduleLint() {
    fromDocx = null;
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      relint();
    });
  }

  function setStatus(s) {
    $("status").textContent = s;
  }

  // The text with a <mark> per finding. Nested findings nest; a finding that crosses the end
  // of the one it starts in is split there, so every mark of finding i carries data-i = i and
  // their texts, in order, are exactly the flagged text.
  function highlights(text, diagnostics) {
    const frag = document.createDocumentFragment();
    const order = (a, b) => a.s - b.s || b.e - a.e || a.i - b.i;
    const pending = diagnostics
      .map((d, i) => ({ i, s: d.start16, e: d.end16, sev: d.severity }))
      .filter((x) => x.s < x.e && x.e <= text.length)
      .sort(order);
    const stack = [{ el: frag, end: text.length }];
    let pos = 0;
    const top = () => stack[stack.length - 1];
    const textTo = (to) => {
      if (to > pos) top().el.append(text.slice(pos, to));
      pos = Math.max(pos, to);
    };
    for (let k = 0; k < pending.length; k++) {
      const it = pending[k];
      while (stack.length > 1 && top().end <= it.s) {
        textTo(top().end);
        stack.pop();
      }
      textTo(it.s);
      let end = it.e;
      if (end > top().end) {
        const rest = { ...it, s: top().end };
        let j = k + 1;
        while (j < pending.length && order(pending[j], rest) < 0) j++;
        pending.splice(j, 0, rest);
        end = top().end;
      }
      const mark = document.createElement("mark");
      mark.className = it.sev + (it.i === selected ? " selected" : "");
      mark.dataset.i = it.i;
      top().el.append(mark);
      stack.push({ el: mark, end });
    }
    while (stack.length > 1) {
      textTo(top().end);
      stack.pop();
    }
    textTo(text.length);
    // A final newline needs a line of its own, as the textarea gives it one.
    if (text === "" || text.endsWith("\n")) {
      const tail = document.createElement("span");
      tail.className = "tail";
      tail.textContent = "\u00a0";
      frag.append(tail);
    }
    return frag;
  }

  // Where each line starts (UTF-16 offsets), computed once per text: findings ask often.
  let lineStarts = { text: null, starts: [] };
  function lineCol(text, at) {
    if (lineStarts.text !== text) {
      const starts = [0];
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
      lineStarts = { text, starts };
    }
    const s = lineStarts.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    // Columns count characters, as the command line's do: a surrogate pair is one.
    let col = 1;
    for (let i = s[lo]; i < at; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) col++;
    }
    return { line: lo + 1, col };
  }

  function where(d) {
    if (d.location) return d.location;
    const { line, col } = lineCol(textarea.value, d.start16);
    return `${line}:${col}`;
  }

  function render() {
    const text = textarea.value;
    backdrop.replaceChildren(highlights(text, result.diagnostics));
    backdrop.scrollTop = textarea.scrollTop;
    renderFindings();
    renderStats();
    renderDetail();
  }

  function renderFindings() {
    const ds = result.diagnostics;
    $("total").textContent = `(${ds.length})`;
    const order = rulesMeta.map((m) => m.id);
    const groups = new Map();
    ds.forEach((d, i) => {
      if (!groups.has(d.rule)) groups.set(d.rule, []);
      groups.get(d.rule).push(i);
    });
    const ids = [...groups.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const text = textarea.value;
    $("findings").replaceChildren(
      ...ids.map((id) => {
        const group = document.createElement("details");
        group.className = "rule-group";
        group.dataset.rule = id;
        group.open = true;
        const summary = document.createElement("summary");
        const dot = document.createElement("span");
        dot.className = "sev " + ds[groups.get(id)[0]].severity;
        const name = document.createElement("span");
        name.textContent = id;
        name.title = (result.rules[id] || {}).summary || "";
        const count = document.createElement("span");
        count.className = "count";
        count.textContent = groups.get(id).length;
        summary.append(dot, name, count);
        group.append(summary);
        for (const i of groups.get(id)) {
          const d = ds[i];
          const b = document.createElement("button");
          b.type = "button";
          b.className = "finding" + (i === selected ? " selected" : "");
          b.dataset.i = i;
          const w = document.createElement("span");
          w.className = "where";
          w.textContent = where(d);
          const flagged = text.slice(d.start16, d.end16);
          b.append(w, flagged.length > 60 ? flagged.slice(0, 57) + "…" : flagged);
          b.title = d.message;
          b.addEventListener("click", () => select(i, true));
          group.append(b);
        }
        return group;
      }),
    );
  }

  function renderStats() {
    const s = result.stats;
    const box = $("stats");
    if (!s) {
      box.replaceChildren();
      return;
    }
    const item = (label, value, key) => {
      const span = document.createElement("span");
      span.dataset.stat = key;
      const b = document.createElement("b");
      b.textContent = value;
      span.append(label + " ", b);
      return span;
    };
    const ease = s.flesch_reading_ease;
    box.replaceChildren(
      item("Words", s.words.toLocaleString("en-GB"), "words"),
      item("Sentences", s.sentences.toLocaleString("en-GB"), "sentences"),
      item("Average sentence", `${s.average_sentence_length} words`, "average"),
      item("Passive", `${Math.round(s.passive_share * 100)}% of sentences`, "passive"),
      item("Reading ease", ease == null ? "–" : `${ease} (${easeWord(ease)})`, "ease"),
    );
  }

  function easeWord(score) {
    if (score >= 70) return "easy";
    if (score >= 60) return "plain English";
    if (score >= 50) return "fairly hard";
    if (score >= 30) return "hard";
    return "very hard";
  }

  function renderDetail() {
    const panel = $("detail");
    const d = result.diagnostics[selected];
    if (!d) {
      panel.hidden = true;
      panel.replaceChildren();
      return;
    }
    const meta = result.rules[d.rule] || {};
    const el = (tag, text, cls) => {
      const e = document.createElement(tag);
      if (text != null) e.textContent = text;
      if (cls) e.className = cls;
      return e;
    };
    const h = el("h3");
    const dot = el("span", null, "sev " + d.severity);
    h.append(dot, ` ${d.rule} `, el("small", `${d.severity}, ${where(d)}`));
    const parts = [h, el("p", d.message, "message")];
    if (meta.summary) parts.push(el("p", meta.summary, "summary"));
    if (meta.guidance) {
      const q = el("blockquote", meta.guidance, "guidance");
      parts.push(q);
    }
    if (meta.instead) parts.push(el("p", `Instead: ${meta.instead}`, "instead"));
    for (const s of d.suggestions) {
      const b = el("button", null, "fix");
      b.type = "button";
      const was = textarea.value.slice(s.start16, s.end16);
      b.textContent = s.replacement ? `Replace “${was}” with “${s.replacement}”` : `Delete “${was}”`;
      b.addEventListener("click", () => applyFix(s));
      parts.push(b);
      if (!s.safe) parts.push(el("span", "check the meaning first", "unsafe"));
    }
    panel.replaceChildren(...parts);
    panel.hidden = false;
  }

  function select(i, scroll) {
    selected = i;
    for (const m of backdrop.querySelectorAll("mark.selected")) m.classList.remove("selected");
    for (const m of backdrop.querySelectorAll(`mark[data-i="${i}"]`)) m.classList.add("selected");
    for (const b of document.querySelectorAll(".finding")) b.classList.toggle("selected", Number(b.dataset.i) === i);
    renderDetail();
    const mark = backdrop.querySelector(`mark[data-i="${i}"]`);
    if (scroll && mark) {
      const top = mark.offsetTop - textarea.clientHeight / 3;
      textarea.scrollTop = Math.max(0, top);
      backdrop.scrollTop = textarea.scrollTop;
    }
  }

  function applyFix(s) {
    const v = textarea.value;
    const scroll = textarea.scrollTop;
    textarea.value = v.slice(0, s.start16) + s.replacement + v.slice(s.end16);
    fromDocx = null;
    relint();
    textarea.scrollTop = scroll;
    backdrop.scrollTop = scroll;
    const caret = s.start16 + s.replacement.length;
    textarea.setSelectionRange(caret, caret);
  }

  // The innermost finding under the caret: what the user clicked on.
  function findingAt(pos) {
    let best = -1;
    result.diagnostics.forEach((d, i) => {
      if (d.start16 <= pos && pos <= d.end16 && d.start16 < d.end16) {
        const b = result.diagnostics[best];
        if (best < 0 || d.end16 - d.start16 < b.end16 - b.start16) best = i;
      }
    });
    return best;
  }

  // ---- files and export -----------------------------------------------------------------

  function openFile(file) {
    const reader = new FileReader();
    const docx = /\.docx$/i.test(file.name);
    reader.onerror = () => setStatus(`Cannot read ${file.name}.`);
    reader.onload = () => {
      if (docx) {
        const r = SfoLint.lintDocx(reader.result, configToml(settings));
        if (r.error) {
          setStatus(r.error);
          return;
        }
        textarea.value = r.text;
        result = r;
        selected = -1;
        fromDocx = file.name;
        textarea.scrollTop = 0;
        render();
        setStatus(`Opened ${file.name} (read in this browser).`);
      } else {
        textarea.value = String(reader.result).replace(/^\ufeff/, "");
        textarea.scrollTop = 0;
        relint();
        setStatus(`Opened ${file.name} (read in this browser).`);
      }
    };
    if (docx) reader.readAsArrayBuffer(file);
    else reader.readAsText(file, "utf-8");
  }

  // A CSV cell; a leading = + - @ is defused so spreadsheets show it as text.
  function csvCell(v) {
    let s = String(v ?? "");
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }

  function findingsCsv() {
    const text = textarea.value;
    const rows = [["rule", "severity", "line", "column", "location", "flagged", "message", "suggestion"]];
    for (const d of result.diagnostics) {
      const { line, col } = lineCol(text, d.start16);
      rows.push([d.rule, d.severity, line, col, d.location || "", text.slice(d.start16, d.end16), d.message,
        d.suggestions.map((s) => s.replacement).join(" | ")]);
    }
    return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  function download() {
    const blob = new Blob(["\ufeff" + findingsCsv()], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = (fromDocx ? fromDocx.replace(/\.docx$/i, "") : "review") + "-findings.csv";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  // ---- start ----------------------------------------------------------------------------

  async function start() {
    setStatus("Loading the linter…");
    try {
      await SfoLint.init();
    } catch (e) {
      setStatus(`Cannot load the linter: ${e.message}`);
      return;
    }
    rulesMeta = SfoLint.rules();
    renderSettings();
    textarea.addEventListener("input", scheduleLint);
    textarea.addEventListener("scroll", () => (backdrop.scrollTop = textarea.scrollTop));
    textarea.addEventListener("click", () => {
      const i = findingAt(textarea.selectionStart);
      if (i >= 0) select(i, false);
    });
    new ResizeObserver(() => (backdrop.scrollTop = textarea.scrollTop)).observe(textarea);
    $("open").addEventListener("change", (e) => e.target.files[0] && openFile(e.target.files[0]));
    $("download").addEventListener("click", download);
    $("example").addEventListener("click", () => {
      textarea.value = EXAMPLE;
      relint();
    });
    $("settings").addEventListener("change", readSettings);
    $("reset").addEventListener("click", () => {
      settings = { ...DEFAULTS };
      saveSettings(settings);
      renderSettings();
      relint();
    });
    if (!textarea.value) textarea.value = EXAMPLE;
    relint();
    document.body.dataset.ready = "true";
  }

  // For the browser test and the curious: the state the page shows.
  window.sfoApp = {
    get result() {
      return result;
    },
    timings,
    config: () => configToml(settings),
    csv: findingsCsv,
    select,
  };

  start();
})();
