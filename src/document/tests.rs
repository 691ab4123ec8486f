use super::*;

fn sentences<'a>(doc: &'a Document) -> Vec<&'a str> {
    doc.sentences.iter().map(|s| doc.slice(s.span)).collect()
}

#[test]
fn abbreviations_and_numbers_do_not_end_sentences() {
    let doc = Document::parse(
        "Mr. Hale met Dr. Shah, e.g. at para. 4, on 03.05.2021 at 10.30am. His score was 1.5. No. 5 was next.",
        Format::Plain,
    );
    assert_eq!(
        sentences(&doc),
        vec![
            "Mr. Hale met Dr. Shah, e.g. at para. 4, on 03.05.2021 at 10.30am.",
            "His score was 1.5.",
            "No. 5 was next."
        ]
    );
}

#[test]
fn headings_and_list_items_are_units() {
    let doc = Document::parse(
        "Assessment\n\nThe RO met him. He agreed.\n\n- Action 1: brief staff\n- Action 2: audit cases\n",
        Format::Plain,
    );
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, vec![BlockKind::Heading, BlockKind::Paragraph, BlockKind::ListItem, BlockKind::ListItem]);
    assert_eq!(
        sentences(&doc),
        vec!["Assessment", "The RO met him.", "He agreed.", "Action 1: brief staff", "Action 2: audit cases"]
    );
}

#[test]
fn hard_wrapped_lines_join_but_word_paragraphs_do_not() {
    let doc = Document::parse("The officer did not visit the home address during the whole of the\nlicence period, which was a missed opportunity.\nThe manager agreed.", Format::Plain);
    assert_eq!(doc.sentences.len(), 2);
    assert_eq!(doc.blocks.len(), 2);
    assert_eq!(doc.sentences[0].token_count, 20);
}

#[test]
fn words_keep_apostrophes_and_split_hyphens() {
    let doc = Document::parse("The service user\u{2019}s re-offending rose.", Format::Plain);
    let words: Vec<&str> = (0..doc.words.len()).map(|i| doc.word(i)).collect();
    assert_eq!(words, vec!["The", "service", "user\u{2019}s", "re", "offending", "rose"]);
}

#[test]
fn quotes_are_told_from_apostrophes() {
    let text = "His \u{2018}girlfriend\u{2019} and the 'relationship' in the users' records; don't; O'Brien; the '90s; he said \u{201c}I\u{2019}m fine\u{201d}.";
    let doc = Document::parse(text, Format::Plain);
    let found: Vec<(QuoteKind, &str)> = doc.quotes.iter().map(|q| (q.kind, doc.slice(q.inner))).collect();
    assert_eq!(
        found,
        vec![
            (QuoteKind::Single, "girlfriend"),
            (QuoteKind::Single, "relationship"),
            (QuoteKind::Double, "I\u{2019}m fine")
        ]
    );
}

#[test]
fn markdown_prose_only() {
    let doc = Document::parse(
        "# Case details\n\nSee `utilise` and [the plan](https://example.org/offender).\n\n```\ncode here\n```\n",
        Format::Markdown,
    );
    assert!(doc.words.iter().all(|w| !matches!(doc.slice(w.span), "utilise" | "offender" | "code" | "https")));
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
    assert_eq!(doc.slice(doc.blocks[0].span), "Case details");
}

#[test]
fn crlf_and_nbsp_are_whitespace() {
    let doc = Document::parse("The RO\u{a0}met him.\r\nHe agreed.\r\n", Format::Plain);
    assert_eq!(sentences(&doc), vec!["The RO\u{a0}met him.", "He agreed."]);
    assert_eq!(doc.sentences[0].token_count, 4);
}

#[test]
fn elisions_are_not_quotations() {
    let text = "Rock 'n' roll since the \u{2019}80s, and the users\u{2019} \u{2018}forum\u{2019}; fish \u{2019}n\u{2019} chips in the '90s and 'fine'.";
    let doc = Document::parse(text, Format::Plain);
    let found: Vec<&str> = doc.quotes.iter().map(|q| doc.slice(q.inner)).collect();
    assert_eq!(found, vec!["forum", "fine"]);
}

#[test]
fn word_keys_and_gaps_come_from_one_pass() {
    let text = "The user\u{2019}s café—re-offending, “Naïve” ID_2 6.4 rock\u{a0}and\u{2010}roll. Next one.";
    let doc = Document::parse(text, Format::Plain);
    let words: Vec<&str> = doc.words.iter().map(|w| doc.slice(w.span)).collect();
    assert_eq!(
        words,
        [
            "The",
            "user\u{2019}s",
            "café",
            "re",
            "offending",
            "Naïve",
            "ID_2",
            "6.4",
            "rock",
            "and",
            "roll",
            "Next",
            "one"
        ]
    );
    for w in &doc.words {
        assert_eq!(w.key, crate::key::key(doc.slice(w.span)), "{}", doc.slice(w.span));
    }
    assert_eq!(doc.words[1].key, crate::key::key("USER'S"));
    assert_eq!(sentences(&doc).len(), 2, "{:?}", sentences(&doc));
    let gaps: Vec<Gap> = doc.words.iter().map(|w| w.before).collect();
    use Gap::*;
    assert_eq!(gaps, [Start, Space, Space, Other, Hyphen, Other, Other, Space, Space, Space, Hyphen, Start, Space]);
    assert!(doc.joined(1) && !doc.joined(4) && doc.linked(4) && !doc.linked(3) && !doc.linked(11));
    assert_eq!(doc.sentences[0].token_count, 8);
}
