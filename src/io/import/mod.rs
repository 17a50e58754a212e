//! Importing a table: CSV or TSV (the `csv` crate; a BOM, quoted fields with commas, quotes
//! and line breaks, ragged rows, semicolons, Windows line ends) or a spreadsheet sheet
//! (.xlsx, .xlsm, .ods, .xls via `calamine`, formulas read as their cached values) becomes a
//! scenario: one proposal per row (or per column), one criterion per chosen column with a
//! scale inferred from its values. Blank cells stay unscored, never 0. Every proposal cites
//! the file once (sheet and row as the locator); its scores are marked as coded there,
//! rather than each cell citing it, so a large import stays a file of a sensible size.

mod infer;
mod read;

pub use infer::{guess_lower_is_better, infer, scales, Inferred};
use infer::{number, yes_no};
pub use read::{
    read_table, sheet_names, table_from_text, table_from_workbook, Row, Table, MAX_COLUMNS,
};

use std::collections::BTreeSet;

use crate::model::{
    slugify, Citation, Criterion, Proposal, Provision, Scale, Scenario, Score, ScoreValue, Source,
};

/// The note on an imported proposal's citation of its file: its cells need no citation of
/// their own (`concord check --strict` accepts them).
pub const CODED_IN_FILE: &str = "scores coded in this file";

/// Why a table could not be imported; nothing is imported half-way.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{0}: could not be read: {1}")]
    Read(String, String),
    /// Not UTF-8 text.
    #[error("{file}: row {row}, column {col}: this is not UTF-8 text (a legacy encoding, or not text at all); save it as UTF-8 CSV")]
    NotText {
        /// The file.
        file: String,
        /// 1-based row.
        row: usize,
        /// 1-based column (in characters before the bad byte).
        col: usize,
    },
    /// The CSV could not be split into fields.
    #[error("{file}: row {row}: {message}")]
    Csv {
        /// The file.
        file: String,
        /// 1-based row.
        row: u64,
        /// What went wrong.
        message: String,
    },
    /// A spreadsheet that could not be opened.
    #[error("{0}: not a spreadsheet Concord can read: {1}")]
    Sheet(String, String),
    /// The named sheet is not there.
    #[error("{file}: no sheet named {name:?}; the file has: {known}")]
    NoSheet {
        /// The file.
        file: String,
        /// The sheet asked for.
        name: String,
        /// The sheets it has.
        known: String,
    },
    /// Nothing to import.
    #[error("{0}: {1}")]
    NotATable(String, String),
    /// A column named on the command line is not in the header.
    #[error("no column named {0:?}; the header has: {1}")]
    NoColumn(String, String),
}

/// What each column becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    /// Proposals as rows (true) or as columns.
    pub proposals_as_rows: bool,
    /// The column (or row) with the proposals' names.
    pub name: usize,
    /// A column with each proposal's date or year.
    pub date: Option<usize>,
    /// A column with each proposal's id in the dataset (its ids then come from it: short
    /// ids keep a large import's file small).
    pub id: Option<usize>,
    /// A column with each proposal's group (a region, a stage), for filtering the cards.
    pub group: Option<usize>,
    /// Criteria: column (or row) index and scale.
    pub criteria: Vec<(usize, Inferred)>,
    /// Text columns kept as each proposal's provisions.
    pub provisions: Vec<usize>,
    /// Criteria columns where a lower value is better (troops, casualties, cost).
    pub lower_is_better: Vec<usize>,
}

/// A first mapping: the name column is the first column of text; every other column of
/// numbers or yes/no becomes a criterion; text columns are left out.
pub fn suggest(t: &Table) -> Mapping {
    let kinds: Vec<Inferred> = (0..t.header.len()).map(|c| infer(&t.column(c))).collect();
    let name = kinds.iter().position(|k| *k == Inferred::Text).unwrap_or(0);
    // A column called a date or a year dates the proposals; it is no criterion.
    let date = t.header.iter().position(|h| {
        let h = h.to_lowercase();
        // PA-X calls its date column "Dat".
        h == "date" || h == "dat" || h == "year" || h.ends_with(" date") || h.ends_with(" year")
    });
    // A column called an id (PA-X's "AgtId") identifies the rows; it is no criterion.
    let id = t.header.iter().position(|h| {
        let h = h.to_lowercase();
        h == "id" || (h.ends_with("id") && h.len() <= 8 && !h.contains(' '))
    });
    // A column called a group, region or stage groups the proposals.
    let group = t.header.iter().position(|h| {
        matches!(
            h.to_lowercase().as_str(),
            "group" | "region" | "stage" | "category" | "type"
        )
    });
    let criteria: Vec<(usize, Inferred)> = kinds
        .into_iter()
        .enumerate()
        .filter(|(c, k)| {
            *c != name
                && Some(*c) != date
                && Some(*c) != id
                && Some(*c) != group
                && *k != Inferred::Text
        })
        .collect();
    let lower_is_better = criteria
        .iter()
        .map(|(c, _)| *c)
        .filter(|&c| guess_lower_is_better(&t.header[c]))
        .collect();
    Mapping {
        proposals_as_rows: true,
        name,
        date,
        id,
        group,
        criteria,
        provisions: Vec::new(),
        lower_is_better,
    }
}

/// The scenario a table and a mapping make. `file_name` names the source every proposal
/// cites; the mapping's orientation must already be applied (see [`Table::transposed`]).
pub fn build(t: &Table, m: &Mapping, file_name: &str) -> Scenario {
    let source_id = "imported-file".to_owned();
    let mut s = Scenario {
        title: format!("Imported from {file_name}"),
        description: format!(
            "Imported from {file_name}{}: one proposal per row, one criterion per column chosen. \
             Blank cells are not scored. Criteria that code whether a provision is present say \
             nothing about whether it is good: they come in with weight 0 until someone weighs them.",
            t.sheet.as_ref().map_or(String::new(), |s| format!(" (sheet {s})"))
        ),
        sources: vec![Source {
            id: source_id.clone(),
            title: file_name.to_owned(),
            publication: "imported table".into(),
            ..Source::default()
        }],
        ..Scenario::default()
    };
    let mut ids = BTreeSet::new();
    let mut fresh = |base: &str| {
        let slug = slugify(base);
        let mut id = slug.clone();
        let mut k = 2;
        while !ids.insert(id.clone()) {
            id = format!("{slug}-{k}");
            k += 1;
        }
        id
    };
    for (c, kind) in &m.criteria {
        let name = &t.header[*c];
        let (scale, weight, note) = match kind {
            Inferred::YesNo => (
                Scale::YesNo,
                0.0,
                " Codes whether a provision is present (yes/no), which says nothing about whether it is good: weight 0 until someone weighs it.",
            ),
            Inferred::Levels(n) => (
                Scale::Levels((0..*n).map(|i| format!("code {i}")).collect()),
                1.0,
                "",
            ),
            Inferred::Numeric { min, max } => (Scale::Numeric { min: *min, max: *max, step: 1.0 }, 1.0, ""),
            Inferred::Text => continue,
        };
        let mut cr = Criterion::new(fresh(name), name.clone());
        cr.scale = scale;
        cr.weight = weight;
        if m.lower_is_better.contains(c) {
            cr.direction = crate::model::Direction::LowerIsBetter;
        }
        cr.description = format!("Column \"{name}\" of {file_name}.{note}");
        s.criteria.push(cr);
    }
    for (r, row) in t.rows().enumerate() {
        let name = row[m.name].trim();
        let name = if name.is_empty() {
            format!("Row {}", r + 2)
        } else {
            name.to_owned()
        };
        let base =
            m.id.map(|c| row[c].trim())
                .filter(|x| !x.is_empty())
                .map_or_else(|| name.clone(), |x| format!("id-{x}"));
        let mut p = Proposal::new(fresh(&base), name.clone());
        if let Some(d) = m.date {
            p.date = row[d].trim().to_owned();
        }
        if let Some(g) = m.group {
            p.group = row[g].trim().to_owned();
        }
        let locator = match &t.sheet {
            Some(sheet) => format!("sheet {sheet}, row {}", r + 2),
            None => format!("row {}", r + 2),
        };
        p.sources = vec![Citation {
            source: source_id.clone(),
            locator,
            note: CODED_IN_FILE.into(),
            kind: None,
        }];
        for &c in &m.provisions {
            let text = row[c].trim();
            if !text.is_empty() {
                p.provisions.push(Provision {
                    text: format!("{}: {text}", t.header[c]),
                    criteria: Vec::new(),
                });
            }
        }
        s.proposals.push(p);
    }
    // Criterion by criterion, so that the cells come out in canonical order.
    let used = m.criteria.iter().filter(|(_, k)| *k != Inferred::Text);
    for (k, (c, kind)) in used.enumerate() {
        for (r, row) in t.rows().enumerate() {
            let raw = row[*c].trim();
            if raw.is_empty() {
                continue;
            }
            let value = match kind {
                Inferred::YesNo => yes_no(raw).map(ScoreValue::Bool),
                Inferred::Levels(n) => number(raw)
                    .filter(|v| v.fract() == 0.0 && *v >= 0.0 && (*v as u32) < *n)
                    .map(|v| ScoreValue::Level(v as u32)),
                Inferred::Numeric { .. } => number(raw).map(ScoreValue::Number),
                Inferred::Text => None,
            };
            if let Some(value) = value {
                s.scores.push(Score {
                    criterion: s.criteria[k].id.clone(),
                    proposal: s.proposals[r].id.clone(),
                    value: Some(value),
                    ..Score::default()
                });
            }
        }
    }
    s.sort_scores();
    s
}

/// What a mapping makes of a table, in words, for the command line and the dialog.
pub fn describe(t: &Table, m: &Mapping) -> Vec<String> {
    let mut out = vec![format!(
        "{} proposals from the column \"{}\"",
        t.n_rows(),
        t.header[m.name]
    )];
    if let Some(d) = m.date {
        out.push(format!("their dates from the column \"{}\"", t.header[d]));
    }
    if let Some(i) = m.id {
        out.push(format!("their ids from the column \"{}\"", t.header[i]));
    }
    if let Some(g) = m.group {
        out.push(format!("their groups from the column \"{}\"", t.header[g]));
    }
    for (c, kind) in &m.criteria {
        out.push(format!(
            "criterion \"{}\": {}, {}",
            t.header[*c],
            kind.describe(),
            if m.lower_is_better.contains(c) {
                "lower is better"
            } else {
                "higher is better"
            }
        ));
    }
    for &c in &m.provisions {
        out.push(format!("provisions from the column \"{}\"", t.header[c]));
    }
    let left: Vec<&str> = (0..t.header.len())
        .filter(|c| {
            *c != m.name
                && Some(*c) != m.date
                && Some(*c) != m.id
                && Some(*c) != m.group
                && !m.criteria.iter().any(|(x, _)| x == c)
                && !m.provisions.contains(c)
        })
        .map(|c| t.header[c].as_str())
        .collect();
    if !left.is_empty() {
        out.push(format!("left out (text): {}", left.join(", ")));
    }
    out
}
