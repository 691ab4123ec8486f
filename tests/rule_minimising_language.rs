mod common;
use common::{check_cases, lint};

const RULE: &str = "minimising-language";

#[test]
fn flags_language_that_minimises_domestic_abuse() {
    check_cases(
        RULE,
        &[
            ("Police attended a domestic at the address in April 2021.", &["a domestic"]),
            ("It was recorded as a domestic.", &["a domestic"]),
            ("Police attended a domestic incident in which he punched her.", &["domestic incident"]),
            ("He stabbed Ms Dunn in what the report called a crime of passion.", &["crime of passion"]),
            ("He lost his temper and hit her.", &["lost his temper"]),
            ("Mr Cole snapped and strangled her.", &["snapped"]),
            ("The pre-sentence report says that he just snapped.", &["just snapped"]),
            ("Ms Reid chose to stay in the toxic relationship.", &["toxic relationship"]),
            ("They had a volatile relationship.", &["volatile relationship"]),
            ("Their marriage was tempestuous.", &["marriage was tempestuous"]),
            ("It was a tempestuous marriage.", &["tempestuous marriage"]),
            ("Their relationship was often stormy.", &["relationship was often stormy"]),
            ("The killing of Ms Dunn was a tragic incident that could not have been predicted.", &["tragic incident"]),
            ("The murder of Ms Dunn was a tragedy.", &["tragedy"]),
            ("He killed her in a jealous rage.", &["jealous rage"]),
            ("The assault on Ms Hay was out of character.", &["out of character"]),
            ("Ms Jay\u{2019}s injuries followed a row about money.", &["a row about"]),
            ("The argument got out of hand and Mr Rudd strangled her.", &["argument got out of hand"]),
            ("Mr Grey and Ms Hay had a fight in which she suffered a broken jaw.", &["had a fight"]),
            ("Mr Grey lashed out at his partner when she asked for money.", &["lashed out"]),
            ("He flew into a rage and kicked her.", &["flew into a rage"]),
            ("He assaulted her in the heat of the moment.", &["in the heat of the moment"]),
        ],
    );
}

#[test]
fn flags_euphemisms_for_sexual_abuse() {
    check_cases(
        RULE,
        &[
            ("Mr Drew had sex with a 13-year-old girl he met online.", &["had sex with"]),
            ("Mr Drew touched the boy while babysitting him.", &["touched"]),
            ("He fondled Child A at a family party.", &["fondled"]),
            ("He was convicted of possessing child pornography.", &["child pornography"]),
            ("He slept with Child B, who was 15.", &["slept with"]),
            ("Ms C disclosed historical sexual abuse by her uncle.", &["historical"]),
        ],
    );
}

#[test]
fn leaves_plain_descriptions_and_near_misses_alone() {
    check_cases(
        RULE,
        &[
            ("Police attended a domestic abuse incident at the address in April 2021.", &[]),
            ("He completed a domestic abuse perpetrator programme in 2020.", &[]),
            ("Police attended a domestic violence call at the flat on 3 June 2021.", &[]),
            ("The officer had never managed a domestic abuse case before.", &[]),
            ("He spoke about his passion for boxing.", &[]),
            ("He snapped his ankle playing football in May 2021.", &[]),
            ("The toxicology report found cocaine and alcohol in his blood.", &[]),
            ("His mood was volatile when he drank.", &[]),
            ("Police attended a domestic incident at the address.", &[]),
            ("Throughout 2020 Mr Grey subjected Ms Hay to coercive control.", &[]),
            ("Mr Cole murdered Ms Dunn on 3 June 2021.", &[]),
            ("Mr Drew sexually abused a 13-year-old girl he met online.", &[]),
            ("The officer was touching base with the police each week.", &[]),
            ("The review touched on his drinking.", &[]),
            ("He told police that he had lost his temper.", &[]),
            ("Mr Grey said that she had fallen, and the officer accepted this without question.", &[]),
            ("He said it was \u{201c}a crime of passion\u{201d}.", &[]),
            ("It was out of character for him to miss an appointment.", &[]),
            ("He had a fight with another man outside a pub.", &[]),
            ("There was a row of terraced houses opposite.", &[]),
            ("Mr Kay and Ms Lee have been in a relationship for two years.", &[]),
            ("The risk of serious harm to children was assessed as high.", &[]),
            ("The domestic abuse specialist attended the meeting.", &[]),
            ("He was convicted of sexual assault by touching.", &[]),
        ],
    );
}

#[test]
fn suggests_plain_wording() {
    let d = lint("Police attended a domestic at the flat.").into_iter().find(|d| d.rule == RULE).expect("flagged");
    assert_eq!(d.suggestions[0].replacement, "a domestic abuse incident");
    assert!(d.message.contains("Name it"), "{}", d.message);
    let d = lint("They had a volatile relationship.").into_iter().find(|d| d.rule == RULE).expect("flagged");
    assert_eq!(d.suggestions[0].replacement, "abusive relationship");
}

#[test]
fn flags_every_occurrence() {
    check_cases(RULE, &[("He snapped. He lost his temper. He snapped.", &["snapped", "lost his temper", "snapped"])]);
}

#[test]
fn flags_trivialising_words_and_a_tiff_between_partners() {
    check_cases(
        RULE,
        &[
            ("Ms Lane and Mr Cole had a lovers\u{2019} tiff before he hit her.", &["tiff"]),
            ("The officer described the assault as a tiff.", &["tiff"]),
            ("The officer recorded that it was only a slap and took no action.", &["only a slap"]),
            ("Mr Cole has a bit of a temper, his sister said.", &["bit of a temper"]),
            ("They had a heated argument and he punched her.", &["heated argument"]),
            ("It was just a few weeks before the officer noticed.", &[]),
            ("There was a bit of a delay in sending the referral.", &[]),
            ("The panel had a heated discussion about the recall.", &[]),
            ("Lovers of football filled the pub on match days.", &[]),
        ],
    );
}
