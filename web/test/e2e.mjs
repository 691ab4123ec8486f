// Browser test of the playground (web/index.html) in Debian's Chromium, driven by
// playwright-core. run.sh starts the static server and passes, through the environment:
//   SFO_WEB_URL         http://127.0.0.1:<port>/index.html
//   SFO_WEB_DIR         the web/ directory (for the file:// check)
//   SFO_WEB_EXPECT_TXT  the CLI's JSON report for fixtures/review.txt
//   SFO_WEB_EXPECT_DOCX the CLI's JSON report for fixtures/review.docx
//   SFO_WEB_BIG         a review of at least 12,000 words, for the timing
//   SFO_WEB_SCREENSHOT  where to save the screenshot
//   SFO_WEB_TIMEOUT     seconds for every wait (default 30)
//   SFO_WEB_MAX_MS      fail when the median lint of the big review is slower (default 250;
//                       the target is 20)
// Every check compares the page with the command line's findings on the same text, so the
// test follows the rules as they change; offender-term's highlights are also named outright.
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const env = (k, d) => process.env[k] ?? d;
const URL_ = env("SFO_WEB_URL");
const TIMEOUT = Number(env("SFO_WEB_TIMEOUT", "30")) * 1000;
const MAX_MS = Number(env("SFO_WEB_MAX_MS", "250"));
const SCREENSHOT = env("SFO_WEB_SCREENSHOT");
const fixtureTxt = fs.readFileSync(path.join(HERE, "fixtures/review.txt"), "utf8");
const fixtureDocx = path.join(HERE, "fixtures/review.docx");
const cliTxt = JSON.parse(fs.readFileSync(env("SFO_WEB_EXPECT_TXT"), "utf8")).files[0].diagnostics;
const cliDocx = JSON.parse(fs.readFileSync(env("SFO_WEB_EXPECT_DOCX"), "utf8")).files[0].diagnostics;

let passed = 0;
const log = (m) => console.log(`web-e2e: ${m}`);
class Failure extends Error {}
function check(cond, message) {
  if (!cond) throw new Failure(message);
}
function ok(message) {
  passed++;
  log(`ok - ${message}`);
}

// UTF-8 byte offset → UTF-16 offset in `text`.
function utf16(text, byte) {
  return Buffer.from(text, "utf8").subarray(0, byte).toString("utf8").length;
}

function countBy(items, key) {
  const m = {};
  for (const x of items) m[x[key]] = (m[x[key]] || 0) + 1;
  return m;
}

const sameCounts = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

// The location the CLI gives as an object, in the page's words.
function locationWords(l) {
  if (!l) return "";
  if (l.table) return `table ${l.table}, row ${l.row}, cell ${l.cell}`;
  const [k, v] = Object.entries(l)[0];
  return `${k} ${v}`;
}

// Runs in the page: every problem with the highlights, as sentences. Empty means all line up.
function highlightProblems() {
  const ta = document.getElementById("text");
  const bd = document.getElementById("backdrop");
  const ds = window.sfoApp.result.diagnostics;
  const problems = [];
  // The backdrop's text, with the UTF-16 offset where each mark starts.
  let text = "";
  const starts = new Map();
  const walk = (node) => {
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) text += n.data;
      else if (n.classList.contains("tail")) continue;
      else {
        if (n.tagName === "MARK" && !starts.has(n.dataset.i)) starts.set(n.dataset.i, text.length);
        walk(n);
      }
    }
  };
  walk(bd);
  if (text !== ta.value) problems.push(`the highlight layer's text differs from the textarea's (${text.length} vs ${ta.value.length} characters)`);
  const cs = [getComputedStyle(ta), getComputedStyle(bd)];
  for (const p of ["font-family", "font-size", "line-height", "padding-left", "padding-top", "border-left-width", "white-space", "overflow-wrap", "letter-spacing", "tab-size"]) {
    if (cs[0][p] !== cs[1][p]) problems.push(`${p} differs: textarea ${cs[0][p]}, highlight layer ${cs[1][p]}`);
  }
  if (ta.clientWidth !== bd.clientWidth) problems.push(`content widths differ: ${ta.clientWidth} vs ${bd.clientWidth}`);
  if (ta.scrollHeight !== bd.scrollHeight) problems.push(`the text wraps differently: heights ${ta.scrollHeight} vs ${bd.scrollHeight}`);
  ds.forEach((d, i) => {
    const want = ta.value.slice(d.start16, d.end16);
    const marks = [...bd.querySelectorAll(`mark[data-i="${i}"]`)];
    if (d.start16 === d.end16) return;
    if (!marks.length) return problems.push(`${d.rule} at ${d.start16}: no highlight for “${want}”`);
    // Nested marks' text belongs to their outer mark too: count only this finding's own pieces.
    const got = marks.map((m) => m.textContent).join("");
    if (got !== want) problems.push(`${d.rule} at ${d.start16}: highlight reads “${got}”, finding is “${want}”`);
    if (starts.get(String(i)) !== d.start16) problems.push(`${d.rule}: highlight starts at ${starts.get(String(i))}, finding at ${d.start16}`);
    if (!marks.every((m) => m.classList.contains(d.severity))) problems.push(`${d.rule} at ${d.start16}: not coloured as ${d.severity}`);
  });
  const extra = [...bd.querySelectorAll("mark")].filter((m) => !ds[Number(m.dataset.i)]);
  if (extra.length) problems.push(`${extra.length} highlight(s) with no finding`);
  return problems;
}

// Runs in the page: the page's findings, with the text each one flags.
function pageFindings() {
  const ta = document.getElementById("text");
  return window.sfoApp.result.diagnostics.map((d) => ({ ...d, text: ta.value.slice(d.start16, d.end16) }));
}

// The side list's per-rule counts.
function listCounts() {
  const out = {};
  for (const g of document.querySelectorAll("#findings .rule-group")) {
    out[g.dataset.rule] = Number(g.querySelector(".count").textContent);
    const items = g.querySelectorAll(".finding").length;
    if (items !== out[g.dataset.rule]) out[g.dataset.rule] = `count ${out[g.dataset.rule]} but ${items} items`;
  }
  return out;
}

async function assertHighlights(page, what) {
  const problems = await page.evaluate(highlightProblems);
  check(problems.length === 0, `${what}: highlights missing or misplaced:\n  - ${problems.join("\n  - ")}`);
}

// Compares the page's findings on `text` with the CLI's report of the same text.
async function assertMatchesCli(page, text, cli, what) {
  const found = await page.evaluate(pageFindings);
  const want = cli.map((d) => ({ rule: d.rule, start16: utf16(text, d.start), end16: utf16(text, d.end), location: locationWords(d.location) }));
  const key = (d) => `${d.rule}@${d.start16}-${d.end16}`;
  const have = new Set(found.map(key));
  const missing = want.filter((d) => !have.has(key(d)));
  check(!missing.length, `${what}: the page lacks findings the CLI reports: ${missing.map((d) => `${key(d)} “${text.slice(d.start16, d.end16)}”`).join(", ")}`);
  check(found.length === want.length, `${what}: the page reports ${found.length} findings, the CLI ${want.length}`);
  const counts = countBy(want, "rule");
  const shown = await page.evaluate(listCounts);
  check(sameCounts(shown, counts), `${what}: per-rule counts in the list ${JSON.stringify(shown)}, CLI ${JSON.stringify(counts)}`);
  return { found, counts };
}

// Where the textarea itself draws characters start..end: select them with a pure green
// selection, hide the highlight layer, screenshot, and find the green pixels. Compared with
// the mark's box, this catches a layer whose text wraps or sits differently from the textarea's.
async function assertMarkOverText(page, i) {
  const box = await page.evaluate((i) => {
    const ta = document.getElementById("text");
    const d = window.sfoApp.result.diagnostics[i];
    const mark = document.querySelector(`#backdrop mark[data-i="${i}"]`);
    // Bring the mark into view on both layers.
    ta.scrollTop = Math.max(0, mark.offsetTop - 40);
    document.getElementById("backdrop").scrollTop = ta.scrollTop;
    const r = mark.getBoundingClientRect();
    // Through the CSSOM: the page's Content-Security-Policy refuses inline <style>.
    const sheet = [...document.styleSheets].find((s) => s.href && s.href.endsWith("style.css"));
    for (const rule of ["#text::selection{background:#00ff00;color:transparent}", "#backdrop{visibility:hidden}", "#text{caret-color:transparent}"])
      sheet.insertRule(rule, sheet.cssRules.length);
    ta.focus();
    ta.setSelectionRange(d.start16, d.end16);
    return { x: r.left, y: r.top, w: r.width, h: r.height };
  }, i);
  const png = await page.screenshot({ clip: { x: box.x - 20, y: box.y - 20, width: box.w + 40, height: box.h + 40 } });
  const green = await page.evaluate(async (b64) => {
    const sheet = [...document.styleSheets].find((s) => s.href && s.href.endsWith("style.css"));
    for (let k = 0; k < 3; k++) sheet.deleteRule(sheet.cssRules.length - 1);
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
    for (let y = 0; y < c.height; y++)
      for (let x = 0; x < c.width; x++) {
        const k = (y * c.width + x) * 4;
        if (px[k] < 40 && px[k + 1] > 215 && px[k + 2] < 40) {
          x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
        }
      }
    return x1 < 0 ? null : { x: x0 - 20, y: y0 - 20, w: x1 - x0 + 1, h: y1 - y0 + 1 };
  }, png.toString("base64"));
  check(green, `the textarea's selection of finding ${i} was not found on screen`);
  // A selection fills the whole line box and a mark only the font's, so compare the left and
  // right edges and the vertical centre.
  const off = Math.max(Math.abs(green.x), Math.abs(green.w - box.w), Math.abs(green.y + green.h / 2 - box.h / 2));
  check(off <= 2, `finding ${i}: the highlight is ${JSON.stringify(box)} but the text is drawn at ${JSON.stringify({ ...green, x: box.x + green.x, y: box.y + green.y })}`);
}

async function waitFor(page, fn, arg, what) {
  try {
    await page.waitForFunction(fn, arg, { timeout: TIMEOUT });
  } catch {
    throw new Failure(`timed out after ${TIMEOUT / 1000} s waiting for ${what}`);
  }
}

async function main() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sfo-web-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    viewport: { width: 1280, height: 820 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
    timeout: TIMEOUT,
  });
  context.setDefaultTimeout(TIMEOUT);
  const errors = [];
  const requests = [];
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
    page.on("request", (r) => requests.push(r.url()));

    // ---- load ------------------------------------------------------------------------
    await page.goto(URL_, { timeout: TIMEOUT });
    await waitFor(page, () => document.body.dataset.ready === "true", null, "the page to load the linter");
    ok("page loads the wasm from the static server");

    // ---- paste the fixture -----------------------------------------------------------
    const ta = page.locator("#text");
    await ta.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    let pasted = false;
    try {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(URL_).origin });
      await page.evaluate((t) => navigator.clipboard.writeText(t), fixtureTxt);
      await page.keyboard.press("Control+V");
      await page.waitForFunction((t) => document.getElementById("text").value === t, fixtureTxt, { timeout: 5000 });
      pasted = true;
    } catch {
      // No clipboard in this browser build: type it in as one insertion, as a paste is.
      await page.evaluate(() => (document.getElementById("text").value = ""));
      await ta.focus();
      await page.keyboard.insertText(fixtureTxt);
    }
    await waitFor(page, (t) => document.getElementById("text").value === t && window.sfoApp.result.diagnostics.length > 0 && document.getElementById("backdrop").textContent.startsWith(t.slice(0, 40)), fixtureTxt, "findings for the pasted fixture");
    ok(`fixture ${pasted ? "pasted from the clipboard" : "inserted as one edit"}`);

    const { found } = await assertMatchesCli(page, fixtureTxt, cliTxt, "pasted text");
    ok(`the page's ${found.length} findings are the CLI's, rule by rule and span by span; the list's counts agree`);
    await assertHighlights(page, "pasted text");
    ok("every finding is highlighted over exactly its text, coloured by severity");

    const offender = found.filter((d) => d.rule === "offender-term");
    const offenderTexts = offender.map((d) => d.text);
    const wantOffender = ["offender", "offender’s", "offenders", "offender"];
    check(JSON.stringify(offenderTexts) === JSON.stringify(wantOffender), `offender-term highlights read ${JSON.stringify(offenderTexts)}, expected ${JSON.stringify(wantOffender)}`);
    const markTexts = await page.evaluate(() => {
      const ds = window.sfoApp.result.diagnostics;
      return [...document.querySelectorAll("#backdrop mark")].filter((m) => ds[m.dataset.i].rule === "offender-term").map((m) => m.textContent);
    });
    check(JSON.stringify(markTexts) === JSON.stringify(wantOffender), `offender-term <mark>s read ${JSON.stringify(markTexts)}`);
    check(!found.some((d) => d.text.includes("Offender Manager")), "“Prison Offender Manager” must not be flagged");
    ok(`offender-term marks read ${wantOffender.join(", ")} (after emoji and curly quotes); the official name is left alone`);

    const indexes = await page.evaluate(() => window.sfoApp.result.diagnostics.map((d, i) => (d.rule === "offender-term" ? i : -1)).filter((i) => i >= 0));
    for (const i of indexes) await assertMarkOverText(page, i);
    ok(`on screen, each offender-term highlight covers the textarea's own drawing of the word (${indexes.length} checked, to 2 px)`);

    // ---- the checker must see a broken highlight ---------------------------------------
    const blind = await page.evaluate((fn) => {
      const check = new Function(`return (${fn})()`);
      const bd = document.getElementById("backdrop");
      const results = [];
      // Shift the first offender-term mark one character right.
      const i = window.sfoApp.result.diagnostics.findIndex((d) => d.rule === "offender-term");
      const mark = bd.querySelector(`mark[data-i="${i}"]`);
      const saved = bd.cloneNode(true);
      const before = mark.previousSibling;
      const moved = before.data.slice(-1);
      before.data = before.data.slice(0, -1);
      mark.firstChild.data = moved + mark.firstChild.data.slice(0, -1);
      mark.nextSibling.data = mark.textContent.slice(-1) + mark.nextSibling.data;
      results.push(check().length > 0);
      bd.replaceChildren(...saved.childNodes);
      // Remove one.
      const m2 = bd.querySelector(`mark[data-i="${i}"]`);
      m2.replaceWith(...m2.childNodes);
      results.push(check().length > 0);
      window.sfoApp.select(-1);
      return results;
    }, highlightProblems.toString());
    check(blind.every(Boolean), `the highlight check did not notice a ${blind[0] ? "missing" : "misplaced"} highlight`);
    await page.evaluate(() => {
      document.getElementById("backdrop").replaceChildren();
      document.getElementById("text").dispatchEvent(new Event("input"));
    });
    await waitFor(page, () => document.querySelectorAll("#backdrop mark").length > 0, null, "highlights redrawn");
    await assertHighlights(page, "redrawn text");
    ok("the check reports a highlight moved by one character, and one removed");

    // ---- explanation and fix ---------------------------------------------------------
    await page.locator('#findings .rule-group[data-rule="offender-term"] .finding').first().click();
    const detail = page.locator("#detail");
    await detail.waitFor({ state: "visible" });
    const detailText = await detail.innerText();
    check(/section 4a/.test(detailText) && /service user/.test(detailText), `the explanation does not cite the guidance: ${detailText}`);
    const fix = detail.locator("button.fix").first();
    check((await fix.innerText()).includes("“offender” with “service user”"), `fix button reads “${await fix.innerText()}”`);
    await fix.click();
    const fixed = fixtureTxt.replace("the offender went", "the service user went");
    await waitFor(page, (t) => document.getElementById("text").value === t, fixed, "the fixed text");
    const after = await page.evaluate(pageFindings);
    check(after.filter((d) => d.rule === "offender-term").length === offender.length - 1, "after the fix, offender-term should have one finding fewer");
    await assertHighlights(page, "fixed text");
    ok("clicking a finding shows its explanation and cited guidance; its fix replaces the word and re-lints");

    // Clicking in the text selects the finding under the caret.
    await page.evaluate(() => {
      const ta = document.getElementById("text");
      const d = window.sfoApp.result.diagnostics.find((d) => d.rule === "offender-term");
      ta.setSelectionRange(d.start16 + 2, d.start16 + 2);
      ta.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    });
    check((await detail.innerText()).includes("offender-term"), "clicking a highlighted word should show its finding");
    ok("clicking a highlighted word shows its finding");

    // ---- settings --------------------------------------------------------------------
    await page.locator("#settings > summary").click();
    await page.locator("#set-preferred").fill("person on probation");
    await page.locator("#set-preferred").dispatchEvent("change");
    await page.locator('#set-rules input[data-rule="passive-voice"]').uncheck();
    await waitFor(page, () => !window.sfoApp.result.diagnostics.some((d) => d.rule === "passive-voice"), null, "passive-voice to be turned off");
    const sug = await page.evaluate(() => window.sfoApp.result.diagnostics.find((d) => d.rule === "offender-term").suggestions[0].replacement);
    check(sug.startsWith("person on probation"), `preferred term not applied: ${sug}`);
    await page.reload();
    await waitFor(page, () => document.body.dataset.ready === "true", null, "the page to reload");
    const kept = await page.evaluate(() => [document.getElementById("set-preferred").value, document.querySelector('#set-rules input[data-rule="passive-voice"]').checked, window.sfoApp.config()]);
    check(kept[0] === "person on probation" && kept[1] === false, `settings not kept across a reload: ${JSON.stringify(kept)}`);
    await page.locator("#settings > summary").click();
    await page.locator("#reset").click();
    ok(`settings reach the linter as TOML and survive a reload (${JSON.stringify(kept[2])})`);

    // ---- a Word document --------------------------------------------------------------
    await page.locator("#open").setInputFiles(fixtureDocx);
    await waitFor(page, () => /Opened review\.docx/.test(document.getElementById("status").textContent), null, "the .docx to open");
    const docxText = await page.evaluate(() => document.getElementById("text").value);
    const docx = await assertMatchesCli(page, docxText, cliDocx, "review.docx");
    await assertHighlights(page, "review.docx");
    const docxOffender = docx.found.filter((d) => d.rule === "offender-term").map((d) => d.text);
    check(JSON.stringify(docxOffender) === JSON.stringify(["offender’s", "offender", "Offenders"]), `review.docx offender-term: ${JSON.stringify(docxOffender)}`);
    const wantLoc = cliDocx.map((d) => locationWords(d.location));
    const gotLoc = docx.found.map((d) => d.location);
    check(JSON.stringify(gotLoc) === JSON.stringify(wantLoc), `locations ${JSON.stringify(gotLoc)}, CLI ${JSON.stringify(wantLoc)}`);
    check(!requests.some((u) => u.includes("docx")), "the .docx must not be requested over the network");
    ok(`review.docx is read in the page by the CLI's reader: ${docx.found.length} findings, the CLI's, with the same places (${gotLoc[3]})`);

    // ---- CSV ------------------------------------------------------------------------
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: TIMEOUT }), page.locator("#download").click()]);
    const csv = fs.readFileSync(await download.path(), "utf8");
    const rows = csv.replace(/^\ufeff/, "").trim().split("\r\n");
    check(rows[0] === "rule,severity,line,column,location,flagged,message,suggestion", `CSV header: ${rows[0]}`);
    check(rows.length === docx.found.length + 1, `CSV has ${rows.length - 1} rows for ${docx.found.length} findings`);
    check(rows.some((r) => r.startsWith("offender-term,warning,") && r.includes("table 1, row 2, cell 2")), "CSV lacks the table cell finding");
    const places = rows.slice(1).map((r) => r.split(",").slice(2, 4).join(":"));
    const cliPlaces = cliDocx.map((d) => `${d.line}:${d.column}`);
    check(JSON.stringify(places) === JSON.stringify(cliPlaces), `CSV lines and columns ${places}, CLI ${cliPlaces}`);
    ok(`findings download as CSV (${download.suggestedFilename()}, ${rows.length - 1} rows)`);

    // ---- timing ---------------------------------------------------------------------
    const big = fs.readFileSync(env("SFO_WEB_BIG"), "utf8");
    const words = big.split(/\s+/).filter(Boolean).length;
    const t = await page.evaluate((text) => {
      const runs = [];
      for (let k = 0; k < 3; k++) SfoLint.lint(text);
      for (let k = 0; k < 15; k++) {
        const t0 = performance.now();
        const r = SfoLint.lint(text);
        runs.push(performance.now() - t0);
        if (r.error || !r.diagnostics.length) throw new Error("no findings in the big review");
      }
      runs.sort((a, b) => a - b);
      return { median: runs[7], min: runs[0], max: runs[14] };
    }, big);
    // The whole update a keystroke costs: lint, highlights, list and statistics, to the next frame.
    await page.evaluate((text) => {
      const ta = document.getElementById("text");
      ta.value = text;
      ta.dispatchEvent(new Event("input"));
    }, big);
    await waitFor(page, (n) => window.sfoApp.result.stats && window.sfoApp.result.stats.words > n, words * 0.9, "the big review's findings");
    const redraw = await page.evaluate(() => {
      const ta = document.getElementById("text");
      const runs = [];
      return new Promise((resolve) => {
        const one = () => {
          const t0 = performance.now();
          ta.value = ta.value + " ";
          ta.dispatchEvent(new Event("input"));
          requestAnimationFrame(() => {
            runs.push(performance.now() - t0);
            if (runs.length < 7) setTimeout(one, 20);
            else resolve(runs.sort((a, b) => a - b)[3]);
          });
        };
        one();
      });
    });
    const target = t.median < 20 ? "meets the 20 ms target" : "MISSES the 20 ms target";
    log(`timing: linting a ${words}-word review in the page: median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)}, 15 runs) — ${target}; whole page update ${redraw.toFixed(1)} ms`);
    check(t.median <= MAX_MS, `linting ${words} words took ${t.median.toFixed(1)} ms (median), over the ${MAX_MS} ms limit`);
    const stats = await page.evaluate(() => document.getElementById("stats").innerText);
    check(/Words\s+1[0-9],[0-9]{3}/.test(stats) && /Reading ease/.test(stats) && /Passive/.test(stats), `statistics not shown: ${stats}`);
    ok(`timing measured; statistics shown (${stats.replace(/\s+/g, " ")})`);

    // ---- screenshot -----------------------------------------------------------------
    await page.evaluate(() => (document.getElementById("text").value = ""));
    await page.locator("#example").click();
    await page.evaluate(() => {
      const ds = window.sfoApp.result.diagnostics;
      window.sfoApp.select(ds.findIndex((d) => d.rule === "offender-term"), true);
    });
    await assertHighlights(page, "example text");
    await page.mouse.move(640, 810);
    await page.evaluate(() => document.activeElement.blur());
    if (SCREENSHOT) {
      await page.screenshot({ path: SCREENSHOT });
      ok(`screenshot saved to ${path.relative(process.cwd(), SCREENSHOT)}`);
    }

    // ---- nothing sent anywhere -------------------------------------------------------
    const origin = new URL(URL_).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
    check(!foreign.length, `the page made requests beyond its own files: ${foreign.join(", ")}`);
    const posts = requests.filter((u) => !/\.(html|js|css|wasm)$|\/$/.test(new URL(u).pathname) && u.startsWith(origin));
    check(!posts.length, `the page requested more than its own files: ${posts.join(", ")}`);
    ok(`the page asked only for its own files (${[...new Set(requests.map((u) => path.basename(new URL(u).pathname)))].join(", ")})`);

    // ---- file:// --------------------------------------------------------------------
    const local = await context.newPage();
    local.on("pageerror", (e) => errors.push(`file:// page error: ${e.message}`));
    await local.goto(pathToFileURL(path.join(env("SFO_WEB_DIR"), "index.html")).href, { timeout: TIMEOUT });
    await waitFor(local, () => document.body.dataset.ready === "true" && window.sfoApp.result.diagnostics.length > 0, null, "the page opened from file:// to lint");
    await local.evaluate((t) => {
      document.getElementById("text").value = t;
      document.getElementById("text").dispatchEvent(new Event("input"));
    }, fixtureTxt);
    await waitFor(local, (t) => document.getElementById("text").value === t && document.getElementById("backdrop").textContent.startsWith(t.slice(0, 40)), fixtureTxt, "file:// findings");
    await assertMatchesCli(local, fixtureTxt, cliTxt, "file:// page");
    await assertHighlights(local, "file:// page");
    ok("opened from file://, the page loads the embedded module and finds the same");

    check(!errors.length, `errors in the page:\n  ${errors.join("\n  ")}`);
    ok("no errors in the page");
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

const watchdog = setTimeout(() => {
  console.error("web-e2e: FAILED: the whole test took longer than 5 minutes");
  process.exit(1);
}, 300_000);
watchdog.unref();

main().then(
  () => {
    log(`${passed} passed, 0 failed`);
    process.exit(0);
  },
  (e) => {
    console.error(`web-e2e: FAILED: ${e instanceof Failure ? e.message : e.stack || e}`);
    log(`${passed} passed, 1 failed`);
    process.exit(1);
  },
);
