//! `concord diff A.ron B.ron`: what changed from one file to another, cell by cell with
//! both reasons, and what that does to the ranking; `concord diff FILE --proposals A B`:
//! two proposals side by side, provision by provision.

use std::io::Write;
use std::path::Path;

use super::{load_or_say, EXIT_FAILURE, EXIT_OK, EXIT_USAGE};
use crate::analysis::compare::{ranking, reasons};
use crate::model::align::align;
use crate::model::diff::{diff, Part};

/// Output formats of `concord diff`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DiffFormat {
    /// Lines for people.
    #[default]
    Text,
    /// One JSON object.
    Json,
}

/// Runs `concord diff A B`.
pub fn files(
    a: &Path,
    b: &Path,
    format: DiffFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (Some(old), Some(new)) = (load_or_say(a, err), load_or_say(b, err)) else {
        return EXIT_FAILURE;
    };
    let changes = diff(&old, &new);
    let (before, after) = (ranking(&old), ranking(&new));
    let text = match format {
        DiffFormat::Text => crate::analysis::compare::text(&old, &new),
        DiffFormat::Json => {
            use serde_json::json;
            let list = |r: &[(String, Option<usize>, Option<f64>)]| {
                r.iter()
                    .map(|(id, rank, total)| json!({"proposal": id, "rank": rank, "total": total}))
                    .collect::<Vec<_>>()
            };
            let v = json!({
                "differences": changes.iter().map(|d| {
                    let mut x = json!({"text": d.text, "part": part_name(&d.part)});
                    if let Part::Cell(c, p) = &d.part {
                        x["criterion"] = json!(c);
                        x["proposal"] = json!(p);
                        if let Some((was, now)) = reasons(&old, &new, &d.part) {
                            x["old_rationale"] = json!(was);
                            x["new_rationale"] = json!(now);
                        }
                    }
                    x
                }).collect::<Vec<_>>(),
                "ranking_before": list(&before),
                "ranking_after": list(&after),
            });
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
    };
    let _ = out.write_all(text.as_bytes());
    EXIT_OK
}

fn part_name(p: &Part) -> &'static str {
    match p {
        Part::About => "about",
        Part::Source(_) => "source",
        Part::Proposal(_) => "proposal",
        Part::Criterion(_) => "criterion",
        Part::Cell(..) => "cell",
        Part::Perspective(_) => "perspective",
    }
}

/// Runs `concord diff FILE --proposals A B` (ids or names).
pub fn proposals(
    file: &Path,
    a: &str,
    b: &str,
    format: DiffFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(s) = load_or_say(file, err) else {
        return EXIT_FAILURE;
    };
    let find = |x: &str| {
        s.proposal_index(x).or_else(|| {
            s.proposals
                .iter()
                .position(|p| p.name == x || p.short_name == x)
        })
    };
    let (Some(ia), Some(ib)) = (find(a), find(b)) else {
        let known: Vec<&str> = s.proposals.iter().map(|p| p.id.as_str()).collect();
        let _ = writeln!(
            err,
            "{}: no proposal named {:?}; the file has: {}",
            file.display(),
            if find(a).is_none() { a } else { b },
            known.join(", ")
        );
        return EXIT_USAGE;
    };
    let al = align(&s, ia, ib);
    let (na, nb) = (s.proposals[ia].label(), s.proposals[ib].label());
    let text = match format {
        DiffFormat::Text => {
            let mut t = format!("{na} and {nb}, provision by provision\n");
            for row in &al.rows {
                t += &format!("\n{}\n", s.criteria[row.criterion].name);
                for (who, list) in [(na, &row.a), (nb, &row.b)] {
                    if list.is_empty() {
                        t += &format!("  {who}: —\n");
                    }
                    for p in list.iter() {
                        t += &format!("  {who}: {}\n", p.text);
                    }
                }
            }
            let names = |ks: Vec<usize>| {
                ks.iter()
                    .map(|&k| s.criteria[k].name.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            t += &format!(
                "\nIn {na}, not in {nb}: {}\n",
                or_nothing(names(al.only_a()))
            );
            t += &format!("In {nb}, not in {na}: {}\n", or_nothing(names(al.only_b())));
            for (who, list) in [(na, &al.untagged_a), (nb, &al.untagged_b)] {
                if !list.is_empty() {
                    t += &format!("\nNot tagged to a criterion ({who}):\n");
                    for p in list.iter() {
                        t += &format!("  {}\n", p.text);
                    }
                }
            }
            t
        }
        DiffFormat::Json => {
            use serde_json::json;
            let texts = |l: &[&crate::model::Provision]| {
                l.iter().map(|p| p.text.clone()).collect::<Vec<_>>()
            };
            let ids = |ks: Vec<usize>| {
                ks.iter()
                    .map(|&k| s.criteria[k].id.clone())
                    .collect::<Vec<_>>()
            };
            let v = json!({
                "a": s.proposals[ia].id,
                "b": s.proposals[ib].id,
                "rows": al.rows.iter().map(|r| json!({
                    "criterion": s.criteria[r.criterion].id,
                    "a": texts(&r.a),
                    "b": texts(&r.b),
                })).collect::<Vec<_>>(),
                "only_a": ids(al.only_a()),
                "only_b": ids(al.only_b()),
                "untagged_a": texts(&al.untagged_a),
                "untagged_b": texts(&al.untagged_b),
            });
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
    };
    let _ = out.write_all(text.as_bytes());
    EXIT_OK
}

fn or_nothing(s: String) -> String {
    if s.is_empty() {
        "nothing".to_owned()
    } else {
        s
    }
}
