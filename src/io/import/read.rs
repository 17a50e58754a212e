//! Reading a table: delimited text (the `csv` crate) or a spreadsheet's sheet (`calamine`),
//! tidied into a header and rows of the same width.

use std::collections::BTreeSet;
use std::path::Path;

use super::ImportError;

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
