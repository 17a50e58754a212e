//! Loading scenario files: size limit, UTF-8, format version, RON parsing, validation.

use std::io::Read;
use std::path::Path;

use super::fingerprint::Fingerprint;
use super::locate::{line_col, locate, offset_of, path_at, skip_blank, LineCol, PathDisplay, Seg};
use super::problem::{LoadError, Problem};
use super::validate::validate;
use super::{fast_scores, ron_options};
use crate::model::{Scenario, FORMAT_VERSION};

/// Files larger than this are refused before reading (256 MiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// At most this many problems are reported with their positions; the rest are counted.
const MAX_PROBLEMS: usize = 200;

/// Loads and validates the scenario file at `path`.
pub fn load_path(path: &Path) -> Result<Scenario, LoadError> {
    load_path_with_fingerprint(path).map(|(scenario, _)| scenario)
}

/// Loads the scenario file at `path`, with the fingerprint of the bytes read (to notice
/// later when the file changes on disk).
pub fn load_path_with_fingerprint(path: &Path) -> Result<(Scenario, Fingerprint), LoadError> {
    let file = path.display().to_string();
    let io_problem = |e: std::io::Error| LoadError::single(&file, Problem::file(io_message(&e)));
    let meta = std::fs::metadata(path).map_err(io_problem)?;
    if meta.is_dir() {
        return Err(LoadError::single(
            &file,
            Problem::file("is a folder, not a scenario file"),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(&file, meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The take() guards against a file that grows between the check and the read.
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io_problem)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(&file, bytes.len() as u64));
    }
    let fingerprint = Fingerprint::of_bytes(&bytes, &meta);
    load_bytes(&file, &bytes).map(|scenario| (scenario, fingerprint))
}

fn too_large(file: &str, len: u64) -> LoadError {
    LoadError::single(
        file,
        Problem::file(format!(
            "file is {} MiB; Concord reads scenario files up to {} MiB",
            len.div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )),
    )
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied: cannot read it".to_owned(),
        _ => format!("cannot read it: {e}"),
    }
}

/// Loads a scenario from raw bytes; `file` names it in messages.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Scenario, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(file, bytes.len() as u64));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(src) => load_str(file, src),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let bad = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
            Err(LoadError::single(
                file,
                Problem {
                    at: Some(line_col(valid, valid.len())),
                    item: String::new(),
                    message: format!(
                        "invalid UTF-8 (byte 0x{bad:02X}); save the file as UTF-8 text"
                    ),
                },
            ))
        }
    }
}

/// Loads a scenario from RON text; `file` names it in messages.
pub fn load_str(file: &str, src: &str) -> Result<Scenario, LoadError> {
    if src.trim().is_empty() {
        return Err(LoadError::single(
            file,
            Problem {
                at: Some(LineCol { line: 1, col: 1 }),
                item: String::new(),
                message: "the file is empty: a Concord scenario starts with `Scenario(`".into(),
            },
        ));
    }
    if let Some(at) = super::nesting::too_deep(src) {
        return Err(LoadError::single(
            file,
            Problem {
                at: Some(line_col(src, at)),
                item: String::new(),
                message: format!(
                    "nested more than {} levels deep; a scenario needs far fewer, so this is \
                     not one (or it is damaged)",
                    super::nesting::MAX_NESTING
                ),
            },
        ));
    }
    check_format(file, src)?;
    let fast = (src.len() >= fast_scores::FAST_FROM_BYTES)
        .then(|| fast_scores::read_scenario(src))
        .flatten();
    let parsed = fast.map_or_else(|| ron_options().from_str(src), Ok);
    let mut scenario: Scenario = parsed.map_err(|e: ron::error::SpannedError| {
        // RON points just before the offending token; point at the token itself.
        let reported = LineCol {
            line: e.span.start.line,
            col: e.span.start.col,
        };
        let at = line_col(src, skip_blank(src, offset_of(src, reported)));
        let path = path_at(src, at);
        let detail = e.code.to_string();
        // The file as a whole is something else: say that first, then what the reader saw.
        let message = if path.is_empty() && not_a_scenario(&e.code) {
            format!(
                "this is not a Concord scenario (a scenario file starts with `Scenario(`); \
                 the reader says: {detail}"
            )
        } else {
            detail
        };
        LoadError::single(
            file,
            Problem {
                at: Some(at),
                item: PathDisplay(&path).to_string(),
                message,
            },
        )
    })?;
    migrate(&mut scenario);
    if let Err(problems) = scenario.expand_coded_rows() {
        return Err(LoadError {
            file: file.to_owned(),
            problems: problems
                .into_iter()
                .take(MAX_PROBLEMS)
                .map(|p| {
                    let mut path = vec![Seg::field("coded")];
                    path.push(match p.row {
                        Some(_) => Seg::field("rows"),
                        None => Seg::field("criteria"),
                    });
                    if let Some(r) = p.row {
                        path.push(Seg::Index(r));
                    }
                    Problem {
                        at: locate(src, &path),
                        item: p.row.map_or_else(
                            || "coded.criteria".to_owned(),
                            |r| format!("coded.rows[{r}]"),
                        ),
                        message: p.message,
                    }
                })
                .collect(),
        });
    }
    let findings = validate(&scenario);
    if !findings.is_empty() {
        let total = findings.len();
        let mut problems: Vec<Problem> = findings
            .into_iter()
            .take(MAX_PROBLEMS)
            .map(|f| Problem {
                at: locate(src, &f.path),
                item: f.item,
                message: f.message,
            })
            .collect();
        if total > MAX_PROBLEMS {
            problems.push(Problem::file(format!(
                "… and {} more problems",
                total - MAX_PROBLEMS
            )));
        }
        return Err(LoadError {
            file: file.to_owned(),
            problems,
        });
    }
    scenario.sort_scores();
    Ok(scenario)
}

/// True when RON found something other than a `Scenario` where the file should start.
fn not_a_scenario(code: &ron::Error) -> bool {
    matches!(
        code,
        ron::Error::ExpectedStructName(_)
            | ron::Error::ExpectedNamedStructLike(_)
            | ron::Error::ExpectedDifferentStructName { .. }
            | ron::Error::ExpectedStructLike
    )
}

/// Refuses files from a newer Concord before parsing them as this format.
fn check_format(file: &str, src: &str) -> Result<(), LoadError> {
    let Some(at) = locate(src, &[Seg::field("format")]) else {
        return Ok(()); // the parser will say what is missing
    };
    let start = offset_of(src, at);
    let digits: String = src[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let Ok(format) = digits.parse::<u64>() else {
        return Ok(()); // not a number: the parser reports the type error
    };
    let problem = |message: String| {
        LoadError::single(
            file,
            Problem {
                at: Some(at),
                item: "format".into(),
                message,
            },
        )
    };
    if format > u64::from(FORMAT_VERSION) {
        return Err(problem(format!(
            "made by a newer Concord (format {format}), this build reads up to {FORMAT_VERSION}; \
             update Concord to open it"
        )));
    }
    if format == 0 {
        return Err(problem(
            "format 0 is not a Concord format; the first format is 1".to_owned(),
        ));
    }
    Ok(())
}

/// Brings a scenario read from an older format up to the current one, one format at a
/// time (1 → 2 → …); it is then saved in the oldest format that holds it
/// ([`Scenario::needed_format`]).
fn migrate(scenario: &mut Scenario) {
    if scenario.format < 2 {
        // In format 1 a criterion a perspective did not list weighed 0; from format 2 it is
        // "not stated". Written out, the old meaning (and every ranking) is kept.
        let ids: Vec<String> = scenario.criteria.iter().map(|c| c.id.clone()).collect();
        for p in &mut scenario.perspectives {
            for id in &ids {
                p.weights.entry(id.clone()).or_insert(0.0);
            }
        }
    }
    scenario.format = scenario.needed_format();
}
