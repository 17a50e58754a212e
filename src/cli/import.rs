//! `concord import FILE [--sheet NAME] [--rows proposals|criteria] [--name COLUMN]
//! [--criteria COLUMNS] -o OUT.ron`: a table as a scenario, without a window; prints what it
//! inferred.

use std::io::Write;
use std::path::Path;

use super::{EXIT_FAILURE, EXIT_OK, EXIT_USAGE};
use crate::io::import::{build, describe, infer, read_table, suggest};
use crate::io::save_path;

/// Options of `concord import`.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The sheet of a spreadsheet (the first without it).
    pub sheet: Option<String>,
    /// Proposals run down the columns instead of the rows.
    pub proposals_as_columns: bool,
    /// The column of the proposals' names.
    pub name: Option<String>,
    /// The columns that become criteria (comma-separated names).
    pub criteria: Option<String>,
    /// The criteria columns where lower is better (comma-separated names, or "none");
    /// guessed from the columns' names without it.
    pub lower_is_better: Option<String>,
}

/// Runs `concord import`.
pub fn run(
    file: &Path,
    o: &ImportOptions,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    if output.exists() {
        let _ = writeln!(
            err,
            "{}: exists; give another name (nothing was imported)",
            output.display()
        );
        return EXIT_USAGE;
    }
    let table = match read_table(file, o.sheet.as_deref()) {
        Ok(t) if o.proposals_as_columns => t.transposed(),
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return EXIT_FAILURE;
        }
    };
    let mut mapping = suggest(&table);
    if let Some(name) = &o.name {
        match table.find(name) {
            Ok(c) => {
                mapping.name = c;
                mapping.criteria.retain(|(x, _)| *x != c);
                if mapping.date == Some(c) {
                    mapping.date = None;
                }
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return EXIT_USAGE;
            }
        }
    }
    if let Some(list) = &o.criteria {
        let mut chosen = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match table.find(name) {
                Ok(c) => chosen.push((c, infer(&table.column(c)))),
                Err(e) => {
                    let _ = writeln!(err, "{e}");
                    return EXIT_USAGE;
                }
            }
        }
        mapping.criteria = chosen;
    }
    // The guess follows the criteria chosen; a list given replaces it.
    mapping.lower_is_better = mapping
        .criteria
        .iter()
        .map(|(c, _)| *c)
        .filter(|&c| crate::io::import::guess_lower_is_better(&table.header[c]))
        .collect();
    if let Some(list) = &o.lower_is_better {
        let mut lower = Vec::new();
        for name in list
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case("none"))
        {
            match table.find(name) {
                Ok(c) if mapping.criteria.iter().any(|(x, _)| *x == c) => lower.push(c),
                Ok(_) => {
                    let _ = writeln!(err, "column \"{name}\" is not a criterion here");
                    return EXIT_USAGE;
                }
                Err(e) => {
                    let _ = writeln!(err, "{e}");
                    return EXIT_USAGE;
                }
            }
        }
        mapping.lower_is_better = lower;
    }
    for line in describe(&table, &mapping) {
        let _ = writeln!(out, "{line}");
    }
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let scenario = build(&table, &mapping, &name);
    match save_path(&scenario, output) {
        Ok(()) => {
            let _ = writeln!(
                out,
                "wrote {}: {} proposals, {} criteria, {} scored cells",
                output.display(),
                scenario.proposals.len(),
                scenario.criteria.len(),
                scenario.scores.len()
            );
            EXIT_OK
        }
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", output.display());
            EXIT_FAILURE
        }
    }
}
