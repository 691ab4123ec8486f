mod common;
use common::{check_cases, lint};

const RULE: &str = "passive-voice";

#[test]
fn flags_be_or_get_with_a_participle() {
    check_cases(
        RULE,
        &[
            ("Ms Pryce was referred to the MARAC in June.", &["was referred"]),
            ("The checks were not completed.", &["were not completed"]),
            ("The order had been breached three times.", &["had been breached"]),
            ("The case is being managed by a newly qualified officer.", &["is being managed"]),
            ("A referral should have been made.", &["should have been made"]),
            ("The killing could not have been predicted.", &["could not have been predicted"]),
            ("Mr Lowe got arrested for shoplifting.", &["got arrested"]),
            ("He was seen by the duty officer.", &["was seen"]),
            ("He was given a final warning.", &["was given"]),
            ("Has the victim been told about the outcome?", &["been told"]),
            ("She was later commended for her referral.", &["was later commended"]),
            ("It is recommended that all staff attend training.", &["is recommended"]),
            ("Staff will be trained by March.", &["will be trained"]),
            ("The flat was shared with two other men.", &["was shared"]),
            // Word-pasted text: curly apostrophes, non-breaking spaces, em dashes.
            ("The referral wasn\u{2019}t sent until May.", &["wasn\u{2019}t sent"]),
            ("The referral wasn't sent until May.", &["wasn't sent"]),
            ("The plan was\u{a0}reviewed in May.", &["was\u{a0}reviewed"]),
            ("The risk\u{2014}which was never reviewed\u{2014}rose.", &["was never reviewed"]),
            ("Two letters were sent, and neither was answered.", &["were sent", "was answered"]),
            ("The decision was, however, recorded.", &["was, however, recorded"]),
            ("The victim was targeted because of a debt.", &["was targeted"]),
            ("Drug tests were carried out weekly.", &["were carried"]),
        ],
    );
}

#[test]
fn leaves_active_and_stative_uses_alone() {
    check_cases(
        RULE,
        &[
            ("The officer had referred Mr Lowe to the housing team.", &[]),
            ("The completed assessment contained no analysis.", &[]),
            ("The sentence plan had targeted his alcohol use.", &[]),
            ("The officer was concerned about his drinking.", &[]),
            ("She was worried about Mr Fox.", &[]),
            ("The office is based in Harrowford.", &[]),
            ("She was married to Mr Cole for ten years.", &[]),
            ("He was tired and hungry.", &[]),
            ("He was holding a knife at the time.", &[]),
            ("He had been at a party with friends.", &[]),
            ("The officer seemed worried about the relationship.", &[]),
            ("Ms Grant\u{2019}s family asked whether probation knew.", &[]),
            ("The missed appointments went unchallenged for six weeks.", &[]),
            ("He was living with his mother.", &[]),
            ("He got rid of the phone.", &[]),
            ("He was known to the police.", &[]),
            ("He was unemployed and was involved in gang activity.", &[]),
            ("Staff were frightened of him.", &[]),
            ("He is used to living alone.", &[]),
            ("He was prepared to talk about the offence.", &[]),
            ("She was determined to leave him.", &[]),
            ("The report was thorough, and the plan was prompt.", &[]),
            ("He was the officer\u{2019}s first case.", &[]),
            ("The team is made up of six officers and was composed of volunteers.", &[]),
        ],
    );
}

#[test]
fn names_the_agent_in_the_active() {
    let message = |text: &str| lint(text).into_iter().find(|d| d.rule == RULE).map(|d| d.message).unwrap_or_default();
    assert!(message("He was seen by the duty officer.").contains("\u{201c}the duty officer saw \u{2026}\u{201d}"));
    assert!(message("The case is being managed by a newly qualified officer.")
        .contains("a newly qualified officer is managing"));
    assert!(message("The risk was not shared by the police.").contains("the police did not share"));
    assert!(message("The decision was made by him.").contains("he made"));
    // "by" with a date or a means names no agent.
    assert!(!message("Staff will be trained by 31 March.").contains("31 March \u{2026}"));
    assert!(message("The call was made by phone.").contains("does not say who acted"));
}

#[test]
fn finds_the_agent_after_a_short_phrase() {
    let d = lint("The information was shared with the police by the officer on 4 May.");
    let d = d.iter().find(|d| d.rule == RULE).expect("flagged");
    assert!(d.message.contains("the officer shared"), "{}", d.message);
    let d = lint("The plan was shared with staff and agreed by the manager.");
    let d = d.iter().find(|d| d.rule == RULE).expect("flagged");
    assert!(d.message.contains("does not say who acted"), "{}", d.message);
}

#[test]
fn neither_or_either_between_the_verbs_keeps_the_passive() {
    check_cases(
        RULE,
        &[
            ("The plan was neither updated nor shared with the police.", &["was neither updated"]),
            ("The letter was either lost or never sent.", &["was either lost"]),
            ("Neither the officer nor her manager was aware of the call.", &[]),
            ("He was either drunk or unwell when he arrived.", &[]),
        ],
    );
}
