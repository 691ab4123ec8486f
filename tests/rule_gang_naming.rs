mod common;
use common::{check_cases, found_with, lint, linter_with};

const RULE: &str = "gang-naming";

#[test]
fn flags_named_gangs() {
    check_cases(
        RULE,
        &[
            (
                "Police told the meeting that Mr Reid had fallen out with the Carrow Vale Bloods in 2020.",
                &["the Carrow Vale Bloods"],
            ),
            ("He was a member of the Hillside Boys.", &["the Hillside Boys"]),
            ("He was a member of the 28s.", &["the 28s"]),
            ("Mr Ali was affiliated with 67s in Lambeth, police said.", &["67s"]),
            ("The Moss Side Bloods controlled the estate.", &["The Moss Side Bloods"]),
            ("He said he was a member of the OGs.", &["the OGs"]),
            ("He often spent time with the Eastgate Crew.", &["the Eastgate Crew"]),
            ("He described himself as one of the \u{2018}Red Lane Crew\u{2019}.", &["Red Lane Crew"]),
            ("Police linked him to a gang known as OTB (Only The Brave).", &["OTB (Only The Brave)"]),
            ("The Dunmere Boys recruited him when he was 14.", &["The Dunmere Boys"]),
            (
                "Members of the Tarnside Crew stabbed Mr Kay in 2019, and he later joined the Brickfield Firm.",
                &["the Tarnside Crew", "the Brickfield Firm"],
            ),
            (
                "Mr Ali told the officer that the Eastmoor Youngers had threatened his mother.",
                &["the Eastmoor Youngers"],
            ),
            ("A rival gang, the Zone 9 Boys, attacked his brother in 2018.", &["the Zone 9 Boys"]),
            ("Hillside Boys members were seen outside the flat.", &["Hillside Boys"]),
            ("He had tattoos linked to the Northside Mandem.", &["the Northside Mandem"]),
            ("Police believe the Kelbridge Soldiers ordered the attack.", &["the Kelbridge Soldiers"]),
            ("He moved drugs for a group called the Mile End Mob.", &["the Mile End Mob"]),
            ("Officers saw him with the Brookside Gang twice.", &["the Brookside Gang"]),
            ("The Hillside Boys and the 28s were rivals.", &["The Hillside Boys", "the 28s"]),
            ("He was stabbed by members of the Westway Posse.", &["the Westway Posse"]),
            ("Police said he belonged to a crew known as Tarnside Youth.", &["Tarnside Youth"]),
        ],
    );
}

#[test]
fn leaves_generic_words_and_other_names_alone() {
    check_cases(
        RULE,
        &[
            ("Police believe that the serious further offence was gang-related.", &[]),
            ("Police suspected an organised crime group of using his flat to store drugs.", &[]),
            ("He has a tattoo that police associate with a local gang.", &[]),
            ("He was a member of a street gang.", &[]),
            ("The Morris family moved to Dunmere in 2015 to get away from the estate.", &[]),
            ("The Carrow Vale Youth Project runs a boxing club for boys on the estate.", &[]),
            ("Mr Diaz has followed the Kelbridge Crusaders rugby league team since childhood.", &[]),
            ("He was a member of the Boys\u{2019} Brigade as a child.", &[]),
            ("He attended the Hillside Boys Club every week.", &[]),
            ("He listened to the Beatles.", &[]),
            ("The Crown Prosecution Service decided not to charge him.", &[]),
            ("The Family Court made a child arrangements order.", &[]),
            ("The Flying Squad arrested him in 2019.", &[]),
            ("He was exploited through county lines drug dealing.", &[]),
            ("Police linked the stabbing to a long-running feud between two groups in Tarnside.", &[]),
            ("He grew up in the 1990s and was in his 20s when he joined a gang.", &[]),
            ("He told the GPs about his drinking.", &[]),
            ("Local boys threw stones at the house.", &[]),
            ("A gang member attacked him in 2018.", &[]),
            ("Gang members attacked him in 2018.", &[]),
            ("He was known as Tiny to his friends.", &[]),
            ("He was referred to the Gangs Unit.", &[]),
        ],
    );
}

#[test]
fn flags_the_cases_own_names_from_the_configuration() {
    let linter = linter_with("[gang-naming]\nnames = [\"Red Lane\", \"OTB\"]\n");
    assert_eq!(found_with(&linter, RULE, "He hung around with Red Lane and later with OTB."), ["Red Lane", "OTB"]);
    assert!(sfo_lint::Config::from_toml("[gang-naming]\nname = [\"x\"]\n", None)
        .map_err(|e| e.to_string())
        .and_then(|c| sfo_lint::Linter::new(&c).map(|_| ()).map_err(|e| e.to_string()))
        .is_err_and(|e| e.contains("name")));
}

#[test]
fn explains_the_caution_and_offers_a_generic_word() {
    let d = lint("He joined the Hillside Boys.").into_iter().find(|d| d.rule == RULE).expect("flagged");
    assert!(d.message.contains("needed to understand the risk"), "{}", d.message);
    assert_eq!(d.suggestions[0].replacement, "a gang");
    assert!(!d.suggestions[0].safe);
}

#[test]
fn a_group_calling_itself_a_name_is_named() {
    check_cases(
        RULE,
        &[
            ("A group calling itself Young Hallam attacked him outside the shop.", &["Young Hallam"]),
            ("He joined a crew that called itself the Ridge Runners (TRR) in 2019.", &["the Ridge Runners (TRR)"]),
            ("A group calling itself a support network met at the church hall.", &[]),
            ("Young people from the estate joined the boxing club.", &[]),
        ],
    );
}
