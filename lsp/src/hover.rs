//! Hover text: what the rule of a flagged span checks, why, the guidance it enforces and
//! what to write instead, from `rules/<id>.toml`.

use sfo_lint::{Diagnostic, Span};

/// The hover for the findings at byte `offset`: the span they cover and the text to show.
pub fn at(found: &[Diagnostic], offset: usize, markdown: bool) -> Option<(Span, String)> {
    let here: Vec<&Diagnostic> = found.iter().filter(|d| d.span.start <= offset && offset <= d.span.end).collect();
    let span = here.iter().map(|d| d.span).reduce(Span::cover)?;
    let mut rules: Vec<&str> = Vec::new();
    for d in &here {
        if !rules.contains(&d.rule) {
            rules.push(d.rule);
        }
    }
    let sections: Vec<String> = rules.iter().map(|rule| explain(rule, markdown)).collect();
    Some((span, sections.join(if markdown { "\n\n---\n\n" } else { "\n\n" })))
}

fn explain(rule: &str, markdown: bool) -> String {
    let docs = crate::to_lsp::rule_docs(rule).map(|u| u.as_str().to_owned()).unwrap_or_default();
    let Some(meta) = sfo_lint::rules::meta(rule) else { return format!("sfo-lint: {rule}") };
    let rationale = meta.rationale.trim();
    if markdown {
        format!(
            "**sfo-lint: `{rule}`**: {}\n\n{rationale}\n\n**Guidance.** {}\n\n**Instead:** {}\n\n[Rule documentation]({docs})",
            meta.summary.trim(),
            meta.guidance.trim(),
            meta.instead.trim(),
        )
    } else {
        format!(
            "sfo-lint: {rule}: {}\n\n{rationale}\n\nGuidance. {}\n\nInstead: {}\n\n{docs}",
            meta.summary.trim(),
            meta.guidance.trim(),
            meta.instead.trim(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_the_rule_at_the_offset() {
        let found = sfo_lint::Linter::default().lint("The offender left.", sfo_lint::Format::Plain);
        let (span, text) = at(&found, 6, true).unwrap();
        assert_eq!(span, Span::new(4, 12));
        assert!(text.contains("offender-term") && text.contains("section 4a") && text.contains("Instead"), "{text}");
        assert!(at(&found, 15, true).is_none());
    }
}
