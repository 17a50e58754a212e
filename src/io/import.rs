//! Importing a table: CSV or TSV (the `csv` crate; a BOM, quoted fields with commas, quotes
//! and line breaks, ragged rows, semicolons, Windows line ends) or a spreadsheet sheet
//! (.xlsx, .xlsm, .ods, .xls via `calamine`, formulas read as their cached values) becomes a
//! scenario: one proposal per row (or per column), one criterion per chosen column with a
//! scale inferred from its values. Blank cells stay unscored, never 0. Every proposal cites
//! the file once (sheet and row as the locator); its scores are marked as coded there,
//! rather than each cell citing it, so a large import stays a file of a sensible size.

use std::collections::BTreeSet;
use std::path::Path;

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

/// A table read from a file: a header and rows of text, the same width.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Column names (trimmed; a duplicate gets " (2)").
    pub header: Vec<String>,
    /// Data rows, padded to the header's width.
    pub rows: Vec<Vec<String>>,
    /// The sheet read, for a spreadsheet.
    pub sheet: Option<String>,
}

/// More columns than this is not a table of proposals and criteria.
pub const MAX_COLUMNS: usize = 20_000;

/// Reads the table in `path`: a spreadsheet by its extension, else delimited text.
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, ImportError> {
    let file = path.display().to_string();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let cells = if matches!(ext.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods") {
        read_sheet(path, sheet)?
    } else {
        let bytes =
            std::fs::read(path).map_err(|e| ImportError::Read(file.clone(), e.to_string()))?;
        (read_delimited(&file, &bytes)?, None)
    };
    tidy(&file, cells.0, cells.1)
}

fn read_sheet(
    path: &Path,
    wanted: Option<&str>,
) -> Result<(Vec<Vec<String>>, Option<String>), ImportError> {
    use calamine::{open_workbook_auto, Data, Reader};
    let file = path.display().to_string();
    let mut wb =
        open_workbook_auto(path).map_err(|e| ImportError::Sheet(file.clone(), e.to_string()))?;
    let names = wb.sheet_names();
    let name = match wanted {
        Some(w) => names
            .iter()
            .find(|n| n.as_str() == w)
            .cloned()
            .ok_or_else(|| ImportError::NoSheet {
                file: file.clone(),
                name: w.to_owned(),
                known: names.join(", "),
            })?,
        None => names.first().cloned().ok_or_else(|| {
            ImportError::NotATable(file.clone(), "the workbook has no sheet".into())
        })?,
    };
    let range = wb
        .worksheet_range(&name)
        .map_err(|e| ImportError::Sheet(file.clone(), e.to_string()))?;
    let rows = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::Empty | Data::Error(_) => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) => format_number(*f),
                    Data::Int(i) => i.to_string(),
                    Data::Bool(b) => b.to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    Ok((rows, Some(name)))
}

fn format_number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// Reads delimited text from memory (what a dropped or fuzzed file holds).
pub fn table_from_text(file: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    tidy(file, read_delimited(file, bytes)?, None)
}

/// Splits delimited text: a BOM is dropped, the delimiter (comma, semicolon or tab) is the
/// one the first line holds most of outside quotes.
fn read_delimited(file: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let good = &bytes[..e.valid_up_to()];
        let row = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        return Err(ImportError::NotText {
            file: file.to_owned(),
            row,
            col,
        });
    }
    if bytes.contains(&0) {
        return Err(ImportError::NotText {
            file: file.to_owned(),
            row: bytes
                .iter()
                .take_while(|&&b| b != 0)
                .filter(|&&b| b == b'\n')
                .count()
                + 1,
            col: 1,
        });
    }
    let delimiter = detect_delimiter(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv {
            file: file.to_owned(),
            row: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        })?;
        if record.len() > MAX_COLUMNS {
            return Err(ImportError::NotATable(
                file.to_owned(),
                format!(
                    "row {} has {} columns, more than {MAX_COLUMNS}: not a table of proposals and criteria",
                    rows.len() + 1,
                    record.len()
                ),
            ));
        }
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok(rows)
}

fn detect_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// The first non-empty row is the header; trailing empty columns and empty rows go, rows are
/// padded, names trimmed and made distinct.
fn tidy(
    file: &str,
    mut rows: Vec<Vec<String>>,
    sheet: Option<String>,
) -> Result<Table, ImportError> {
    rows.retain(|r| r.iter().any(|c| !c.trim().is_empty()));
    if rows.is_empty() {
        return Err(ImportError::NotATable(
            file.to_owned(),
            "the file holds no table: it is empty".into(),
        ));
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let used = (0..width)
        .rev()
        .find(|&c| {
            rows.iter()
                .any(|r| r.get(c).is_some_and(|x| !x.trim().is_empty()))
        })
        .map_or(0, |c| c + 1);
    for r in &mut rows {
        r.resize(used, String::new());
    }
    let mut header: Vec<String> = rows
        .remove(0)
        .into_iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if rows.is_empty() {
        return Err(ImportError::NotATable(
            file.to_owned(),
            "only a header row: there is nothing to import under it".into(),
        ));
    }
    let mut seen = BTreeSet::new();
    for (i, h) in header.iter_mut().enumerate() {
        if h.is_empty() {
            *h = format!("Column {}", i + 1);
        }
        let base = h.clone();
        let mut k = 2;
        while !seen.insert(h.to_lowercase()) {
            *h = format!("{base} ({k})");
            k += 1;
        }
    }
    Ok(Table {
        header,
        rows,
        sheet,
    })
}

/// A column's scale, as its values suggest.
#[derive(Clone, Debug, PartialEq)]
pub enum Inferred {
    /// 0/1, or yes/no: whether something is present.
    YesNo,
    /// A few small integer codes (0 to 9): levels.
    Levels(u32),
    /// Other numbers: their range.
    Numeric {
        /// Lowest value.
        min: f64,
        /// Highest value.
        max: f64,
    },
    /// Text: left out as a criterion (or kept as provisions).
    Text,
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
    /// Criteria: column (or row) index and scale.
    pub criteria: Vec<(usize, Inferred)>,
    /// Text columns kept as each proposal's provisions.
    pub provisions: Vec<usize>,
}

fn yes_no(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "yes" | "y" | "true" => Some(true),
        "0" | "no" | "n" | "false" => Some(false),
        _ => None,
    }
}

/// The scale of a column of values (blank cells ignored).
pub fn infer(values: &[&str]) -> Inferred {
    let present: Vec<&str> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    if present.is_empty() {
        return Inferred::Text;
    }
    if present.iter().all(|v| yes_no(v).is_some()) {
        return Inferred::YesNo;
    }
    let numbers: Option<Vec<f64>> = present
        .iter()
        .map(|v| v.parse::<f64>().ok().filter(|x| x.is_finite()))
        .collect();
    let Some(numbers) = numbers else {
        return Inferred::Text;
    };
    let (min, max) = numbers
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
            (a.min(x), b.max(x))
        });
    if numbers.iter().all(|x| x.fract() == 0.0) && min >= 0.0 && max <= 9.0 {
        return Inferred::Levels(max as u32 + 1);
    }
    if min == max {
        return Inferred::Numeric {
            min: min - 1.0,
            max: max + 1.0,
        };
    }
    Inferred::Numeric { min, max }
}

impl Table {
    /// The values of column `c`, one per row.
    pub fn column(&self, c: usize) -> Vec<&str> {
        self.rows.iter().map(|r| r[c].as_str()).collect()
    }

    /// The index of a column by name (case and spaces ignored).
    pub fn find(&self, name: &str) -> Result<usize, ImportError> {
        let want = name.trim().to_lowercase();
        self.header
            .iter()
            .position(|h| h.to_lowercase() == want)
            .ok_or_else(|| ImportError::NoColumn(name.to_owned(), self.header.join(", ")))
    }

    /// The table turned round: the first column becomes the header.
    pub fn transposed(&self) -> Table {
        let mut all = vec![self.header.clone()];
        all.extend(self.rows.iter().cloned());
        let width = all.len();
        let mut rows: Vec<Vec<String>> = (0..self.header.len())
            .map(|c| (0..width).map(|r| all[r][c].clone()).collect())
            .collect();
        let header = rows.remove(0);
        Table {
            header,
            rows,
            sheet: self.sheet.clone(),
        }
    }
}

/// A first mapping: the name column is the first column of text; every other column of
/// numbers or yes/no becomes a criterion; text columns are left out.
pub fn suggest(t: &Table) -> Mapping {
    let kinds: Vec<Inferred> = (0..t.header.len()).map(|c| infer(&t.column(c))).collect();
    let name = kinds.iter().position(|k| *k == Inferred::Text).unwrap_or(0);
    // A column called a date or a year dates the proposals; it is no criterion.
    let date = t.header.iter().position(|h| {
        let h = h.to_lowercase();
        h == "date" || h == "year" || h.ends_with(" date") || h.ends_with(" year")
    });
    // A column called an id (PA-X's "AgtId") identifies the rows; it is no criterion.
    let id = t.header.iter().position(|h| {
        let h = h.to_lowercase();
        h == "id" || (h.ends_with("id") && h.len() <= 8 && !h.contains(' '))
    });
    let criteria = kinds
        .into_iter()
        .enumerate()
        .filter(|(c, k)| *c != name && Some(*c) != date && Some(*c) != id && *k != Inferred::Text)
        .collect();
    Mapping {
        proposals_as_rows: true,
        name,
        date,
        id,
        criteria,
        provisions: Vec::new(),
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
        cr.description = format!("Column \"{name}\" of {file_name}.{note}");
        s.criteria.push(cr);
    }
    for (r, row) in t.rows.iter().enumerate() {
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
        let locator = match &t.sheet {
            Some(sheet) => format!("sheet {sheet}, row {}", r + 2),
            None => format!("row {}", r + 2),
        };
        p.sources = vec![Citation {
            source: source_id.clone(),
            locator,
            note: CODED_IN_FILE.into(),
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
        let pid = p.id.clone();
        s.proposals.push(p);
        for (k, (c, kind)) in m
            .criteria
            .iter()
            .filter(|(_, k)| *k != Inferred::Text)
            .enumerate()
        {
            let raw = row[*c].trim();
            if raw.is_empty() {
                continue;
            }
            let value = match kind {
                Inferred::YesNo => yes_no(raw).map(ScoreValue::Bool),
                Inferred::Levels(n) => raw
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.fract() == 0.0 && *v >= 0.0 && (*v as u32) < *n)
                    .map(|v| ScoreValue::Level(v as u32)),
                Inferred::Numeric { .. } => raw
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(ScoreValue::Number),
                Inferred::Text => None,
            };
            if let Some(value) = value {
                s.scores.push(Score {
                    criterion: s.criteria[k].id.clone(),
                    proposal: pid.clone(),
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
        t.rows.len(),
        t.header[m.name]
    )];
    if let Some(d) = m.date {
        out.push(format!("their dates from the column \"{}\"", t.header[d]));
    }
    if let Some(i) = m.id {
        out.push(format!("their ids from the column \"{}\"", t.header[i]));
    }
    for (c, kind) in &m.criteria {
        let what = match kind {
            Inferred::YesNo => "yes/no (weight 0: presence is not merit)".to_owned(),
            Inferred::Levels(n) => format!("{n} levels (codes 0–{})", n - 1),
            Inferred::Numeric { min, max } => format!("numbers {min}–{max}"),
            Inferred::Text => "text: left out".to_owned(),
        };
        out.push(format!("criterion \"{}\": {what}", t.header[*c]));
    }
    let left: Vec<&str> = (0..t.header.len())
        .filter(|c| {
            *c != m.name
                && Some(*c) != m.date
                && Some(*c) != m.id
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
