mod common;
use common::check_cases;

const RULE: &str = "oasys-section";

#[test]
fn flags_numbered_oasys_references() {
    check_cases(
        RULE,
        &[
            ("In the OASys the officer scored question R6.2 as 0.", &["question R6.2"]),
            ("In section 7 of his OASys the officer noted daily cannabis use.", &["section 7 of his OASys"]),
            ("His OASys 11.4 score was 2.", &["OASys 11.4"]),
            ("The officer scored OASys 9.1 as a current problem.", &["OASys 9.1"]),
            ("The officer completed the OASys. She scored him 2 on question 6.4.", &["question 6.4"]),
            ("Section 6.4 of OASys was left blank.", &["Section 6.4 of OASys"]),
            ("In the OASys, question 10.6 asks about weapons.", &["question 10.6"]),
            ("OASys R11.12 was not completed.", &["OASys R11.12"]),
            ("The OASys assessment was late, and section 2 of the OASys was empty.", &["section 2 of the OASys"]),
            ("In OASys, sections 3 and 4 were copied.", &["sections 3"]),
            ("Offender Assessment System (OASys) R10.1 was left blank.", &["R10.1"]),
            ("The OASys was late. R6.2 was scored 0.", &["R6.2"]),
        ],
    );
}

#[test]
fn leaves_other_numbers_and_sections_alone() {
    check_cases(
        RULE,
        &[
            ("The local authority started section 47 enquiries.", &[]),
            ("Paragraph 4.3 of the MAPPA guidance sets out when to refer.", &[]),
            ("The police found him 1.5 miles away at 10.30pm.", &[]),
            ("The OASys assessment was thorough.", &[]),
            ("The officer did not complete the OASys sections on accommodation.", &[]),
            ("His score rose from 1.5 to 3.2 between 03.05.2021 and 17.08.2021.", &[]),
            ("The OASys was reviewed. Section 4 of this review sets out the plan.", &[]),
            ("The OASys was late. The police attended at 11.45pm.", &[]),
            ("Section 2 of the report describes the offence.", &[]),
            ("In OASys the officer noted section 47 of the Children Act 1989.", &[]),
            ("The OASys was late. Room 10.1 of the hostel was searched.", &[]),
            ("The OASys was late. He was paid £10.50 an hour.", &[]),
            ("He drove along the R10.1 road.", &[]),
        ],
    );
}

#[test]
fn sections_of_an_act_near_an_oasys_mention_are_left_alone() {
    check_cases(
        RULE,
        &[
            ("The OASys was out of date. The council began section 47 enquiries in May.", &[]),
            ("The OASys did not mention the section 20 accommodation of his son.", &[]),
            ("The OASys was out of date. Section 9 said nothing about his drinking.", &["Section 9"]),
        ],
    );
}
