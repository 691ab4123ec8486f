mod common;
use common::{check_cases, found_with, lint, linter_with};

const RULE: &str = "sentence-length";

/// A sentence of `n` words.
fn words(n: usize) -> String {
    let mut s = (1..n).map(|i| if i == 1 { "The".to_owned() } else { "word".to_owned() }).collect::<Vec<_>>().join(" ");
    s.push_str(" end.");
    s
}

#[test]
fn flags_sentences_over_the_limit() {
    let (w26, w27, w30, w40) = (words(26), words(27), words(30), words(40));
    let two = format!("{} {w30}", words(10));
    let list = format!("Actions:\n\u{2022} {w27}\n\u{2022} Team managers will attend training.");
    let heading_then = format!("Assessment\n\n{w26}");
    check_cases(RULE, &[(&w26, &[&w26]), (&w40, &[&w40]), (&two, &[&w30]), (&list, &[&w27]), (&heading_then, &[&w26])]);
    check_cases(
        RULE,
        &[
            (
                "The officer saw Mr Bell weekly; she checked his address; she spoke to his general practitioner; she did not, however, ask the police about call-outs to his new partner\u{2019}s home.",
                &["The officer saw Mr Bell weekly; she checked his address; she spoke to his general practitioner; she did not, however, ask the police about call-outs to his new partner\u{2019}s home."],
            ),
            (
                "On 3\u{a0}May\u{a0}2021 the officer and a police constable visited Mr\u{a0}Reeve at his flat, found a woman's coat and shoes in the hallway, and asked him who else was living there, but he refused to say.",
                &["On 3\u{a0}May\u{a0}2021 the officer and a police constable visited Mr\u{a0}Reeve at his flat, found a woman's coat and shoes in the hallway, and asked him who else was living there, but he refused to say."],
            ),
            (
                "She decided on alternatives to recall, e.g. an extra weekly appointment, a referral to the alcohol service and closer checks by hostel staff, and her manager agreed with this plan the same day.",
                &["She decided on alternatives to recall, e.g. an extra weekly appointment, a referral to the alcohol service and closer checks by hostel staff, and her manager agreed with this plan the same day."],
            ),
            (
                "His score rose from 1.5 to 3.2 between 03.05.2021 and 17.08.2021, and the officer did not notice the change, and nobody asked her about it at any of the supervision meetings.",
                &["His score rose from 1.5 to 3.2 between 03.05.2021 and 17.08.2021, and the officer did not notice the change, and nobody asked her about it at any of the supervision meetings."],
            ),
            (
                "Comment: The officer accepted the account that Mr Idris gave without checking it with Ms Morris or the police, and she did not consider what the assault meant for the child.",
                &["Comment: The officer accepted the account that Mr Idris gave without checking it with Ms Morris or the police, and she did not consider what the assault meant for the child."],
            ),
            (
                "- The head of the unit will audit every domestic abuse case held by a newly qualified officer in the past twelve months and report the findings by March.",
                &["The head of the unit will audit every domestic abuse case held by a newly qualified officer in the past twelve months and report the findings by March."],
            ),
            (
                "Short line first.\r\nThe officer did not refer Mr Kay to the alcohol service because she believed that he would not attend, although he had asked for help twice that month.\r\n",
                &["The officer did not refer Mr Kay to the alcohol service because she believed that he would not attend, although he had asked for help twice that month."],
            ),
            (
                "Ms Hay told the officer \u{201c}he checks my phone every night\u{201d}, but the officer recorded this as relationship difficulties and took no further action for six weeks.",
                &["Ms Hay told the officer \u{201c}he checks my phone every night\u{201d}, but the officer recorded this as relationship difficulties and took no further action for six weeks."],
            ),
            (
                "Between 12\u{a0}June and 3\u{a0}September 2021 the officer saw Mr\u{a0}Pell nine times, twice at home, and recorded that he was \u{2018}settled\u{2019} on each occasion.",
                &["Between 12\u{a0}June and 3\u{a0}September 2021 the officer saw Mr\u{a0}Pell nine times, twice at home, and recorded that he was \u{2018}settled\u{2019} on each occasion."],
            ),
            (
                "He called it a \u{2018}misunderstanding\u{2019}\u{2014}the police called it assault\u{2014}and the officer recorded his account without checking it with the police or with Ms Hay or her family that week.",
                &["He called it a \u{2018}misunderstanding\u{2019}\u{2014}the police called it assault\u{2014}and the officer recorded his account without checking it with the police or with Ms Hay or her family that week."],
            ),
        ],
    );
}

#[test]
fn leaves_short_sentences_and_separate_units_alone() {
    let w25 = words(25);
    let headings = format!("{}\n\n{}", "Assessment planning and review of the case", words(20));
    let items = format!("- {}\n- {}\n- {}", words(15), words(15), words(15));
    // Text pasted from Word: one paragraph a line, no blank lines.
    let pasted = format!("{}\r\n{}\r\n{}", words(20), words(20), words(20));
    let mut cases: Vec<(&str, &[&str])> = vec![(&w25, &[]), (&headings, &[]), (&items, &[]), (&pasted, &[])];
    let fixed: &[(&str, &[&str])] = &[
        ("The responsible officer saw Mr Quinn on 3 May 2021 and asked about his relationship, but she did not record the answer.", &[]),
        ("Mr Hale left prison on 3 May. He went to his mother\u{2019}s flat. The officer visited on 5 May.", &[]),
        ("Mr. Hale met Dr. Shah, e.g. at para. 4, on 03.05.2021 at 10.30am. His score was 1.5. No. 5 was next.", &[]),
        ("He said \u{201c}It was just an argument. I never touched her.\u{201d} The officer accepted it.", &[]),
        ("The officer\u{a0}visited\u{a0}the\u{a0}flat\u{a0}on\u{a0}Monday \u{2014} nobody was home \u{2014} and left a card.", &[]),
        ("Police \u{2013} 12 call-outs \u{2013} 2019 to 2021.", &[]),
        ("The head of the unit will brief staff. Team managers will check ten cases each. The regional lead will report in March.", &[]),
        ("Mr Dunne\u{2019}s sentence plan had three aims: to stop drinking, to complete the Building Better Relationships programme and to find work.", &[]),
        ("I interviewed the following staff between 10 and 21 January 2022, i.e. the officer and her manager.", &[]),
        ("A check with the police on the day of the visit would have shown that Mr Fox has no niece.", &[]),
        ("Neither group is named in this review, because naming them could put the victim's family at greater risk of serious harm.", &[]),
        ("ACTION PLAN\n\nThe officer will visit.", &[]),
    ];
    cases.extend_from_slice(fixed);
    check_cases(RULE, &cases);
}

#[test]
fn message_counts_words_and_suggests_a_split() {
    let d = lint("The officer saw Mr Bell weekly and checked his address each month; she did not, however, ask the police about call-outs to his new partner\u{2019}s home at any point.");
    let d = d.iter().find(|d| d.rule == RULE).expect("long sentence");
    assert!(d.message.contains("29 words"), "{}", d.message);
    assert!(d.message.contains("semicolon before \u{201c}she did not, however"), "{}", d.message);
    let d = lint("The officer saw Mr Bell every week at the office in the town centre for six months, but she did not ask the police about call-outs to his new partner\u{2019}s home.");
    let d = d.iter().find(|d| d.rule == RULE).expect("long sentence");
    assert!(d.message.contains("split at \u{201c}but she did not"), "{}", d.message);
}

#[test]
fn the_limit_is_configurable() {
    let linter = linter_with("[sentence-length]\nmax = 10\n");
    assert_eq!(found_with(&linter, RULE, &words(11)).len(), 1);
    assert!(found_with(&linter, RULE, &words(10)).is_empty());
    let linter = linter_with("[sentence-length]\nmax = 40\n");
    assert!(found_with(&linter, RULE, &words(30)).is_empty());
    let bad = sfo_lint::Config::from_toml("[sentence-length]\nmaximum = 10\n", None).unwrap();
    assert!(sfo_lint::Linter::new(&bad).is_err());
}
