mod common;
use common::check_cases;

const RULE: &str = "risk-unqualified";

#[test]
fn flags_risk_that_says_neither_of_what_nor_to_whom() {
    check_cases(
        RULE,
        &[
            ("The risk increased when Mr Gill lost his job.", &["risk"]),
            ("Risks were not shared with the children's social worker.", &["Risks"]),
            ("He was assessed as high risk.", &["high risk"]),
            ("Low risk cases in the team received one contact a month.", &["Low risk"]),
            ("A very high risk rating should trigger a case discussion.", &["very high risk"]),
            ("His risk level fell from high to medium.", &["risk"]),
            ("The officer was aware of the risk but did not act on it.", &["risk"]),
            ("The RO reduced reporting to fortnightly despite the risk.", &["risk"]),
            ("To manage the risk, the officer added an exclusion zone.", &["risk"]),
            ("Mr Coyle\u{2019}s risks were managed well in custody.", &["risks"]),
            ("In custody he presented little risk.", &["little risk"]),
            ("The high-risk case was reallocated.", &["high-risk"]),
            ("The risk that the officer identified was not shared.", &["risk"]),
            ("The risk posed by Mr Lane increased.", &["risk"]),
        ],
    );
}

#[test]
fn leaves_qualified_risk_and_named_instruments_alone() {
    check_cases(
        RULE,
        &[
            ("The risk of serious harm to Ms Rowe increased.", &[]),
            ("His risk of reoffending rose after his mother died.", &[]),
            ("The risk management plan did not mention the children.", &[]),
            ("Risk management meetings took place every six weeks.", &[]),
            ("The police referred her to the Multi-Agency Risk Assessment Conference.", &[]),
            ("The risk he posed to his partner was not assessed.", &[]),
            ("He was assessed as high risk to children.", &[]),
            ("Ms Grey was at risk of serious harm from Mr Cole.", &[]),
            ("The children were at risk.", &[]),
            ("His suicide risk was reviewed weekly.", &[]),
            ("The officer took a risk in cancelling the visit.", &[]),
            ("The risk towards his former partner was clear.", &[]),
            ("The officer risked missing the warning signs.", &[]),
            ("There was a clear risk that he would contact her again.", &[]),
            ("The risk that she might harm herself was recorded.", &[]),
            ("The risk posed by Mr Lane to children was not assessed.", &[]),
            ("The risk presented by Mr Lane towards his partner grew.", &[]),
        ],
    );
}

#[test]
fn risk_as_a_verb_and_a_clause_saying_what_may_happen() {
    check_cases(
        RULE,
        &[
            ("She did not want to risk losing her flat.", &[]),
            ("Staff would risk upsetting him if they searched his room.", &[]),
            ("There was a real risk that Mr Dean would find her new address.", &[]),
            ("There was a risk that the school might not be told.", &[]),
            ("Staff paid little attention to risk during supervision.", &["risk"]),
            ("The risk that the officer recorded was not shared.", &["risk"]),
            ("They did not want to take the risk.", &["risk"]),
        ],
    );
}
