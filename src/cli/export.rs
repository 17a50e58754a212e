//! `concord export FILE --to FORMAT [--perspective NAME] [-o OUT]`: a file of
//! `io::formats` (the printable handout, Markdown, a live workbook, the table as CSV, every
//! perspective as JSON); `-o -` writes a text format to standard output.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{load_or_say, weights_or_say, EXIT_FAILURE, EXIT_OK, EXIT_USAGE};
use crate::io::formats::Format;
use crate::io::write_atomically;

/// Runs `concord export`. Without `-o`, writes beside FILE with the format's extension,
/// never over an existing file.
pub fn run(
    file: &Path,
    to: Format,
    perspective: Option<&str>,
    output: Option<&Path>,
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
    if !to.takes_weights() && perspective.is_some() {
        let _ = writeln!(
            err,
            "{} has every perspective already; leave out --perspective",
            to.noun()
        );
        return EXIT_USAGE;
    }
    let bytes = match to.make(&scenario, weights, false) {
        Some(Ok(b)) => b,
        Some(Err(e)) => {
            let _ = writeln!(
                err,
                "{}: {} could not be made: {e}",
                file.display(),
                to.noun()
            );
            return EXIT_FAILURE;
        }
        None => {
            let _ = writeln!(err, "{} is made by the window", to.noun());
            return EXIT_USAGE;
        }
    };
    match output {
        Some(p) if p == Path::new("-") => {
            if !to.is_text() {
                let _ = writeln!(err, "{} is not text: give a file with -o", to.noun());
                return EXIT_USAGE;
            }
            let _ = out.write_all(&bytes);
            EXIT_OK
        }
        _ => {
            let path: PathBuf =
                output.map_or_else(|| file.with_extension(to.extension()), Path::to_path_buf);
            if output.is_none() && path.exists() {
                let _ = writeln!(
                    err,
                    "{}: exists; give -o to name the output (an existing file named with -o is replaced)",
                    path.display()
                );
                return EXIT_USAGE;
            }
            match write_atomically(&path, &bytes) {
                Ok(()) => {
                    let _ = writeln!(out, "wrote {}", path.display());
                    EXIT_OK
                }
                Err(e) => {
                    let _ = writeln!(err, "{}: {e}", path.display());
                    EXIT_FAILURE
                }
            }
        }
    }
}
