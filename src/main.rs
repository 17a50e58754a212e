//! `concord`: the command line and the GUI's entry point.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use concord::cli::{self, RankFormat};

/// Compare peace-process proposals side by side.
#[derive(Parser)]
#[command(
    name = "concord",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Args {
    /// A scenario file (.ron) to open in the window; without it the built-in scenario opens.
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate scenario files; prints FILE:LINE:COL: message for each problem.
    Check {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the ranking: rank, proposal, total and coverage.
    Rank {
        /// The scenario file.
        file: PathBuf,
        /// Use a perspective's weights (its id or name).
        #[arg(long)]
        perspective: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Rewrite files in canonical form (atomically).
    Fmt {
        /// Files to rewrite.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Csv,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let code = match args.command {
        Some(Command::Check { files }) => cli::check(&files, &mut out, &mut err),
        Some(Command::Rank {
            file,
            perspective,
            format,
        }) => {
            let format = match format {
                Format::Text => RankFormat::Text,
                Format::Csv => RankFormat::Csv,
            };
            cli::rank(&file, perspective.as_deref(), format, &mut out, &mut err)
        }
        Some(Command::Fmt { files }) => cli::fmt(&files, &mut out, &mut err),
        None => {
            drop((out, err));
            concord_gui(args.file)
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn concord_gui(file: Option<PathBuf>) -> i32 {
    match concord::ui::run(file) {
        Ok(()) => cli::EXIT_OK,
        Err(e) => {
            eprintln!("concord: could not open the window: {e}");
            cli::EXIT_FAILURE
        }
    }
}
