mod common;
use common::found;

const RULE: &str = "glossary-missing";

const BODY: &str = "The RO met Mr Hale in May. The Offender Assessment System (OASys) assessment was thorough.\n\n\
                    The MARAC met in June. Probation did not attend.\n\nThe MAPPA level stayed at 1.";

#[test]
fn a_review_with_acronyms_and_no_glossary_draws_one_diagnostic_at_the_first() {
    assert_eq!(found(RULE, BODY), vec!["RO"]);
    let heading = format!("Case details\n\n{BODY}");
    assert_eq!(found(RULE, &heading), vec!["RO"]);
}

#[test]
fn a_glossary_section_or_a_short_text_is_enough() {
    for glossary in ["Glossary", "Glossary of terms", "Terms used", "Abbreviations", "Abbreviations:", "## Glossary"] {
        let text = format!("{BODY}\n\n{glossary}\n\n- RO: responsible officer.");
        assert!(found(RULE, &text).is_empty(), "{glossary}");
    }
    // One paragraph is not a review.
    assert!(found(RULE, "The RO met the MARAC and the MAPPA panel.").is_empty());
    // Fewer than three distinct acronyms.
    assert!(found(RULE, "The RO met him.\n\nThe RO left. The ROs met.\n\nThe MARAC met.").is_empty());
    // Everyday acronyms do not count.
    assert!(found(RULE, "He watched TV.\n\nHe lives in the UK.\n\nThe NHS treated him. The RO called.").is_empty());
}
