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

/// A table read from a file: a header and rows of text, the same width. The cells live in
/// one buffer, each a span of it (a dataset of half a million cells is then two
/// allocations, not half a million).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Column names (trimmed; a duplicate gets " (2)").
    pub header: Vec<String>,
    /// The sheet read, for a spreadsheet.
    pub sheet: Option<String>,
    /// Every cell's text, one after the other.
    text: String,
    /// Each data cell's span of `text`, column by column (a column's cells side by side:
    /// inferring a scale and building the scores read a column at a time).
    spans: Vec<(u32, u32)>,
    /// The number of data rows.
    n_rows: usize,
}

/// One row of a [`Table`]: `row[c]` is the text of column `c`.
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    table: &'a Table,
    row: usize,
}

impl<'a> Row<'a> {
    /// The number of cells (the table's width).
    pub fn len(&self) -> usize {
        self.table.header.len()
    }

    /// True for a table without columns.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cells, in order.
    pub fn cells(&self) -> impl Iterator<Item = &'a str> + 'a {
        let (t, r, n) = (self.table, self.row, self.len());
        (0..n).map(move |c| t.cell(r, c))
    }

    /// The cells as a list.
    pub fn to_vec(&self) -> Vec<&'a str> {
        self.cells().collect()
    }
}

impl std::ops::Index<usize> for Row<'_> {
    type Output = str;
    fn index(&self, c: usize) -> &str {
        assert!(c < self.len(), "column {c} of a table {} wide", self.len());
        self.table.cell(self.row, c)
    }
}

/// Rows as they were read, before they are tidied into a [`Table`]: one text buffer, each
/// cell's span, and where each row ends.
#[derive(Default)]
struct Cells {
    text: String,
    spans: Vec<(u32, u32)>,
    row_ends: Vec<usize>,
}

impl Cells {
    fn push(&mut self, file: &str, cell: &str) -> Result<(), ImportError> {
        let start = self.text.len();
        self.text.push_str(cell);
        match (u32::try_from(start), u32::try_from(self.text.len())) {
            (Ok(a), Ok(b)) => {
                self.spans.push((a, b));
                Ok(())
            }
            _ => Err(ImportError::NotATable(
                file.to_owned(),
                "more than 4 GB of text: too large to import".into(),
            )),
        }
    }

    fn end_row(&mut self) {
        self.row_ends.push(self.spans.len());
    }

    fn rows(&self) -> impl Iterator<Item = &[(u32, u32)]> {
        let mut start = 0;
        self.row_ends.iter().map(move |&end| {
            let r = &self.spans[start..end];
            start = end;
            r
        })
    }

    fn get(&self, (a, b): (u32, u32)) -> &str {
        &self.text[a as usize..b as usize]
    }
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
    let (cells, sheet) = if matches!(ext.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods") {
        read_sheet(path, sheet)?
    } else {
        let bytes =
            std::fs::read(path).map_err(|e| ImportError::Read(file.clone(), e.to_string()))?;
        (read_delimited(&file, &bytes)?, None)
    };
    tidy(&file, cells, sheet)
}

fn read_sheet(path: &Path, wanted: Option<&str>) -> Result<(Cells, Option<String>), ImportError> {
    let file = path.display().to_string();
    let wb = guarded(&file, "the workbook is damaged", || {
        calamine::open_workbook_auto(path)
    })?;
    sheet_cells(&file, wb, wanted)
}

/// Reads a workbook held in memory (a dropped file in the browser, the fuzzer's bytes):
/// .xlsx, .xlsb, .xls or .ods, told apart by their contents.
pub fn table_from_workbook(
    file: &str,
    bytes: Vec<u8>,
    sheet: Option<&str>,
) -> Result<Table, ImportError> {
    let wb = guarded(file, "the workbook is damaged", || {
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
    })?;
    let (cells, sheet) = sheet_cells(file, wb, sheet)?;
    tidy(file, cells, sheet)
}

/// Runs a calamine call: its error, or its panic, as an import error. calamine can panic
/// on a damaged file (fuzzing found an arithmetic overflow on a crafted cell reference),
/// and a damaged file is an error to report, never a crash.
fn guarded<T, E: std::fmt::Display>(
    file: &str,
    damaged: &str,
    call: impl FnOnce() -> Result<T, E>,
) -> Result<T, ImportError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(call)) {
        Ok(result) => result.map_err(|e| ImportError::Sheet(file.to_owned(), e.to_string())),
        Err(_) => Err(ImportError::Sheet(file.to_owned(), damaged.to_owned())),
    }
}

/// The cells of sheet `wanted` (else the first) of an open workbook.
fn sheet_cells<RS: std::io::Read + std::io::Seek>(
    file: &str,
    mut wb: calamine::Sheets<RS>,
    wanted: Option<&str>,
) -> Result<(Cells, Option<String>), ImportError> {
    use calamine::{Data, Reader};
    let file = file.to_owned();
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
    let range = guarded(
        &file,
        "the sheet is damaged (its cells cannot be read)",
        || wb.worksheet_range(&name),
    )?;
    let mut cells = Cells::default();
    for r in range.rows() {
        for d in r {
            match d {
                Data::Empty | Data::Error(_) => cells.push(&file, "")?,
                Data::String(s) => cells.push(&file, s)?,
                Data::Float(f) => cells.push(&file, &format_number(*f))?,
                Data::Int(i) => cells.push(&file, &i.to_string())?,
                Data::Bool(b) => cells.push(&file, &b.to_string())?,
                other => cells.push(&file, &other.to_string())?,
            }
        }
        cells.end_row();
    }
    Ok((cells, Some(name)))
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
fn read_delimited(file: &str, bytes: &[u8]) -> Result<Cells, ImportError> {
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
    if memchr::memchr(0, bytes).is_some() {
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
    // The fields' text is never longer than the file: one allocation for all of it.
    let mut cells = Cells {
        text: String::with_capacity(bytes.len()),
        ..Cells::default()
    };
    let mut record = csv::ByteRecord::new();
    loop {
        let more = reader
            .read_byte_record(&mut record)
            .map_err(|e| ImportError::Csv {
                file: file.to_owned(),
                row: e.position().map_or(0, |p| p.line()),
                message: e.to_string(),
            })?;
        if !more {
            break;
        }
        if record.len() > MAX_COLUMNS {
            return Err(ImportError::NotATable(
                file.to_owned(),
                format!(
                    "row {} has {} columns, more than {MAX_COLUMNS}: not a table of proposals and criteria",
                    cells.row_ends.len() + 1,
                    record.len()
                ),
            ));
        }
        for field in &record {
            // The whole text was checked to be UTF-8 and fields split at ASCII bytes.
            let field = std::str::from_utf8(field).unwrap_or_default();
            cells.push(file, field)?;
        }
        cells.end_row();
    }
    Ok(cells)
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
fn tidy(file: &str, cells: Cells, sheet: Option<String>) -> Result<Table, ImportError> {
    let blank = |span: &(u32, u32)| cells.get(*span).trim().is_empty();
    let kept: Vec<&[(u32, u32)]> = cells.rows().filter(|r| !r.iter().all(blank)).collect();
    let Some((head, rows)) = kept.split_first() else {
        return Err(ImportError::NotATable(
            file.to_owned(),
            "the file holds no table: it is empty".into(),
        ));
    };
    if rows.is_empty() {
        return Err(ImportError::NotATable(
            file.to_owned(),
            "only a header row: there is nothing to import under it".into(),
        ));
    }
    let used = kept
        .iter()
        .map(|r| r.iter().rposition(|x| !blank(x)).map_or(0, |c| c + 1))
        .max()
        .unwrap_or(0);
    let mut header: Vec<String> = (0..used)
        .map(|c| head.get(c).map_or("", |x| cells.get(*x)).trim().to_owned())
        .collect();
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
    let mut spans = Vec::with_capacity(rows.len() * used);
    for c in 0..used {
        spans.extend(rows.iter().map(|r| r.get(c).copied().unwrap_or((0, 0))));
    }
    let n_rows = rows.len();
    drop(kept);
    Ok(Table {
        header,
        sheet,
        text: cells.text,
        spans,
        n_rows,
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
    /// A column with each proposal's group (a region, a stage), for filtering the cards.
    pub group: Option<usize>,
    /// Criteria: column (or row) index and scale.
    pub criteria: Vec<(usize, Inferred)>,
    /// Text columns kept as each proposal's provisions.
    pub provisions: Vec<usize>,
    /// Criteria columns where a lower value is better (troops, casualties, cost).
    pub lower_is_better: Vec<usize>,
}

/// Words in a column's header that say less of it is better: a guess the user confirms.
const LESS_IS_BETTER: &[&str] = &[
    "troop",
    "soldier",
    "forces stationed",
    "casualt",
    "death",
    "dead",
    "killed",
    "fatalit",
    "injur",
    "violen",
    "displace",
    "cost",
    "delay",
    "incident",
    "attack",
    "checkpoint",
    "detain",
    "arrest",
    "demolition",
    "poverty",
    "unemploy",
    "debt",
    "emission",
];

/// Whether a column headed `header` is likely one where less is better.
pub fn guess_lower_is_better(header: &str) -> bool {
    let h = header.to_lowercase();
    LESS_IS_BETTER.iter().any(|w| h.contains(w))
}

fn yes_no(s: &str) -> Option<bool> {
    yes_no_trimmed(s.trim())
}

/// [`yes_no`] of a value already trimmed.
fn yes_no_trimmed(s: &str) -> Option<bool> {
    // Most coded datasets use 0 and 1: answered without comparing words.
    match s.as_bytes() {
        b"1" => return Some(true),
        b"0" => return Some(false),
        _ => {}
    }
    let is = |w: &str| s.eq_ignore_ascii_case(w);
    if is("yes") || is("y") || is("true") {
        Some(true)
    } else if is("no") || is("n") || is("false") {
        Some(false)
    } else {
        None
    }
}

/// A cell as a number: a finite number, or yes/no as 1/0 (a yes/no column read as levels
/// or numbers).
fn number(raw: &str) -> Option<f64> {
    raw.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .or_else(|| yes_no(raw).map(|b| f64::from(u8::from(b))))
}

/// The scale of a column of values (blank cells ignored).
pub fn infer(values: &[&str]) -> Inferred {
    // Two passes without copying the column: yes/no first (a coded dataset's usual case,
    // answered without parsing numbers), then numbers.
    let present = || values.iter().map(|v| v.trim()).filter(|v| !v.is_empty());
    if present().next().is_none() {
        return Inferred::Text;
    }
    if present().all(|v| yes_no_trimmed(v).is_some()) {
        return Inferred::YesNo;
    }
    let (mut min, mut max, mut integers) = (f64::INFINITY, f64::NEG_INFINITY, true);
    for v in present() {
        let Some(x) = v.parse::<f64>().ok().filter(|x| x.is_finite()) else {
            return Inferred::Text;
        };
        min = min.min(x);
        max = max.max(x);
        integers &= x.fract() == 0.0;
    }
    if integers && min >= 0.0 && max <= 9.0 {
        // A column of zeros is still two levels: a scale needs at least two (fuzzing).
        return Inferred::Levels((max as u32 + 1).max(2));
    }
    if min == max {
        let (min, max) = around(min);
        return Inferred::Numeric { min, max };
    }
    Inferred::Numeric { min, max }
}

/// A scale around a column's one value: ±1, or where ±1 is lost in rounding (a value of
/// 1e46; fuzzing found it made a scale whose min was not below its max) the nearest numbers
/// either side that are finite.
fn around(x: f64) -> (f64, f64) {
    if x - 1.0 < x + 1.0 {
        return (x - 1.0, x + 1.0);
    }
    let (below, above) = (x.next_down(), x.next_up());
    match (below.is_finite(), above.is_finite()) {
        (true, true) => (below, above),
        (false, _) => (x, above),
        (_, false) => (below, x),
    }
}

/// Every scale a column's values fit, the inferred one first: yes/no codes can also be
/// read as levels (0 and 1) or numbers; small integer codes as numbers; a column of text
/// fits none.
pub fn scales(values: &[&str]) -> Vec<Inferred> {
    let first = infer(values);
    if first == Inferred::Text {
        return Vec::new();
    }
    let numbers: Option<Vec<f64>> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .map(number)
        .collect();
    let mut out = vec![first.clone()];
    if let Some(numbers) = numbers.filter(|n| !n.is_empty()) {
        let (min, max) = numbers
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
                (a.min(x), b.max(x))
            });
        let integers = numbers.iter().all(|x| x.fract() == 0.0);
        if integers && min >= 0.0 && max <= 20.0 {
            out.push(Inferred::Levels((max as u32 + 1).max(2)));
        }
        let (min, max) = if min == max { around(min) } else { (min, max) };
        out.push(Inferred::Numeric { min, max });
    }
    let mut distinct: Vec<Inferred> = Vec::new();
    for k in out {
        if !distinct.contains(&k) {
            distinct.push(k);
        }
    }
    distinct
}

impl Inferred {
    /// The scale in a few words, for the dialog and the command line.
    pub fn describe(&self) -> String {
        match self {
            Inferred::YesNo => "yes/no (weight 0: presence is not merit)".to_owned(),
            Inferred::Levels(n) => format!("{n} levels (codes 0–{})", n - 1),
            Inferred::Numeric { min, max } => format!("numbers {min}–{max}"),
            Inferred::Text => "text: left out".to_owned(),
        }
    }
}

/// The sheets of a workbook, in order; `None` for a file that is not a workbook.
pub fn sheet_names(path: &Path) -> Option<Vec<String>> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(ext.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods") {
        return None;
    }
    calamine::open_workbook_auto(path)
        .ok()
        .map(|wb| calamine::Reader::sheet_names(&wb))
}

impl Table {
    /// A table of `header` and `rows` (each padded or cut to the header's width).
    pub fn from_rows(header: Vec<String>, rows: &[Vec<String>], sheet: Option<String>) -> Self {
        let mut cells = Cells::default();
        let width = header.len();
        let mut spans = Vec::with_capacity(rows.len() * width);
        for c in 0..width {
            for r in rows {
                let start = cells.text.len();
                cells.text.push_str(r.get(c).map_or("", String::as_str));
                // Tables made in memory are small; clamp rather than fail.
                let (a, b) = (
                    u32::try_from(start).unwrap_or(u32::MAX),
                    u32::try_from(cells.text.len()).unwrap_or(u32::MAX),
                );
                spans.push((a, b));
            }
        }
        Self {
            header,
            sheet,
            text: cells.text,
            spans,
            n_rows: rows.len(),
        }
    }

    fn span(&self, i: usize) -> &str {
        let (a, b) = self.spans[i];
        self.text.get(a as usize..b as usize).unwrap_or("")
    }

    /// The text of data row `r`, column `c`.
    pub fn cell(&self, r: usize, c: usize) -> &str {
        self.span(c * self.n_rows + r)
    }

    /// The number of data rows (the header not counted).
    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    /// Data row `r`.
    pub fn row(&self, r: usize) -> Row<'_> {
        assert!(r < self.n_rows(), "row {r} of {}", self.n_rows());
        Row {
            table: self,
            row: r,
        }
    }

    /// The data rows, in order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        (0..self.n_rows()).map(|r| self.row(r))
    }

    /// The values of column `c`, one per row.
    pub fn column(&self, c: usize) -> Vec<&str> {
        let n = self.n_rows;
        self.spans[c * n..(c + 1) * n]
            .iter()
            .map(|&(a, b)| self.text.get(a as usize..b as usize).unwrap_or(""))
            .collect()
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
        let mut rows: Vec<Vec<String>> = (0..self.header.len())
            .map(|c| {
                std::iter::once(self.header[c].clone())
                    .chain(self.column(c).into_iter().map(str::to_owned))
                    .collect()
            })
            .collect();
        let header = rows.remove(0);
        Table::from_rows(header, &rows, self.sheet.clone())
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
