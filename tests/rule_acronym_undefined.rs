mod common;
use common::{check_cases, found_with, lint, linter_with};

const RULE: &str = "acronym-undefined";

#[test]
fn flags_the_first_undefined_use() {
    check_cases(
        RULE,
        &[
            ("The GP told the RO that he had stopped his medication. The RO recorded it.", &["GP", "RO"]),
            ("MASH staff screened the referral on the same day.", &["MASH"]),
            // A definition after the first use does not rescue it.
            (
                "Ms Pryce was referred to the MARAC in June. Multi-Agency Risk Assessment Conference (MARAC) minutes show that probation did not attend.",
                &["MARAC"],
            ),
            // Plurals count, and the later singular is the same acronym.
            ("Two ROs managed Mr McAllister. Neither RO recorded a home visit.", &["ROs"]),
            ("The LDUs\u{2019} managers met in May.", &["LDUs"]),
            // Possessives: the acronym without its ending.
            ("The CRC\u{2019}s records show four missed appointments.", &["CRC"]),
            ("The CRC's records show four missed appointments.", &["CRC"]),
            // Mixed case.
            ("In the OASys, question 10.6 asks about weapons.", &["OASys"]),
            ("The RoSH was not reviewed after the arrest.", &["RoSH"]),
            ("He was never registered on ViSOR.", &["ViSOR"]),
            ("The CiN plan named both children.", &["CiN"]),
            ("He was not eligible for RoTL until March.", &["RoTL"]),
            ("ROSH was not reviewed.", &["ROSH"]),
            // An acronym with a number is still an acronym.
            ("The checks that PI 06/2018 requires were not done.", &["PI"]),
            // Known with an ampersand.
            ("Ms Rowe went to A&E with a broken wrist.", &["A&E"]),
            // Unknown to the dictionary: still an acronym.
            ("The XQZ panel met twice.", &["XQZ"]),
            // Word-pasted text: non-breaking spaces, em dashes, curly quotes.
            ("The\u{a0}POM\u{a0}met him twice.", &["POM"]),
            ("The COM\u{2014}his second\u{2014}left in May.", &["COM"]),
            ("Staff called it a \u{201c}MAPPA case\u{201d} from the start.", &["MAPPA"]),
            // A glossary is not a definition at first use.
            (
                "The MAPPA meeting was held in May.\n\nGlossary\n\nMulti-Agency Public Protection Arrangements (MAPPA): how agencies manage risk.",
                &["MAPPA"],
            ),
            // A heading use is not reported, the first use in the text is.
            ("MAPPA referral\n\nThe MAPPA meeting was held in May.", &["MAPPA"]),
        ],
    );
}

#[test]
fn leaves_definitions_and_non_acronyms_alone() {
    check_cases(
        RULE,
        &[
            ("The Offender Assessment System (OASys) assessment was thorough. OASys was reviewed.", &[]),
            ("An IDVA (Independent Domestic Violence Advisor) supported her. The IDVA called.", &[]),
            ("Risk of Serious Harm (ROSH) was assessed. The RoSH score rose.", &[]),
            ("The Multi-Agency Public Protection Arrangements (MAPPA) applied. MAPPA met.", &[]),
            ("Each action is Specific, Measurable, Achievable, Relevant and Time-bound (SMART).", &[]),
            ("Mr Lyle lived at Carrow Vale approved premises (AP). AP staff searched his room.", &[]),
            ("The Multi-Agency Public Protection Arrangements (\u{201c}MAPPA\u{201d}) applied.", &[]),
            ("The Community Offender Manager\u{a0}(COM) met him. The COM left.", &[]),
            ("Two Responsible Officers (ROs) managed him. Neither RO visited.", &[]),
            ("Mr McAllister sent messages on WhatsApp to Mr DeShawn MacDonald.", &[]),
            ("The team manager used a PowerPoint briefing.", &[]),
            ("KEY FINDINGS\n\n(ii) The manager found NO record of a visit in Part IV of the file.", &[]),
            ("THE OFFICER DID NOT VISIT THE HOME.", &[]),
            ("The officer did NOT check, and NEVER asked.", &[]),
            ("Mr SMITH and Mrs JONES attended.", &[]),
            ("Child B told Person A about it in Chapter XIV.", &[]),
            ("He lives in the UK and watched TV with his NHS nurse.", &[]),
            ("He stayed at a B&B near the station.", &[]),
            ("His score on question R6.2 was 2 at 10 PM.", &[]),
            ("Police linked him to a gang known as OTB (Only The Brave).", &[]),
        ],
    );
}

#[test]
fn messages_give_the_expansion_and_suggest_it() {
    let d = lint("The MARAC met in April.");
    let d = d.iter().find(|d| d.rule == RULE).expect("MARAC is flagged");
    assert!(d.message.contains("Multi Agency Risk Assessment Conference (MARAC)"), "{}", d.message);
    assert_eq!(d.suggestions.len(), 1);
    assert!(d.suggestions[0].safe);
    assert_eq!(d.suggestions[0].replacement, "Multi Agency Risk Assessment Conference (MARAC)");

    let d = lint("The AP was full.");
    let d = d.iter().find(|d| d.rule == RULE).expect("AP is flagged");
    assert!(d.message.contains("Approved Premises") && d.message.contains(" or "), "{}", d.message);
    assert!(d.suggestions.len() >= 2 && d.suggestions.iter().all(|s| !s.safe));

    let d = lint("Two ROs managed him.");
    let d = d.iter().find(|d| d.rule == RULE).expect("ROs is flagged");
    assert_eq!(d.suggestions[0].replacement, "Responsible Officers (ROs)");
}

#[test]
fn configuration_allows_and_explains() {
    let linter = linter_with("[acronym-undefined]\nallow = [\"XQZ\"]\n");
    assert!(found_with(&linter, RULE, "The XQZ panel met. The MASH met.") == vec!["MASH".to_owned()]);
    let linter = linter_with("[acronym-undefined]\nknown = { XQZ = \"Extra Quiet Zone\" }\n");
    let d = linter.lint("The XQZ panel met.", sfo_lint::Format::Plain);
    let d = d.iter().find(|d| d.rule == RULE).expect("XQZ is flagged");
    assert_eq!(d.suggestions[0].replacement, "Extra Quiet Zone (XQZ)");
    assert!(d.suggestions[0].safe);
    let bad = sfo_lint::Config::from_toml("[acronym-undefined]\nalow = []\n", None).unwrap();
    assert!(sfo_lint::Linter::new(&bad).is_err());
}

#[test]
fn a_full_name_then_or_and_the_acronym_defines_it() {
    check_cases(
        RULE,
        &[
            ("The Multi-Agency Safeguarding Hub, or MASH, screened the referral.", &[]),
            ("The Community Rehabilitation Company, or CRC, held the case. The CRC closed it.", &[]),
            ("The police, or MASH staff, screened the referral.", &["MASH"]),
            ("He could go to the hostel or AP in Leeds.", &["AP"]),
        ],
    );
}
