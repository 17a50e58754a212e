//! What differs between two versions of a scenario, in words: for "Compare" when the open
//! file changed on disk, and for comparing two files. Items are matched by id, so a
//! renamed proposal is one change, not a removal and an addition.

use std::collections::BTreeSet;

use super::{Criterion, Scenario, Score};

/// Which part of the scenario a difference is in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// Title, description, authors, format.
    About,
    /// A source, by id.
    Source(String),
    /// A proposal, by id.
    Proposal(String),
    /// A criterion, by id.
    Criterion(String),
    /// A cell: (criterion id, proposal id).
    Cell(String, String),
    /// A perspective, by id.
    Perspective(String),
}

/// One difference, from the first scenario (`old`) to the second (`new`).
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// Where it is.
    pub part: Part,
    /// What it is, in words ("Proposal “X” added", "Cell “Borders” × “API”: 2 → 3").
    pub text: String,
}

/// Every difference from `old` to `new`, in the order of the parts of a file.
pub fn diff(old: &Scenario, new: &Scenario) -> Vec<Difference> {
    let mut out = Vec::new();
    about(old, new, &mut out);
    by_id(
        &old.sources,
        &new.sources,
        |s| &s.id,
        |s| &s.title,
        "Source",
        Part::Source,
        |a, b| {
            changed_fields(&[
                ("title", a.title != b.title),
                ("authors", a.authors != b.authors),
                ("publication", a.publication != b.publication),
                ("date", a.date != b.date),
                ("address", a.url != b.url),
            ])
        },
        &mut out,
    );
    by_id(
        &old.proposals,
        &new.proposals,
        |p| &p.id,
        |p| &p.name,
        "Proposal",
        Part::Proposal,
        |a, b| {
            changed_fields(&[
                ("name", a.name != b.name),
                ("original name", a.original_name != b.original_name),
                ("short name", a.short_name != b.short_name),
                ("date", a.date != b.date),
                ("proposer", a.proposer != b.proposer),
                ("parties", a.parties != b.parties),
                ("status", a.status != b.status),
                ("summary", a.summary != b.summary),
                ("provisions", a.provisions != b.provisions),
                ("colour", a.colour != b.colour),
                ("sources", a.sources != b.sources),
            ])
        },
        &mut out,
    );
    order(
        "Proposals",
        &old.proposals,
        &new.proposals,
        |p| &p.id,
        &mut out,
    );
    by_id(
        &old.criteria,
        &new.criteria,
        |c| &c.id,
        |c| &c.name,
        "Criterion",
        Part::Criterion,
        criterion_changes,
        &mut out,
    );
    order(
        "Criteria",
        &old.criteria,
        &new.criteria,
        |c| &c.id,
        &mut out,
    );
    cells(old, new, &mut out);
    by_id(
        &old.perspectives,
        &new.perspectives,
        |p| &p.id,
        |p| &p.name,
        "Perspective",
        Part::Perspective,
        |a, b| {
            let mut fields = changed_fields(&[
                ("name", a.name != b.name),
                ("description", a.description != b.description),
                ("sources", a.sources != b.sources),
            ]);
            let ids: BTreeSet<&String> = a.weights.keys().chain(b.weights.keys()).collect();
            for id in ids {
                let (x, y) = (a.weights.get(id), b.weights.get(id));
                if x != y {
                    let name = new
                        .criteria
                        .iter()
                        .chain(&old.criteria)
                        .find(|c| &c.id == id)
                        .map_or(id.as_str(), |c| c.name.as_str());
                    fields.push(format!("weight of “{name}” {} → {}", stated(x), stated(y)));
                }
            }
            fields
        },
        &mut out,
    );
    out
}

fn stated(weight: Option<&f64>) -> String {
    weight.map_or_else(|| "not stated".to_owned(), |w| format!("{w}"))
}

fn changed_fields(fields: &[(&str, bool)]) -> Vec<String> {
    fields
        .iter()
        .filter(|(_, changed)| *changed)
        .map(|(name, _)| format!("{name} changed"))
        .collect()
}

fn about(old: &Scenario, new: &Scenario, out: &mut Vec<Difference>) {
    if old.title != new.title {
        out.push(Difference {
            part: Part::About,
            text: format!("Title: “{}” → “{}”", old.title, new.title),
        });
    }
    for (what, changed) in [
        ("Description changed", old.description != new.description),
        ("Authors changed", old.authors != new.authors),
    ] {
        if changed {
            out.push(Difference {
                part: Part::About,
                text: what.to_owned(),
            });
        }
    }
}

/// Items matched by id: added, removed, and changed (with what changed).
#[allow(clippy::too_many_arguments)]
fn by_id<T>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &String,
    name: impl Fn(&T) -> &String,
    kind: &str,
    part: impl Fn(String) -> Part,
    changes: impl Fn(&T, &T) -> Vec<String>,
    out: &mut Vec<Difference>,
) {
    for b in new {
        match old.iter().find(|a| id(a) == id(b)) {
            None => out.push(Difference {
                part: part(id(b).clone()),
                text: format!("{kind} “{}” added", name(b)),
            }),
            Some(a) => {
                let fields = changes(a, b);
                if !fields.is_empty() {
                    let renamed = if name(a) == name(b) {
                        String::new()
                    } else {
                        format!(" (was “{}”)", name(a))
                    };
                    out.push(Difference {
                        part: part(id(b).clone()),
                        text: format!("{kind} “{}”{renamed}: {}", name(b), fields.join(", ")),
                    });
                }
            }
        }
    }
    for a in old {
        if !new.iter().any(|b| id(a) == id(b)) {
            out.push(Difference {
                part: part(id(a).clone()),
                text: format!("{kind} “{}” removed", name(a)),
            });
        }
    }
}

/// "Proposals reordered" when the items both versions have are in another order.
fn order<T>(
    what: &str,
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &String,
    out: &mut Vec<Difference>,
) {
    let common = |xs: &[T], ys: &[T]| -> Vec<String> {
        xs.iter()
            .filter(|x| ys.iter().any(|y| id(x) == id(y)))
            .map(|x| id(x).clone())
            .collect()
    };
    if common(old, new) != common(new, old) {
        out.push(Difference {
            part: Part::About,
            text: format!("{what} reordered"),
        });
    }
}

fn criterion_changes(a: &Criterion, b: &Criterion) -> Vec<String> {
    let mut fields = changed_fields(&[
        ("name", a.name != b.name),
        ("description", a.description != b.description),
        ("group", a.group != b.group),
        ("scale", a.scale != b.scale),
        ("direction", a.direction != b.direction),
    ]);
    if a.weight != b.weight {
        fields.insert(0, format!("weight {} → {}", a.weight, b.weight));
    }
    fields
}

/// Cells of criteria and proposals both versions have: value, rationale, evidence.
fn cells(old: &Scenario, new: &Scenario, out: &mut Vec<Difference>) {
    let find = |s: &Scenario, c: &str, p: &str| -> Option<Score> {
        s.scores
            .iter()
            .find(|x| x.criterion == c && x.proposal == p)
            .cloned()
    };
    for c in &new.criteria {
        let Some(old_c) = old.criteria.iter().find(|x| x.id == c.id) else {
            continue;
        };
        for p in &new.proposals {
            if !old.proposals.iter().any(|x| x.id == p.id) {
                continue;
            }
            let (a, b) = (find(old, &c.id, &p.id), find(new, &c.id, &p.id));
            if a == b {
                continue;
            }
            let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
            let mut fields = Vec::new();
            if a.value != b.value {
                fields.push(format!(
                    "{} → {}",
                    old_c.value_text(a.value),
                    c.value_text(b.value)
                ));
            }
            fields.extend(changed_fields(&[
                ("rationale", a.rationale != b.rationale),
                ("evidence", a.evidence != b.evidence),
            ]));
            if fields.is_empty() {
                continue;
            }
            out.push(Difference {
                part: Part::Cell(c.id.clone(), p.id.clone()),
                text: format!("“{}” × “{}”: {}", c.name, p.label(), fields.join(", ")),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Perspective, Proposal, ScoreValue};

    fn texts(a: &Scenario, b: &Scenario) -> Vec<String> {
        diff(a, b).into_iter().map(|d| d.text).collect()
    }

    #[test]
    fn the_same_scenario_has_no_differences() {
        let s = crate::synth::scenario(4, 3, 1);
        assert!(diff(&s, &s).is_empty());
    }

    #[test]
    fn each_kind_of_change_is_named() {
        let old = crate::synth::scenario(3, 3, 1);
        let mut new = old.clone();
        new.title = "Another title".into();
        new.proposals[0].name = "Renamed".into();
        new.proposals.push(Proposal::new("px", "Extra proposal"));
        let gone = new.proposals.remove(1).name;
        new.criteria[0].weight = 9.0;
        let (c, p) = (new.criteria[2].clone(), new.proposals[0].clone());
        let cell = new
            .scores
            .iter_mut()
            .find(|s| s.criterion == c.id && s.proposal == p.id)
            .expect("synth scores every cell");
        let before = cell.value;
        cell.value = Some(ScoreValue::Number(-1.0));
        new.perspectives.push(Perspective {
            id: "view".into(),
            name: "A view".into(),
            ..Perspective::default()
        });
        let t = texts(&old, &new);
        assert_eq!(t[0], "Title: “Synthetic 3 × 3” → “Another title”");
        assert!(
            t.iter()
                .any(|x| x.starts_with("Proposal “Renamed” (was ") && x.ends_with("name changed")),
            "{t:?}"
        );
        assert!(
            t.contains(&"Proposal “Extra proposal” added".to_owned()),
            "{t:?}"
        );
        assert!(t.contains(&format!("Proposal “{gone}” removed")), "{t:?}");
        assert!(
            t.iter().any(|x| x
                .starts_with(&format!("Criterion “{}”: weight ", new.criteria[0].name))
                && x.contains("→ 9")),
            "{t:?}"
        );
        let cell_text = format!(
            "“{}” × “{}”: {} → -1",
            c.name,
            p.label(),
            c.value_text(before)
        );
        assert!(t.contains(&cell_text), "{t:?} lacks {cell_text}");
        assert!(
            t.contains(&"Perspective “A view” added".to_owned()),
            "{t:?}"
        );
        // Reversed, additions become removals.
        let back = texts(&new, &old);
        assert!(
            back.contains(&"Proposal “Extra proposal” removed".to_owned()),
            "{back:?}"
        );
    }

    #[test]
    fn a_weight_left_out_is_not_stated_not_zero() {
        let old = crate::synth::scenario(2, 2, 1);
        let mut new = old.clone();
        let id = new.criteria[0].id.clone();
        new.perspectives.push(Perspective {
            id: "v".into(),
            name: "V".into(),
            ..Default::default()
        });
        let mut with = new.clone();
        with.perspectives[0].weights.insert(id, 0.0);
        let t = texts(&new, &with);
        assert_eq!(t.len(), 1);
        assert!(t[0].ends_with("not stated → 0"), "{t:?}");
    }
}
