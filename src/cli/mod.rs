//! The command-line subcommands: check, rank (or the whole table) and fmt. Each writes to
//! the given streams and returns the process exit code, so tests can run them without a
//! process.

pub mod diff;
pub mod export;
pub mod import;
pub mod round;
pub mod serve;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::io::export::{rank_csv, table_csv};
use crate::io::{load_path, save_path, LoadError};
use crate::model::Scenario;
use crate::scoring::{Evaluation, WeightSet};

/// Exit code when every file is fine.
pub const EXIT_OK: i32 = 0;
/// Exit code when a file is invalid or an operation failed.
pub const EXIT_FAILURE: i32 = 1;
/// Exit code for usage errors (also what clap uses).
pub const EXIT_USAGE: i32 = 2;

/// Output format of `concord rank`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RankFormat {
    /// Aligned columns for people.
    #[default]
    Text,
    /// Comma-separated values with a header row.
    Csv,
    /// The whole table as CSV, as File ▸ Export table as CSV writes it.
    TableCsv,
    /// JSON (with `--all-perspectives`).
    Json,
}

/// `concord check [--strict] FILE...`: validates files, prints one line per problem; with
/// `strict`, also the content findings of each valid file (`io::health`).
pub fn check(files: &[PathBuf], strict: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut code = EXIT_OK;
    for file in files {
        match load_path(file) {
            Ok(scenario) if strict => {
                let findings = crate::io::health::health(&scenario);
                let text = std::fs::read_to_string(file).unwrap_or_default();
                for h in &findings {
                    let at = crate::io::locate::locate(&text, &h.path)
                        .map_or_else(String::new, |lc| format!("{}:{}:", lc.line, lc.col));
                    let level = if h.is_note() { "note" } else { "warning" };
                    let _ = writeln!(
                        out,
                        "{}:{at} {level}: {}: {}",
                        file.display(),
                        h.concern.label(),
                        h.message
                    );
                }
                if crate::io::health::passes(&findings) {
                    let _ = writeln!(out, "{}: ok (strict)", file.display());
                } else {
                    code = EXIT_FAILURE;
                    let _ = writeln!(
                        err,
                        "{}: does not pass --strict ({} findings)",
                        file.display(),
                        findings.len()
                    );
                }
            }
            Ok(_) => {
                let _ = writeln!(out, "{}: ok", file.display());
            }
            Err(e) => {
                code = EXIT_FAILURE;
                print_load_error(&e, err);
            }
        }
    }
    code
}

/// `concord rank FILE`: prints rank, proposal, total and coverage.
pub fn rank(
    file: &Path,
    perspective: Option<&str>,
    format: RankFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(scenario) = load_or_say(file, err) else {
        return EXIT_FAILURE;
    };
    let weights = match weights_or_say(&scenario, file, perspective, err) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let text = match format {
        RankFormat::Text => rank_text(&scenario, weights),
        RankFormat::Csv => rank_csv(&scenario, weights),
        RankFormat::TableCsv => table_csv(&scenario, weights),
        RankFormat::Json => {
            let _ = writeln!(
                err,
                "--format json is for --all-perspectives; one ranking prints as text or csv"
            );
            return EXIT_USAGE;
        }
    };
    let _ = out.write_all(text.as_bytes());
    EXIT_OK
}

/// `concord rank FILE --all-perspectives`: every perspective's totals, ranks and red
/// lines crossed side by side, and the sentences of the matrix view.
pub fn rank_all(file: &Path, format: RankFormat, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let scenario = match load_path(file) {
        Ok(s) => s,
        Err(e) => {
            print_load_error(&e, err);
            return EXIT_FAILURE;
        }
    };
    let base = Evaluation::new(&scenario, WeightSet::Base);
    let m = crate::analysis::perspectives::Matrix::compute(&scenario, &base);
    let text = match format {
        RankFormat::Text => crate::io::matrix::text(&scenario, &m),
        RankFormat::Csv | RankFormat::TableCsv => crate::io::matrix::csv(&scenario, &m),
        RankFormat::Json => crate::io::matrix::json(&scenario, &m),
    };
    let _ = out.write_all(text.as_bytes());
    EXIT_OK
}

/// The scenario in `file`, or `None` with its problems written to `err`.
pub(crate) fn load_or_say(file: &Path, err: &mut dyn Write) -> Option<Scenario> {
    match load_path(file) {
        Ok(s) => Some(s),
        Err(e) => {
            print_load_error(&e, err);
            None
        }
    }
}

/// The weights of the perspective named `perspective`, or the usage error's exit code
/// with the message written to `err`.
pub(crate) fn weights_or_say<'a>(
    scenario: &'a Scenario,
    file: &Path,
    perspective: Option<&str>,
    err: &mut dyn Write,
) -> Result<WeightSet<'a>, i32> {
    weights_of(scenario, file, perspective).map_err(|message| {
        let _ = writeln!(err, "{message}");
        EXIT_USAGE
    })
}

/// The weights of the perspective named `perspective` (an id or a name), or the base
/// weights; the error names the perspectives the file has.
pub(crate) fn weights_of<'a>(
    scenario: &'a Scenario,
    file: &Path,
    perspective: Option<&str>,
) -> Result<WeightSet<'a>, String> {
    let Some(name) = perspective else {
        return Ok(WeightSet::Base);
    };
    match scenario.perspective(name) {
        Some(p) => Ok(WeightSet::Perspective(p)),
        None => {
            let known: Vec<&str> = scenario
                .perspectives
                .iter()
                .map(|p| p.id.as_str())
                .collect();
            Err(format!(
                "{}: no perspective named {name:?}; the file has: {}",
                file.display(),
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            ))
        }
    }
}

/// The ranking as aligned text, totals on 0–100 as the window shows them.
pub fn rank_text(scenario: &Scenario, weights: WeightSet<'_>) -> String {
    let eval = Evaluation::new(scenario, weights);
    let width = scenario
        .proposals
        .iter()
        .map(|p| p.name.chars().count())
        .max()
        .unwrap_or(0)
        .max("proposal".len());
    let mut s = format!(
        "{:<4}  {:<width$}  {:>5}  {:>8}\n",
        "rank", "proposal", "total", "coverage"
    );
    for &i in &eval.order {
        let st = eval.standings[i];
        let rank = st.rank.map_or("-".to_owned(), |r| r.to_string());
        let total = st
            .total
            .map_or("-".to_owned(), |t| format!("{:.1}", t * 100.0));
        s += &format!(
            "{:<4}  {:<width$}  {:>5}  {:>7.0}%\n",
            rank,
            scenario.proposals[i].name,
            total,
            st.coverage * 100.0
        );
    }
    s
}

/// `concord fmt FILE...`: rewrites each valid file in canonical form, atomically.
pub fn fmt(files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut code = EXIT_OK;
    for file in files {
        match load_path(file) {
            Ok(s) => match save_path(&s, file) {
                Ok(()) => {
                    let _ = writeln!(out, "{}: formatted", file.display());
                }
                Err(e) => {
                    code = EXIT_FAILURE;
                    let _ = writeln!(err, "{e}");
                }
            },
            Err(e) => {
                code = EXIT_FAILURE;
                print_load_error(&e, err);
                let _ = writeln!(err, "{}: left unchanged", file.display());
            }
        }
    }
    code
}

pub(crate) fn print_load_error(e: &LoadError, err: &mut dyn Write) {
    for line in e.lines() {
        let _ = writeln!(err, "{line}");
    }
}

/// Options of `concord analyze`.
#[derive(Clone, Debug)]
pub struct AnalyzeOptions {
    /// A perspective's id or name, instead of the base weights.
    pub perspective: Option<String>,
    /// Monte Carlo draws.
    pub draws: usize,
    /// Seed of the draws.
    pub seed: u64,
    /// How weights are drawn.
    pub constraint: crate::analysis::WeightConstraint,
    /// JSON instead of text.
    pub json: bool,
}

/// `concord analyze FILE`: stability intervals, score flips and rank acceptability.
pub fn analyze(file: &Path, o: &AnalyzeOptions, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let scenario = match load_path(file) {
        Ok(s) => s,
        Err(e) => {
            print_load_error(&e, err);
            return EXIT_FAILURE;
        }
    };
    let weights = match weights_of(&scenario, file, o.perspective.as_deref()) {
        Ok(w) => w,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            return EXIT_USAGE;
        }
    };
    let report = crate::analysis::report::Report::new(
        &scenario,
        weights,
        crate::analysis::SmaaOptions {
            draws: o.draws,
            seed: o.seed,
            constraint: o.constraint,
        },
    );
    let text = if o.json {
        match serde_json::to_string_pretty(&report) {
            Ok(t) => t + "\n",
            Err(e) => {
                let _ = writeln!(err, "could not write JSON: {e}");
                return EXIT_FAILURE;
            }
        }
    } else {
        report.to_text()
    };
    let _ = out.write_all(text.as_bytes());
    EXIT_OK
}
