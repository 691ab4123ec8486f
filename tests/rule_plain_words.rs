mod common;
use common::{check_cases, found_with, linter_with};

const RULE: &str = "plain-words";

#[test]
fn flags_complex_words_in_every_form() {
    check_cases(
        RULE,
        &[
            ("The officer utilised a structured tool.", &["utilised"]),
            ("She is utilising the new approach.", &["utilising"]),
            ("Supervision commenced prior to release.", &["commenced", "prior to"]),
            ("She called the police in order to check the address.", &["in order to"]),
            ("Staff should respond in a timely manner.", &["in a timely manner"]),
            ("The worker will facilitate contact.", &["facilitate"]),
            ("He endeavoured to attend.", &["endeavoured"]),
            ("Commence the review.", &["Commence"]),
            ("The manager ascertained the facts.", &["ascertained"]),
            ("In\u{a0}order to help, she phoned.", &["In\u{a0}order to"]),
            ("The supervision terminated in May.", &["terminated"]),
        ],
    );
}

#[test]
fn leaves_plain_words_and_terms_of_practice_alone() {
    check_cases(
        RULE,
        &[
            ("The officer used a structured tool.", &[]),
            ("Supervision started before release.", &[]),
            ("She called the police to check the address.", &[]),
            ("The order was made in May.", &[]),
            ("In order, the steps were these.", &[]),
            ("The licence requirement was breached.", &[]),
            ("Her timely referral helped.", &[]),
            ("The officer made a referral to the MARAC.", &[]),
            ("The prior convictions were for theft.", &[]),
            ("He commented on the plan.", &[]),
        ],
    );
}

#[test]
fn suggestions_inflect_and_keep_capitalisation() {
    let d = common::lint("Utilised well. He utilises it. COMMENCE NOW.");
    let reps: Vec<&str> = d.iter().filter(|d| d.rule == RULE).map(|d| d.suggestions[0].replacement.as_str()).collect();
    assert_eq!(reps, vec!["Used", "uses", "START"]);
}

#[test]
fn configuration_adds_and_allows_entries() {
    let linter = linter_with("[plain-words]\nextra = { \"going forward\" = \"from now on\" }\nallow = [\"utilise\"]\n");
    assert_eq!(found_with(&linter, RULE, "Going forward, we will utilise it."), vec!["Going forward"]);
}

#[test]
fn determined_as_an_adjective_and_timely_fashion() {
    check_cases(
        RULE,
        &[
            ("She did not act in a timely fashion.", &["in a timely fashion"]),
            ("The officer determined that he should be recalled.", &["determined"]),
            ("The panel will determine the level of management.", &["determine"]),
            ("He was determined to stay sober after his release.", &[]),
            ("Ms Ray seemed determined to move away from the town.", &[]),
        ],
    );
}
