//! The handout as Markdown, for a course wiki or a repository: the same content as the HTML
//! page, as headings, lists and tables.

use std::fmt::Write;

use crate::model::Scenario;
use crate::scoring::{Evaluation, WeightSet};

/// Text safe in a Markdown table cell or line: no pipes or line breaks, no markup or HTML
/// from the file.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// An http(s) address as a link; anything else as plain text.
fn autolink(url: &str) -> String {
    let u = url.trim();
    let web = u.starts_with("https://") || u.starts_with("http://");
    if u.is_empty() {
        String::new()
    } else if web && !u.contains(|c: char| c.is_whitespace() || "<>`".contains(c)) {
        format!(" <{u}>")
    } else {
        format!(" {}", cell(u))
    }
}

/// The handout in Markdown, scored with `weights`.
pub fn handout_md(s: &Scenario, weights: WeightSet<'_>) -> String {
    let e = Evaluation::new(s, weights);
    let mut m = String::new();
    let _ = writeln!(m, "# {}\n", cell(&s.title));
    if !s.authors.is_empty() {
        let _ = writeln!(m, "By {}\n", cell(&s.authors.join(", ")));
    }
    for para in s.description.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(m, "{}\n", cell(para));
    }
    m.push_str("Scores are readings of the sources, not verdicts; a ranking is a reading, never the truth.\n\n");
    m.push_str(
        "## Ranking\n\n| Rank | Proposal | Total (0–100) | Weight scored |\n|---|---|---|---|\n",
    );
    for &p in &e.order {
        let st = e.standings[p];
        let _ = writeln!(
            m,
            "| {} | {} | {} | {:.0}% |",
            st.rank.map_or_else(|| "—".to_owned(), |r| r.to_string()),
            cell(&s.proposals[p].name),
            st.total
                .map_or_else(|| "—".to_owned(), |t| format!("{:.1}", t * 100.0)),
            st.coverage * 100.0
        );
    }
    m.push_str("\n## Proposals\n\n");
    for p in &s.proposals {
        let _ = writeln!(m, "### {}\n", cell(&p.name));
        if !p.status.is_empty() {
            let _ = writeln!(m, "*{}*\n", cell(&p.status));
        }
        if !p.summary.is_empty() {
            let _ = writeln!(m, "{}\n", cell(&p.summary));
        }
        for pr in &p.provisions {
            let _ = writeln!(m, "- {}", cell(&pr.text));
        }
        if !p.provisions.is_empty() {
            m.push('\n');
        }
    }
    m.push_str("## Criteria and scores\n\n| Criterion | Weight |");
    for p in &s.proposals {
        let _ = write!(m, " {} |", cell(p.label()));
    }
    m.push_str("\n|---|---|");
    m.push_str(&"---|".repeat(s.proposals.len()));
    m.push('\n');
    for (k, c) in s.criteria.iter().enumerate() {
        let _ = write!(m, "| {} | {:.0}% |", cell(&c.name), e.weights[k] * 100.0);
        for j in 0..s.proposals.len() {
            match e.score(s, k, j) {
                Some(sc) => {
                    let _ = write!(
                        m,
                        " **{}** {} |",
                        cell(&c.value_text(sc.value)),
                        cell(&sc.rationale)
                    );
                }
                None => m.push_str(" not scored |"),
            }
        }
        m.push('\n');
    }
    if s.has_silent() {
        let _ = write!(m, "\n{}\n", s.silence.explained());
    }
    let views = super::perspective_parts::parts(s);
    if !views.is_empty() {
        m.push_str("\n## Through each perspective\n");
    }
    for part in views {
        let p = part.view;
        let _ = write!(m, "\n### {}\n\n", cell(&p.name));
        if !p.description.is_empty() {
            let _ = writeln!(m, "{}\n", cell(&p.description));
        }
        let weights: Vec<String> = part
            .weights
            .iter()
            .map(|(c, w)| format!("{} {}", cell(c), cell(w)))
            .collect();
        let _ = writeln!(m, "**Weights:** {}\n", weights.join("; "));
        if part.red_lines.is_empty() {
            m.push_str("**Red lines:** none stated.\n\n");
        } else {
            m.push_str("**Red lines**\n\n");
            for line in &part.red_lines {
                let sources: Vec<String> = line
                    .evidence
                    .iter()
                    .map(|e| {
                        if e.locator.is_empty() {
                            cell(&e.source)
                        } else {
                            format!("{}, {}", cell(&e.source), cell(&e.locator))
                        }
                    })
                    .collect();
                let _ = writeln!(
                    m,
                    "- **{}**: accepts {}. {} {}{}",
                    cell(&line.criterion),
                    cell(&line.accepts),
                    cell(line.reason),
                    cell(&line.silence_sentence()),
                    if sources.is_empty() {
                        String::new()
                    } else {
                        format!(" (evidence: {})", sources.join("; "))
                    }
                );
            }
            m.push('\n');
        }
        if !part.readings.is_empty() {
            m.push_str("**Its own readings**\n\n");
            for r in &part.readings {
                let _ = writeln!(
                    m,
                    "- {}: **{}**. {}",
                    cell(&r.cell),
                    cell(&r.value),
                    cell(r.reason)
                );
            }
            m.push('\n');
        }
    }
    if !s.sources.is_empty() {
        m.push_str("\n## Sources\n\n");
        for src in &s.sources {
            let _ = writeln!(
                m,
                "- {}: *{}*{}{}",
                cell(&src.authors.join(", ")),
                cell(&src.title),
                if src.publication.is_empty() {
                    String::new()
                } else {
                    format!(", {}", cell(&src.publication))
                },
                autolink(&src.url)
            );
        }
    }
    m
}
