mod common;
use common::{check_cases, lint};

const RULE: &str = "scare-quotes";

#[test]
fn flags_short_phrases_in_single_inverted_commas() {
    check_cases(
        RULE,
        &[
            ("He said he had a new \u{2018}girlfriend\u{2019} he met at the gym.", &["\u{2018}girlfriend\u{2019}"]),
            ("The officer accepted that the 'relationship' had ended.", &["'relationship'"]),
            (
                "He described the assault as \u{2018}a bit of a push\u{2019} and said she \u{2018}fell over\u{2019}.",
                &["\u{2018}a bit of a push\u{2019}", "\u{2018}fell over\u{2019}"],
            ),
            (
                "The 'accommodation' Mr Webb's sister offered was a sofa. He said he'd 'go straight' this time.",
                &["'accommodation'", "'go straight'"],
            ),
            ("\u{2018}Good engagement\u{2019} was the officer\u{2019}s summary.", &["\u{2018}Good engagement\u{2019}"]),
            (
                "He called it a \u{2018}misunderstanding\u{2019}\u{2014}the police called it assault.",
                &["\u{2018}misunderstanding\u{2019}"],
            ),
            ("Child C\u{2019}s 'boyfriend', a 32-year-old man, collected her.", &["'boyfriend'"]),
            ("The officer recorded this as a 'one-off' and moved on.", &["'one-off'"]),
            (
                "His mother said he had been \u{2018}a changed man\u{2019} since prison.",
                &["\u{2018}a changed man\u{2019}"],
            ),
            ("Staff called it a\u{a0}\u{2018}blip\u{2019} in the records.", &["\u{2018}blip\u{2019}"]),
            (
                "He moved in with a \u{2018}friend\u{2019} (\u{2018}Dave\u{2019}) in May.",
                &["\u{2018}friend\u{2019}", "\u{2018}Dave\u{2019}"],
            ),
            ("- The victim was described as \u{2018}difficult\u{2019}.", &["\u{2018}difficult\u{2019}"]),
            (
                "She recorded that he had \u{2018}a drink problem\u{2019} but did not refer him.",
                &["\u{2018}a drink problem\u{2019}"],
            ),
            (
                "The plan said he was \u{2018}working hard to stay out of trouble now\u{2019}.",
                &["\u{2018}working hard to stay out of trouble now\u{2019}"],
            ),
            ("The police called it a 'domestic'.", &["'domestic'"]),
            ("He said the users' group was \u{2018}useless\u{2019}.", &["\u{2018}useless\u{2019}"]),
            ("He has lived there since the \u{2019}80s and calls it \u{2018}home\u{2019}.", &["\u{2018}home\u{2019}"]),
        ],
    );
}

#[test]
fn leaves_apostrophes_and_real_quotations_alone() {
    check_cases(
        RULE,
        &[
            ("The service user\u{2019}s partner called.", &[]),
            ("The users' records were incomplete.", &[]),
            ("He didn't attend and wasn't contacted.", &[]),
            ("He has used heroin since the '90s.", &[]),
            ("He has lived on the estate since the \u{2019}80s.", &[]),
            ("Mr O'Brien and Ms O\u{2019}Neill attended.", &[]),
            ("He played rock 'n' roll records all night.", &[]),
            ("She said \u{201c}I am frightened of him.\u{201d}", &[]),
            ("She said \u{201c}he called it \u{2018}nothing\u{2019} at all\u{201d} to the police.", &[]),
            ("He said \"she called it 'a joke' later\" to me.", &[]),
            ("The note read \u{2018}he told me he would kill her if she left him again\u{2019} in full.", &[]),
            ("The officers\u{2019} concerns and Mr Jones' car were noted.", &[]),
            ("The CRC\u{2019}s records and Mr Coyle\u{2019}s risks were reviewed.", &[]),
            ("The staff's view was that the users\u{2019} forum helped.", &[]),
            ("It's the officers' view that he's changed.", &[]),
            ("He said, \u{2018}I\u{2019}m not going back there.\u{2019}", &[]),
            ("In the \u{2018}90s he lived in Leeds.", &[]),
            ("Rock \u{2019}n\u{2019} roll and fish 'n' chips.", &[]),
            ("He'd spent the '80s and '90s in prison.", &[]),
        ],
    );
}

#[test]
fn suggests_dropping_the_marks() {
    let d = lint("He had a new \u{2018}girlfriend\u{2019}.");
    let d = d.iter().find(|d| d.rule == RULE).expect("flagged");
    assert!(d.message.contains("say so plainly") && d.message.contains("double quotation marks"), "{}", d.message);
    assert_eq!(d.suggestions[0].replacement, "girlfriend");
    assert!(d.suggestions[0].safe);
    assert_eq!(d.suggestions[1].replacement, "\u{201c}girlfriend\u{201d}");
    assert!(!d.suggestions[1].safe);
    let d = lint("He had a new 'girlfriend'.");
    let d = d.iter().find(|d| d.rule == RULE).expect("flagged");
    assert_eq!(d.suggestions[1].replacement, "\"girlfriend\"");
}

#[test]
fn a_nickname_in_quotes_is_not_a_scare_quote() {
    check_cases(
        RULE,
        &[
            ("Mr Hall, known on the estate as \u{2018}Ghost\u{2019}, sold cannabis.", &[]),
            ("He called himself 'Blade' on social media.", &[]),
            ("Mr Pike, nicknamed 'Big Dave', lived at the hostel.", &[]),
            ("He called the assault a \u{2018}misunderstanding\u{2019}.", &["\u{2018}misunderstanding\u{2019}"]),
            ("He was known to staff as \u{2018}no trouble\u{2019}.", &["\u{2018}no trouble\u{2019}"]),
        ],
    );
}
