mod common;
use common::found;

const RULE: &str = "glossary-missing";

const BODY: &str = "The RO met Mr Hale in May. The Offender Assessment System (OASys) assessment was thorough.\n\n\
                    The MARAC met in June. Probation did not attend.\n\nThe MAPPA level stayed at 1.";

/// A glossary listing every acronym of `BODY`.
const ENTRIES: &str = "- MAPPA: Multi-Agency Public Protection Arrangements.\n- MARAC: Multi-Agency Risk Assessment \
                       Conference.\n- OASys: Offender Assessment System.\n- RO: responsible officer.";

#[test]
fn a_review_with_acronyms_and_no_glossary_draws_one_diagnostic_at_the_first() {
    assert_eq!(found(RULE, BODY), vec!["RO"]);
    let heading = format!("Case details\n\n{BODY}");
    assert_eq!(found(RULE, &heading), vec!["RO"]);
}

#[test]
fn a_glossary_section_or_a_short_text_is_enough() {
    for glossary in ["Glossary", "Glossary of terms", "Terms used", "Abbreviations", "Abbreviations:", "## Glossary"] {
        let text = format!("{BODY}\n\n{glossary}\n\n{ENTRIES}");
        assert!(found(RULE, &text).is_empty(), "{glossary}");
    }
    // One paragraph is not a review.
    assert!(found(RULE, "The RO met the MARAC and the MAPPA panel.").is_empty());
    // Fewer than three distinct acronyms.
    assert!(found(RULE, "The RO met him.\n\nThe RO left. The ROs met.\n\nThe MARAC met.").is_empty());
    // Everyday acronyms do not count.
    assert!(found(RULE, "He watched TV.\n\nHe lives in the UK.\n\nThe NHS treated him. The RO called.").is_empty());
}

#[test]
fn a_glossary_that_leaves_out_an_acronym_draws_one_diagnostic_at_its_first_use() {
    let without = |left_out: &str| {
        let entries: Vec<&str> = ENTRIES.lines().filter(|l| !l.contains(&format!("- {left_out}:"))).collect();
        format!("{BODY}\n\nGlossary\n\n{}", entries.join("\n"))
    };
    assert_eq!(found(RULE, &without("MARAC")), vec!["MARAC"]);
    assert_eq!(found(RULE, &without("RO")), vec!["RO"]);
    // Defined in full at first use is not enough: the glossary should list it too.
    assert_eq!(found(RULE, &without("OASys")), vec!["OASys"]);
    // Plurals and possessives are the same acronym, reported once.
    let text = format!("The ROs met. The RO\u{2019}s notes were brief.\n\n{}", without("RO"));
    assert_eq!(found(RULE, &text), vec!["ROs"]);
    // The review's own expansion is offered where it gives one, else the dictionary's.
    let diags = common::lint(&without("OASys"));
    let d = diags.iter().find(|d| d.rule == RULE).unwrap();
    assert!(d.message.contains("Offender Assessment System"), "{}", d.message);
    let d = common::lint(&without("MAPPA")).into_iter().find(|d| d.rule == RULE).unwrap();
    assert!(d.message.contains("Multi-Agency Public Protection Arrangements"), "{}", d.message);
}

#[test]
fn a_complete_glossary_has_no_findings_whatever_else_the_review_holds() {
    let full = format!("{BODY}\n\nGlossary\n\n{ENTRIES}");
    assert!(found(RULE, &full).is_empty());
    // Everyday acronyms need no entry; nor do acronyms only in headings or only in the glossary.
    let extra =
        format!("MAPPA review\n\nHe moved to the UK. The NHS treated him.\n\n{full}\n- SPO: senior probation officer.");
    assert!(found(RULE, &extra).is_empty(), "{:?}", found(RULE, &extra));
    // Spelt differently in the glossary (upper case, plural) is still listed.
    let text = format!("{BODY}\n\nGlossary\n\n{}", ENTRIES.replace("- OASys:", "- OASYS:").replace("- RO:", "- ROs:"));
    assert!(found(RULE, &text).is_empty(), "{:?}", found(RULE, &text));
}
