#!/usr/bin/env python3
"""Generate dictionaries/participles.txt: the past participles used by the passive-voice rule.

Sources (Debian packages, read from their installed files; Python standard library only):

* WordNet 3.0 (package ``wordnet-base``): the verb lemmas in /usr/share/wordnet/index.verb and
  the irregular and spelling-changed inflections in /usr/share/wordnet/verb.exc.
* Hunspell en-GB (package ``hunspell-en-gb``): /usr/share/hunspell/en_GB.dic and en_GB.aff. Its
  -ed suffix rules (flags D and d) and its word list decide the British spelling of each regular
  form (refer -> referred, travel -> travelled, panic -> panicked, carry -> carried).
* dictionaries/irregular-verbs.tsv (this repository): the participle column gives the irregular
  forms (seen, taken, got, put ...), so that past-only forms such as "saw" or "took" are left out.

How a regular participle is chosen for a WordNet verb lemma (single words only):
  1. if Hunspell lists the lemma with an -ed flag (D or d), directly or through a prefix flag
     (commend/A... gives recommend), apply that flag's rule;
  2. otherwise try the spellings English rules allow (lemma+d after -e, -y -> -ied after a
     consonant, -c -> -cked, doubled final consonant, lemma+ed) and keep those Hunspell knows;
  3. otherwise use an -ed form that WordNet's verb.exc gives for the lemma;
  4. otherwise, if Hunspell knows the lemma itself, use the default spelling without doubling
     (review -> reviewed; en_GB.dic lacks "reviewed");
  5. otherwise leave the verb out (it is too rare for Hunspell's en-GB word list).
For a lemma spelt with -ize, the -ise spelling is tried too (utilize -> utilised as well as utilized).
A lemma made of a prefix (under-, over-, out-, re-, un-, ...) and an irregular verb takes that verb's
participle (underspend -> underspent, rewind -> rewound).

Usage:
  apt-get install wordnet-base hunspell-en-gb
  python3 tools/gen-participles.py            # writes dictionaries/participles.txt
  python3 tools/gen-participles.py --check    # exits 1 if the committed file is out of date
"""

import argparse
import os
import re
import subprocess
import sys

WORDNET_DIR = "/usr/share/wordnet"
HUNSPELL_DIC = "/usr/share/hunspell/en_GB.dic"
HUNSPELL_AFF = "/usr/share/hunspell/en_GB.aff"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IRREGULAR_TSV = os.path.join(ROOT, "dictionaries", "irregular-verbs.tsv")
OUTPUT = os.path.join(ROOT, "dictionaries", "participles.txt")

# Hunspell flags whose suffix rules produce the -ed form in en_GB.aff.
ED_FLAGS = ("D", "d")
# Forms that are participles but would only confuse a be + participle rule ("is been" never occurs;
# "been" is itself the auxiliary in "has been referred").
EXCLUDE = {"been"}
WORD_RE = re.compile(r"^[a-z]+(?:-[a-z]+)?$")


def package_version(name):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", name],
                             capture_output=True, text=True, check=True)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def read_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            yield line.rstrip("\n").lstrip("\ufeff")


def load_affix_rules(path, kind="SFX"):
    """Return {flag: [(strip, add, condition_regex)]} for every SFX (or PFX) rule in the .aff file."""
    rules = {}
    for line in read_lines(path):
        parts = line.split()
        if len(parts) >= 5 and parts[0] == kind:
            rules.setdefault(parts[1], [])
            strip = "" if parts[2] == "0" else parts[2]
            add = "" if parts[3] == "0" else parts[3].split("/")[0]
            if parts[4] == ".":
                cond = None
            elif kind == "SFX":
                cond = re.compile("(?:" + parts[4] + ")$")
            else:
                cond = re.compile("^(?:" + parts[4] + ")")
            rules[parts[1]].append((strip, add, cond))
    return rules


def apply_rules(word, rule_list, ed_only=True):
    out = []
    for strip, add, cond in rule_list:
        if cond is not None and not cond.search(word):
            continue
        if strip and not word.endswith(strip):
            continue
        form = (word[: len(word) - len(strip)] if strip else word) + add
        if form.endswith("ed") or not ed_only:
            out.append(form)
    return out


def load_hunspell():
    """Return (every word form the dictionary accepts, {stem: -ed forms from its D/d flags}).

    Every suffix flag is expanded for the first set, because some verbs carry their -ed form under
    another flag or as a separate entry (review/G7O has no D flag, yet "reviewed" is accepted)."""
    rules = load_affix_rules(HUNSPELL_AFF)
    prefixes = load_affix_rules(HUNSPELL_AFF, "PFX")
    known = set()
    ed_forms = {}
    lines = read_lines(HUNSPELL_DIC)
    next(lines, None)  # first line is the entry count
    for line in lines:
        entry = line.split("\t")[0].strip()
        if not entry:
            continue
        stem, _, flags = entry.partition("/")
        stem = stem.lower()
        known.add(stem)
        for flag in flags:
            if flag in rules and flag not in ED_FLAGS:
                known.update(f.lower() for f in apply_rules(stem, rules[flag], ed_only=False))
        for flag in ED_FLAGS:
            if flag in flags and flag in rules:
                forms = apply_rules(stem, rules[flag])
                known.update(forms)
                ed_forms.setdefault(stem, {}).setdefault(flag, set()).update(forms)
        # Prefix flags (commend/AnS7DG also gives recommend, recommended).
        for flag in flags:
            for strip, add, cond in prefixes.get(flag, ()):
                if (cond is not None and not cond.search(stem)) or (strip and not stem.startswith(strip)):
                    continue
                new_stem = add + stem[len(strip):]
                known.add(new_stem)
                for ed_flag, forms in ed_forms.get(stem, {}).items():
                    new_forms = {add + f[len(strip):] for f in forms}
                    known.update(new_forms)
                    ed_forms.setdefault(new_stem, {}).setdefault(ed_flag, set()).update(new_forms)
    return known, ed_forms


def load_wordnet_verbs():
    lemmas = set()
    for line in read_lines(os.path.join(WORDNET_DIR, "index.verb")):
        if not line or line.startswith(" "):
            continue
        lemma = line.split(" ", 1)[0].lower()
        if WORD_RE.match(lemma) and "_" not in lemma:
            lemmas.add(lemma)
    exc = {}
    for line in read_lines(os.path.join(WORDNET_DIR, "verb.exc")):
        parts = line.split()
        if len(parts) >= 2:
            for base in parts[1:]:
                exc.setdefault(base, set()).add(parts[0])
    return lemmas, exc


def load_irregular(path):
    table = {}
    for line in read_lines(path):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or cols[0] == "base":
            continue
        table[cols[0]] = set(cols[2].split("|"))
    return table


def candidates(lemma):
    """Spellings of the -ed form that English spelling rules allow for this lemma."""
    c = []
    if lemma.endswith("e"):
        c.append(lemma + "d")
    elif re.search(r"[^aeiou]y$", lemma):
        c.append(lemma[:-1] + "ied")
    else:
        if lemma.endswith("c"):
            c.append(lemma + "ked")
        if re.search(r"[^aeiou][aeiou][bdfgklmnprstvz]$", lemma):
            c.append(lemma + lemma[-1] + "ed")
        c.append(lemma + "ed")
    return c


def regular_participles(lemma, known, ed_forms, exc):
    by_flag = ed_forms.get(lemma, {})
    if "d" in by_flag and "D" in by_flag:
        # Both flags (target/dSMGDp, focus/CdGDAS): the d rule gives the standard spelling
        # (targeted, focused); keep a doubled D form only where WordNet's verb.exc confirms it.
        doubled = {f for f in by_flag["D"] - by_flag["d"] if f in exc.get(lemma, ())}
        return by_flag["d"] | doubled
    forms = set().union(*by_flag.values()) if by_flag else set()
    if forms:
        return forms
    found = {form for form in candidates(lemma) if form in known}
    if found:
        return found
    found = {form for form in exc.get(lemma, ()) if form.endswith("ed")}
    if found:
        return found
    if lemma in known:
        # A British word Hunspell knows but without any -ed form it accepts (en_GB.dic has
        # "review/G7O" but no "reviewed"): use the default spelling, never doubling a consonant.
        return {candidates(lemma)[-1]}
    return set()


# Prefixes that make a new verb from an irregular one with the same inflection
# (underspend -> underspent, rewind -> rewound, outshine -> outshone).
IRREGULAR_PREFIXES = ("under", "over", "out", "fore", "with", "mis", "re", "un", "up", "be")


def irregular_compound(lemma, irregular):
    if lemma in irregular:
        return None
    for prefix in IRREGULAR_PREFIXES:
        base = lemma[len(prefix):]
        if lemma.startswith(prefix) and len(base) >= 3 and base in irregular:
            return {prefix + form for form in irregular[base]}
    return None


def build():
    known, ed_forms = load_hunspell()
    lemmas, exc = load_wordnet_verbs()
    irregular = load_irregular(IRREGULAR_TSV)

    participles = set()
    for forms in irregular.values():
        participles.update(forms)

    for lemma in sorted(lemmas):
        compound = irregular_compound(lemma, irregular)
        if compound:
            participles.update(compound)
            continue
        spellings = [lemma]
        if lemma.endswith("ize"):
            spellings.append(lemma[:-3] + "ise")
        for spelling in spellings:
            if spelling in irregular:
                continue
            participles.update(regular_participles(spelling, known, ed_forms, exc))

    participles = {p.lower() for p in participles if WORD_RE.match(p.lower())}
    participles -= EXCLUDE
    return sorted(participles)


def header():
    wn = package_version("wordnet-base")
    hs = package_version("hunspell-en-gb")
    return "\n".join([
        "# sfo-lint past participles for the passive-voice rule: one lower-case form per line, sorted.",
        "# GENERATED FILE - do not edit by hand. Regenerate with:",
        "#   apt-get install wordnet-base hunspell-en-gb && python3 tools/gen-participles.py",
        "# Sources:",
        "#   WordNet 3.0, Debian package wordnet-base " + wn + " (index.verb, verb.exc),",
        "#     Princeton University WordNet 3.0 licence (see dictionaries/LICENSES.md)",
        "#   Hunspell en-GB, Debian package hunspell-en-gb " + hs + " (en_GB.dic, en_GB.aff),",
        "#     LGPL / Kevin Atkinson word-list licence (see dictionaries/LICENSES.md)",
        "#   dictionaries/irregular-verbs.tsv (participle column)",
        "# Regular forms follow en-GB spelling (referred, travelled, panicked, carried); -ize verbs also",
        "# get the -ise spelling. Stative uses (was concerned, is based) are filtered by",
        "# dictionaries/stative-participles.txt, not here.",
        "",
    ])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the output file is out of date")
    ap.add_argument("--output", default=OUTPUT)
    args = ap.parse_args()
    for path in (HUNSPELL_DIC, HUNSPELL_AFF, os.path.join(WORDNET_DIR, "index.verb")):
        if not os.path.exists(path):
            sys.exit(path + " not found: apt-get install wordnet-base hunspell-en-gb")
    words = build()
    text = header() + "\n".join(words) + "\n"
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = ""
        if current != text:
            sys.exit(args.output + " is out of date: run python3 tools/gen-participles.py")
        print(args.output + " is up to date (%d participles)" % len(words))
        return
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s (%d participles)" % (args.output, len(words)))


if __name__ == "__main__":
    main()
