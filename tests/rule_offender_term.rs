mod common;
use common::{check_cases, found_with, linter_with};

const RULE: &str = "offender-term";

#[test]
fn flags_offender_for_a_person() {
    check_cases(
        RULE,
        &[
            ("The offender missed three appointments.", &["offender"]),
            ("Probation has a duty to manage offenders in the community.", &["offenders"]),
            ("Offenders like Mr Dale often struggle after a long sentence.", &["Offenders"]),
            ("The offender\u{2019}s partner called the office.", &["offender\u{2019}s"]),
            ("The offender's mother was not contacted.", &["offender's"]),
            ("The offenders' programme facilitator was not told.", &["offenders'"]),
            ("As a first-time offender, he received a suspended sentence.", &["offender"]),
            ("Ms Dean attended a centre for women offenders in Kelbridge.", &["offenders"]),
            ("He was described as a known sex offender.", &["offender"]),
            ("THE OFFENDER WAS RECALLED.", &["OFFENDER"]),
            (
                "The victim did not know that the offender lived nearby; the offender had moved.",
                &["offender", "offender"],
            ),
            ("The\u{a0}offender was seen.", &["offender"]),
        ],
    );
}

#[test]
fn leaves_official_names_and_near_misses_alone() {
    check_cases(
        RULE,
        &[
            ("The Prison Offender Manager completed the handover report.", &[]),
            ("The Community Offender Manager did not read the dossier.", &[]),
            ("The community offender manager (COM) did not read the dossier.", &[]),
            ("He joined the Integrated Offender Management (IOM) cohort.", &[]),
            ("The Offender Assessment System (OASys) assessment was thorough.", &[]),
            ("The Sex Offender Treatment Programme facilitator wrote a report.", &[]),
            ("The Offender Rehabilitation Act 2014 extended supervision.", &[]),
            ("The Offender Group Reconviction Scale predicted a 60% chance of reoffending.", &[]),
            ("His offending escalated after release.", &[]),
            ("The Youth Offending Team held the case.", &[]),
            ("Offender management in custody began in May.", &[]),
            ("She was an offence-focused worker.", &[]),
        ],
    );
}

#[test]
fn suggestion_inflects_the_preferred_term_and_fixes_the_article() {
    let linter = linter_with("[offender-term]\npreferred = \"person on probation\"\n");
    let text = "An offender met two offenders and an offender\u{2019}s friend.";
    let diags: Vec<_> = linter.lint(text, sfo_lint::Format::Plain).into_iter().filter(|d| d.rule == RULE).collect();
    let first: Vec<&str> = diags.iter().map(|d| d.suggestions[0].replacement.as_str()).collect();
    assert_eq!(first, vec!["A person on probation", "people on probation", "a person on probation\u{2019}s"]);
    assert_eq!(found_with(&linter, RULE, text).len(), 3);
    let default = common::lint("Offenders were seen.");
    assert_eq!(default[0].suggestions[0].replacement, "Service users");
}

#[test]
fn configured_allow_list_extends_official_names() {
    let linter = linter_with("[offender-term]\nallow = [\"Offender Hub\"]\n");
    assert!(found_with(&linter, RULE, "She went to the Offender Hub on Monday.").is_empty());
    assert_eq!(found_with(&linter, RULE, "The offender went to the hub.").len(), 1);
}

#[test]
fn offender_health_is_an_official_name() {
    check_cases(
        RULE,
        &[
            ("The Offender Health team at the prison saw him twice.", &[]),
            ("The offender\u{2019}s health was poor.", &["offender\u{2019}s"]),
        ],
    );
}
