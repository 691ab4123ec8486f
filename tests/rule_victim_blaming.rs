mod common;
use common::{check_cases, lint};

const RULE: &str = "victim-blaming";

#[test]
fn flags_blame_on_victims_of_domestic_abuse() {
    check_cases(
        RULE,
        &[
            ("Ms Reid chose to stay in the relationship.", &["chose to stay in the relationship"]),
            ("Ms Reid chose to stay, and the risk was not reviewed.", &["chose to stay"]),
            ("She decided to return to him after two weeks in a refuge.", &["decided to return to him"]),
            ("His partner opted to remain at the address.", &["opted to remain"]),
            ("In May 2021 Ms Grant allowed him back into the home.", &["allowed him back into the home"]),
            ("Ms Grant let him back.", &["let him back"]),
            ("She let him into the house although the order was in force.", &["let him into the house"]),
            ("The victim allowed him to stay the night.", &["allowed him to stay"]),
            ("Ms Hay invited him round on her birthday.", &["invited him round"]),
            ("She failed to protect herself.", &["failed to protect herself"]),
            ("The victims failed to protect themselves.", &["failed to protect themselves"]),
            ("By returning to the flat she put herself at risk.", &["put herself at risk"]),
            ("Ms Hay repeatedly placed herself in danger.", &["placed herself in danger"]),
            ("Ms Cole provoked him by going out with friends.", &["provoked him"]),
            ("She did not leave him, even after the assault in March.", &["did not leave him"]),
            (
                "Ms Dunn continued the relationship despite the assaults.",
                &["continued the relationship despite the assaults"],
            ),
            (
                "She continued to see him despite the non-molestation order.",
                &["continued to see him despite the non-molestation order"],
            ),
            ("Ms Ali, who had been assaulted twice, chose to stay.", &["chose to stay"]),
            ("Ms A was offered a refuge place but chose to stay.", &["chose to stay"]),
            ("His wife chose not to support the prosecution.", &["chose not to support"]),
        ],
    );
}

#[test]
fn flags_blame_on_children_who_were_abused() {
    check_cases(
        RULE,
        &[
            ("Child B was described as a child prostitute.", &["child prostitute"]),
            ("Police investigated child prostitution in the town.", &["child prostitution"]),
            ("Child C was sexually active at 13.", &["sexually active"]),
            ("Child A, who was 14, was described in the records as sexually active.", &["sexually active"]),
            ("Ms Owens let him move back in after he promised to stop drinking.", &["let him move back"]),
            ("Records from children\u{2019}s services describe Child C as promiscuous at 13.", &["promiscuous"]),
            ("The girl, aged 14, consented.", &["consented"]),
            ("Child D went with him willingly.", &["willingly"]),
            ("Mr Fox, 34, was in a relationship with a 15-year-old girl.", &["in a relationship with"]),
            ("Child C\u{2019}s 'boyfriend', a 32-year-old man, collected her from school.", &["boyfriend"]),
            ("Child B\u{2019}s older boyfriend, Mr Lane, was 26.", &["older boyfriend"]),
            ("Mr Lane engaged in sexual activity with the 14-year-old.", &["engaged in sexual activity"]),
            ("The 15-year-old was involved in CSE.", &["was involved in CSE"]),
            ("Records say the 14-year-old had been selling sex.", &["selling sex"]),
            ("The 13-year-old was putting herself at risk.", &["putting herself at risk"]),
        ],
    );
}

#[test]
fn flags_a_victims_gang_involvement_offered_as_the_reason() {
    check_cases(
        RULE,
        &[
            (
                "The victim was known to be involved in gang activity, which explains why he was targeted.",
                &["was known to be involved in gang activity"],
            ),
            ("Mr Kay was a known gang member, and this is why he was attacked.", &["was a known gang member"]),
            ("The victim was involved in drug dealing, which led to the attack.", &["was involved in drug dealing"]),
        ],
    );
}

#[test]
fn leaves_reported_speech_and_sensitive_wording_alone() {
    check_cases(
        RULE,
        &[
            ("Mr Ives told police she had provoked him by going out with friends.", &[]),
            ("He told police that she had provoked him.", &[]),
            ("Mr X claimed that she provoked him.", &[]),
            ("Mr Cole maintained that his partner had chosen to stay.", &[]),
            ("She had provoked him, he said.", &[]),
            ("According to him, she had invited him in.", &[]),
            ("The victim said: \u{201c}I chose to stay because I was frightened.\u{201d}", &[]),
            ("Ms Reid continued to live with him.", &[]),
            ("Mr Hollis moved back into the home in breach of his licence conditions.", &[]),
            ("Child B was sexually exploited.", &[]),
            ("Mr Fox groomed Child B over several months through social media.", &[]),
            ("Child B was a child, and Mr Fox groomed and sexually abused her.", &[]),
            ("Ms A and Mr B had been in a relationship for two years.", &[]),
            ("Mr Rees and Ms Cole, both adults, were in a consensual relationship, according to her.", &[]),
            ("Ms Kaye\u{2019}s boyfriend, Mr Doyle, moved in with her in June 2021.", &[]),
            ("Mr Doyle posed a risk of serious harm to children and to his partner.", &[]),
            ("He was convicted of sexual activity with a child in 2016.", &[]),
            ("The hostel allowed him to return after a written warning.", &[]),
            ("The police invited Ms Lowe to a restorative meeting, which she declined.", &[]),
            ("She scored him 2 on question 6.4 (relationship with partner).", &[]),
            ("In practice he stayed with friends on most nights.", &[]),
            ("He chose to stay at his mother\u{2019}s address.", &[]),
            ("Police believe the attack was gang-related.", &[]),
            ("The officer failed to protect the children.", &[]),
            ("The child consented to a referral to children\u{2019}s services.", &[]),
            ("Mr A and Ms B were in a relationship and had two children.", &[]),
            ("Mr Kay was involved in gang activity.", &[]),
            ("He put himself at risk of recall by drinking.", &[]),
            ("Ms Hay did not leave the house for days because he had taken her keys.", &[]),
            ("The officer did not discuss the relationship with Ms Hay.", &[]),
        ],
    );
}

#[test]
fn reads_who_is_the_victim_from_the_document_not_from_sex() {
    check_cases(
        RULE,
        &[
            // A woman who harmed a man: he is the victim, she the perpetrator.
            ("Mr Okafor chose to stay with Ms Lewis after she stabbed him in March 2021.", &["chose to stay"]),
            (
                "In June 2021 Mr Patel allowed her back into the flat, two weeks after Ms Reeves had broken his arm.",
                &["allowed her back into the flat"],
            ),
            (
                "Mr Burke provoked her by refusing to hand over his bank card, and Ms Kane hit him with a saucepan.",
                &["provoked her"],
            ),
            ("Mr Lin was assaulted by Ms Carr in May. He should have left her after that.", &["should have left her"]),
            ("Ms Carr assaulted Mr Lin in 2021. Mr Lin should have left Ms Carr then.", &["should have left"]),
            ("Ms Carr assaulted Mr Lin. He put himself at risk by letting her stay.", &["put himself at risk"]),
            // Two men: the names say who is who.
            ("Mr Amir stabbed Mr Bello in 2021. Mr Bello chose to stay with him.", &["chose to stay with him"]),
            // The default reading still holds where nothing says otherwise.
            ("Ms Grant chose to stay. Mr Hollis assaulted her in May.", &["chose to stay"]),
        ],
    );
    check_cases(
        RULE,
        &[
            // She is the perpetrator here, so her words and her choices are not the victim's.
            ("Ms Lewis stabbed Mr Okafor. She chose to stay at the address.", &[]),
            ("Ms Kane hit him with a saucepan. Ms Kane told the officer that Mr Burke had provoked her.", &[]),
            ("Ms Kane told the officer that Mr Burke had provoked her by hiding her phone.", &[]),
            ("Mr Amir stabbed Mr Bello in 2021. Mr Amir chose to stay in the flat.", &[]),
            ("Mr Rudd strangled her. He told police she had provoked him.", &[]),
            ("According to Mr Dale, Ms Jay had provoked him by going out without telling him.", &[]),
        ],
    );
}

#[test]
fn reported_speech_ends_with_its_clause() {
    check_cases(
        RULE,
        &[
            (
                "After the assault Mr Dale claimed that Ms Jay had provoked him, and Ms Jay chose to stay in the relationship for another year.",
                &["chose to stay in the relationship"],
            ),
            ("He told police that she had provoked him; she chose to stay anyway.", &["chose to stay"]),
        ],
    );
    check_cases(
        RULE,
        &[
            ("He told police that she had provoked him, and that she chose to stay.", &[]),
            ("Mr Dale said she had provoked him, then she had hit him.", &[]),
        ],
    );
}

#[test]
fn a_child_who_is_the_subject_is_near_enough() {
    check_cases(
        RULE,
        &[
            (
                "Child D, who was then 14 and in year 9 at Kelbridge Academy, was in a sexual relationship with Ms Hart, an assistant aged 29.",
                &["in a sexual relationship with"],
            ),
            (
                "The girl, who had been missing from school for most of the autumn term, was in a relationship with Mr Lane, 32.",
                &["in a relationship with"],
            ),
            ("The school nurse recorded that Jordan, then 13, was sexually active.", &["sexually active"]),
            ("Mr Osei was a known member of a gang, which is why he was attacked.", &["was a known member of a gang"]),
        ],
    );
    check_cases(
        RULE,
        &[
            ("Mr Dunne began a relationship with Ms Hart, a mother of two young children, in 2020.", &[]),
            (
                "Ms Hart, whose son was then at the local primary school in year 4, was in a relationship with Mr Dunne.",
                &[],
            ),
            ("Mr Dunne, who had met the children twice at a family party, began a relationship with Ms Hart.", &[]),
        ],
    );
}

#[test]
fn suggests_neutral_wording_where_there_is_one() {
    let d = lint("Ms Reid chose to stay.").into_iter().find(|d| d.rule == RULE).expect("flagged");
    assert_eq!(d.suggestions[0].replacement, "stayed");
    assert!(!d.suggestions[0].safe);
    assert!(d.message.contains("duress"), "{}", d.message);
    let d = lint("Child B was a Child prostitute.").into_iter().find(|d| d.rule == RULE).expect("flagged");
    assert_eq!(d.suggestions[0].replacement, "Sexually exploited child");
}

#[test]
fn flags_every_occurrence() {
    check_cases(RULE, &[("She chose to stay. Later she chose to stay again.", &["chose to stay", "chose to stay"])]);
}

#[test]
fn gang_membership_offered_as_why_the_victim_was_attacked() {
    check_cases(
        RULE,
        &[
            ("Mr Adu was a gang member, so the stabbing was not a surprise.", &["was a gang member"]),
            (
                "Given that Mr Adu was a known gang member, the attack on him was unsurprising.",
                &["was a known gang member"],
            ),
            ("Mr Adu was a gang member until 2018 and now works as a mechanic.", &[]),
            ("Police said the attack was gang-related, so the officer told the victim liaison unit.", &[]),
        ],
    );
}
