//! English verb and noun inflection, enough to inflect dictionary entries.
//!
//! Regular forms follow the spelling rules (e-drop, y → ied, doubling of a final consonant
//! after a single stressed vowel, British doubling of final -l); irregular verbs come from
//! `dictionaries/irregular-verbs.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A verb's forms: base, third person singular, past, past participle, present participle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbForms {
    pub base: String,
    pub third: String,
    pub past: String,
    pub participle: String,
    pub ing: String,
}

fn irregular() -> &'static HashMap<String, (String, String)> {
    static MAP: OnceLock<HashMap<String, (String, String)>> = OnceLock::new();
    MAP.get_or_init(|| {
        crate::dictionaries::rows(crate::dictionaries::IRREGULAR_VERBS)
            .filter(|r| r.len() >= 3)
            .map(|r| {
                // Where a form has variants ("learnt/learned") the first is used.
                let first = |s: &str| s.split(['/', '|']).next().unwrap_or(s).trim().to_owned();
                (r[0].to_owned(), (first(r[1]), first(r[2])))
            })
            .collect()
    })
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether the final consonant doubles before -ed/-ing: stop → stopped, refer → referred,
/// travel → travelled (British), but visit → visited, open → opened.
fn doubles(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    if n < 3 {
        return false;
    }
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    if is_vowel(c1) || !is_vowel(v) || is_vowel(c2) || matches!(c2, b'w' | b'x' | b'y') {
        return false;
    }
    let vowel_groups = b.iter().enumerate().filter(|&(i, &c)| is_vowel(c) && (i == 0 || !is_vowel(b[i - 1]))).count();
    if vowel_groups == 1 || c2 == b'l' {
        return true;
    }
    // Stress on the last syllable, for the endings where it usually falls there.
    const STRESSED: &[&str] = &["mit", "fer", "cur", "pel", "gret", "trol", "bed", "gin"];
    const UNSTRESSED: &[&str] = &["offer", "differ", "suffer", "proffer", "conifer", "margin"];
    STRESSED.iter().any(|e| w.ends_with(e)) && !UNSTRESSED.iter().any(|e| w.ends_with(e))
}

fn regular_ed(w: &str) -> String {
    let b = w.as_bytes();
    if w.ends_with('e') {
        format!("{w}d")
    } else if w.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ied", &w[..w.len() - 1])
    } else if w.ends_with('c') {
        format!("{w}ked")
    } else if doubles(w) {
        format!("{w}{}ed", &w[w.len() - 1..])
    } else {
        format!("{w}ed")
    }
}

fn regular_ing(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e') && !w.ends_with("ee") && !w.ends_with("ye") && !w.ends_with("oe") && w.len() > 2 {
        format!("{}ing", &w[..w.len() - 1])
    } else if w.ends_with('c') {
        format!("{w}king")
    } else if doubles(w) {
        format!("{w}{}ing", &w[w.len() - 1..])
    } else {
        format!("{w}ing")
    }
}

/// The plural of a noun (or the third person singular of a verb).
pub fn plural(w: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("person", "people"),
        ("man", "men"),
        ("woman", "women"),
        ("child", "children"),
        ("have", "has"),
        ("be", "is"),
        ("do", "does"),
        ("go", "goes"),
    ];
    if let Some((_, p)) = IRREGULAR.iter().find(|(s, _)| *s == w) {
        return (*p).to_owned();
    }
    let b = w.as_bytes();
    if w.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &w[..w.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e)) {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// The forms of a one-word verb.
pub fn verb_forms(base: &str) -> VerbForms {
    let (past, participle) = irregular().get(base).cloned().unwrap_or_else(|| (regular_ed(base), regular_ed(base)));
    VerbForms { base: base.to_owned(), third: plural(base), past, participle, ing: regular_ing(base) }
}

/// The forms of a verb phrase, inflecting its first word: "find out" → "found out".
pub fn phrase_forms(phrase: &str) -> VerbForms {
    let (head, rest) = phrase.split_once(' ').map_or((phrase, String::new()), |(h, r)| (h, format!(" {r}")));
    let f = verb_forms(head);
    VerbForms {
        base: format!("{}{rest}", f.base),
        third: format!("{}{rest}", f.third),
        past: format!("{}{rest}", f.past),
        participle: format!("{}{rest}", f.participle),
        ing: format!("{}{rest}", f.ing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms() {
        let f = verb_forms("utilise");
        assert_eq!((f.third.as_str(), f.past.as_str(), f.ing.as_str()), ("utilises", "utilised", "utilising"));
        assert_eq!(verb_forms("refer").past, "referred");
        assert_eq!(verb_forms("visit").past, "visited");
        assert_eq!(verb_forms("travel").past, "travelled");
        assert_eq!(verb_forms("offer").past, "offered");
        assert_eq!(verb_forms("try").past, "tried");
        assert_eq!(verb_forms("stop").ing, "stopping");
        assert_eq!(verb_forms("panic").past, "panicked");
        assert_eq!(phrase_forms("find out").past, "found out");
        assert_eq!(verb_forms("get").past, "got");
        assert_eq!(plural("person"), "people");
    }
}
