//! The readability figures.

use sfo_lint::stats::{syllables, Stats};
use sfo_lint::{Document, Format, Linter};

fn stats(text: &str) -> Stats {
    let doc = Document::parse(text, Format::Plain);
    let found = Linter::default().lint_document(&doc);
    Stats::compute(&doc, &found)
}

#[test]
fn counts_words_sentences_and_lengths() {
    let text = "Case details\n\nThe report was written by the RO. The RO met him on 3 May. He left.\n";
    let s = stats(text);
    assert_eq!(s.words, 2 + 7 + 7 + 2, "headings count as words");
    assert_eq!(s.sentences, 3, "a heading is not a sentence");
    assert_eq!(s.average_sentence_length, 5.3);
    assert_eq!(s.longest_sentence_length, 7);
    let longest = s.longest_sentence.unwrap();
    assert_eq!(&text[longest.start..longest.end], "The report was written by the RO.", "the first of equals");
    assert_eq!(s.passive_sentences, 1);
    assert_eq!(s.passive_share, 0.333);
    assert_eq!(s.acronyms, 1);
    assert_eq!(s.rules.get("passive-voice"), Some(&1));
    assert_eq!(s.rules.values().sum::<usize>(), Linter::default().lint(text, Format::Plain).len());
}

#[test]
fn acronyms_are_distinct_and_the_glossary_does_not_count() {
    let s =
        stats("The RO and the ROs met the MARAC. The RO left.\n\nGlossary\n\n- OASys: Offender Assessment System.\n");
    assert_eq!(s.acronyms, 2);
}

#[test]
fn flesch_reading_ease_rewards_short_plain_sentences() {
    let plain = stats("He met her. She was kind. They went home. He did not call.").flesch_reading_ease.unwrap();
    let dense = stats(
        "The responsible officer's consideration of multi-agency information-sharing arrangements \
         necessitated comprehensive organisational reconsideration.",
    )
    .flesch_reading_ease
    .unwrap();
    assert!(plain > 90.0, "{plain}");
    assert!(dense < 0.0, "{dense}");
}

#[test]
fn empty_and_heading_only_texts() {
    for text in ["", "   \n\n", "Case details\n"] {
        let s = stats(text);
        assert_eq!((s.sentences, s.average_sentence_length, s.passive_share), (0, 0.0, 0.0), "{text:?}");
        assert_eq!(s.flesch_reading_ease, None);
        assert_eq!(s.longest_sentence, None);
    }
}

#[test]
fn serialises_for_the_web_page() {
    let v = serde_json::to_value(stats("The offender was recalled.")).unwrap();
    for key in [
        "words",
        "sentences",
        "average_sentence_length",
        "longest_sentence_length",
        "longest_sentence",
        "passive_sentences",
        "passive_share",
        "acronyms",
        "flesch_reading_ease",
        "rules",
    ] {
        assert!(v.get(key).is_some(), "{key} missing from {v}");
    }
    assert_eq!(v["rules"]["offender-term"], 1);
    assert_eq!(v["longest_sentence"], serde_json::json!({"start": 0, "end": 26}));
}

#[test]
fn syllables_are_guessed_by_spelling() {
    let words = "the probation officer made a referral to the approved premises";
    let total: usize = words.split(' ').map(syllables).sum();
    // the pro-ba-tion of-fi-cer made a re-fer-ral to the ap-proved pre-mis-es
    assert_eq!(total, 1 + 3 + 3 + 1 + 1 + 3 + 1 + 1 + 2 + 3);
    assert_eq!(syllables("2021"), 0);
}
