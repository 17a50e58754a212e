//! `concord`: the command line and the GUI's entry point; built for the web, the page's.
// The command line does not exist in a browser: only the page's entry point is used there.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use concord::analysis::{SmaaOptions, WeightConstraint};
use concord::cli::{self, RankFormat};

/// Compare peace-process proposals side by side.
#[derive(Parser)]
#[command(
    name = "concord",
    version = concord::about::VERSION_LINE,
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
        /// Also check the content: evidence, attribution, sources, red lines, coverage.
        #[arg(long)]
        strict: bool,
    },
    /// Print the ranking: rank, proposal, total and coverage.
    Rank {
        /// The scenario file.
        file: PathBuf,
        /// Use a perspective's weights (its id or name).
        #[arg(long)]
        perspective: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RankOutput::Text)]
        format: RankOutput,
        /// Print the whole table as CSV instead: every score, the weights, totals and ranks.
        #[arg(long, conflicts_with = "format")]
        table: bool,
        /// Print every perspective side by side: totals, ranks, red lines crossed, and
        /// which proposals no perspective rules out.
        #[arg(long, conflicts_with_all = ["perspective", "table"])]
        all_perspectives: bool,
    },
    /// Explain the ranking: stability intervals, score flips and rank acceptability.
    Analyze {
        /// The scenario file.
        file: PathBuf,
        /// Use a perspective's weights (its id or name).
        #[arg(long)]
        perspective: Option<String>,
        /// Monte Carlo draws for rank acceptability.
        #[arg(long, default_value_t = SmaaOptions::default().draws)]
        draws: usize,
        /// Seed of the draws (same seed, same result).
        #[arg(long, default_value_t = SmaaOptions::default().seed)]
        seed: u64,
        /// Keep the current order of importance of the criteria in the draws.
        #[arg(long, conflicts_with = "within")]
        keep_order: bool,
        /// Draw each weight within ±PCT percent of its current value.
        #[arg(long, value_name = "PCT")]
        within: Option<f64>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = AnalyzeOutput::Text)]
        format: AnalyzeOutput,
    },
    /// A class round: add students' files to a template as readings; print what became of
    /// each file, the group's ranking, agreement on the order and what to discuss first.
    Round {
        /// The template (or a saved round to add to).
        template: PathBuf,
        /// The students' files.
        #[arg(required = true)]
        students: Vec<PathBuf>,
        /// Save the round (the template with every reading) to this file.
        #[arg(short, long, value_name = "ROUND.ron")]
        output: Option<PathBuf>,
        /// Replace the --output file if it exists.
        #[arg(long, requires = "output")]
        force: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RoundOutput::Text)]
        format: RoundOutput,
    },
    /// A live round: serve FILE to students' phones on this network, print the address, a
    /// QR code and the join code; `close` (or Ctrl+D) ends it and saves every student's
    /// answers as readings to a new file.
    Serve {
        /// The scenario to hand out.
        file: PathBuf,
        /// The address to serve on (an address of this computer's; 127.0.0.1 for a trial).
        /// Without it: the first network's, and the others are listed.
        #[arg(long)]
        addr: Option<std::net::IpAddr>,
        /// The port.
        #[arg(long, default_value_t = 8737)]
        port: u16,
        /// At most this many students may join.
        #[arg(long, default_value_t = 40)]
        seats: usize,
        /// Do not ask the students' names.
        #[arg(long)]
        anonymous: bool,
        /// Students set weights only, no scores.
        #[arg(long)]
        weights_only: bool,
        /// Save the round here (default: FILE-round-CODE.ron beside FILE).
        #[arg(short, long, value_name = "ROUND.ron")]
        output: Option<PathBuf>,
        /// Replace the --output file if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// What changed from one file to another (cells with both reasons, and the effect on
    /// the ranking); or, with --proposals, two proposals of one file provision by provision.
    Diff {
        /// The first file (the only one with --proposals).
        a: PathBuf,
        /// The second file.
        #[arg(required_unless_present = "proposals")]
        b: Option<PathBuf>,
        /// Two proposals of the file (ids or names), lined up by the criteria their
        /// provisions are tagged to.
        #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with = "b")]
        proposals: Option<Vec<String>>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffOutput::Text)]
        format: DiffOutput,
    },
    /// Export: a printable handout (HTML), Markdown, a workbook with live totals (xlsx),
    /// or the table as CSV.
    Export {
        /// The scenario file.
        file: PathBuf,
        /// What to write: the files File ▸ Export makes in the window.
        #[arg(long, value_parser = export_formats())]
        to: String,
        /// Score with a perspective's weights (html, md, csv).
        #[arg(long)]
        perspective: Option<String>,
        /// Where to write (`-` for standard output, text formats); without it, beside FILE
        /// with the format's extension, never over an existing file.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Import a table (CSV, TSV, .xlsx, .ods) as a scenario; prints what it inferred.
    Import {
        /// The table.
        file: PathBuf,
        /// The sheet of a spreadsheet (the first without it).
        #[arg(long)]
        sheet: Option<String>,
        /// Whether proposals run down the rows (the default) or across the columns.
        #[arg(long, value_enum, default_value_t = RowsAre::Proposals)]
        rows: RowsAre,
        /// The column of the proposals' names (the first column of text without it).
        #[arg(long)]
        name: Option<String>,
        /// The columns that become criteria, comma-separated (every column of numbers or
        /// yes/no without it).
        #[arg(long)]
        criteria: Option<String>,
        /// The criteria columns where a lower value is better, comma-separated (without it,
        /// guessed from each column's name: troops, casualties, cost…); "none" for none.
        #[arg(long, value_name = "COLUMNS")]
        lower_is_better: Option<String>,
        /// The scenario to write (never over an existing file).
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
    },
    /// Rewrite files in canonical form (atomically).
    Fmt {
        /// Files to rewrite.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Formats of `concord rank`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RankOutput {
    Text,
    Csv,
    /// With --all-perspectives.
    Json,
}

/// What the rows of an imported table are.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RowsAre {
    Proposals,
    Criteria,
}

/// The names `concord export --to` takes: every format made on the command line.
fn export_formats() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        concord::io::formats::Format::ALL
            .into_iter()
            .filter_map(concord::io::formats::Format::cli_name),
    )
}

/// Formats of `concord diff`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffOutput {
    Text,
    Json,
}

/// Formats of `concord round`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RoundOutput {
    Text,
    Json,
    Csv,
}

/// Formats of `concord analyze`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AnalyzeOutput {
    Text,
    Json,
}

#[cfg(target_arch = "wasm32")]
fn main() {
    concord::ui::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args = Args::parse();
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let code = match args.command {
        Some(Command::Check { files, strict }) => cli::check(&files, strict, &mut out, &mut err),
        Some(Command::Rank {
            file,
            perspective,
            format,
            table,
            all_perspectives,
        }) => {
            let format = match format {
                _ if table => RankFormat::TableCsv,
                RankOutput::Text => RankFormat::Text,
                RankOutput::Csv => RankFormat::Csv,
                RankOutput::Json => RankFormat::Json,
            };
            if all_perspectives {
                cli::rank_all(&file, format, &mut out, &mut err)
            } else {
                cli::rank(&file, perspective.as_deref(), format, &mut out, &mut err)
            }
        }
        Some(Command::Fmt { files }) => cli::fmt(&files, &mut out, &mut err),
        Some(Command::Import {
            file,
            sheet,
            rows,
            name,
            criteria,
            lower_is_better,
            output,
        }) => {
            let options = cli::import::ImportOptions {
                sheet,
                proposals_as_columns: rows == RowsAre::Criteria,
                name,
                criteria,
                lower_is_better,
            };
            cli::import::run(&file, &options, &output, &mut out, &mut err)
        }
        Some(Command::Export {
            file,
            to,
            perspective,
            output,
        }) => {
            // The parser took only the names the formats give.
            let Some(to) = concord::io::formats::Format::from_cli_name(&to) else {
                return ExitCode::from(2);
            };
            cli::export::run(
                &file,
                to,
                perspective.as_deref(),
                output.as_deref(),
                &mut out,
                &mut err,
            )
        }
        Some(Command::Diff {
            a,
            b,
            proposals,
            format,
        }) => {
            let format = match format {
                DiffOutput::Text => cli::diff::DiffFormat::Text,
                DiffOutput::Json => cli::diff::DiffFormat::Json,
            };
            match (b, proposals.as_deref()) {
                (_, Some([x, y])) => cli::diff::proposals(&a, x, y, format, &mut out, &mut err),
                (Some(b), _) => cli::diff::files(&a, &b, format, &mut out, &mut err),
                _ => cli::EXIT_USAGE,
            }
        }
        Some(Command::Serve {
            file,
            addr,
            port,
            seats,
            anonymous,
            weights_only,
            output,
            force,
        }) => {
            let options = cli::serve::ServeOptions {
                ip: addr,
                port,
                settings: concord::live::Settings {
                    seats,
                    anonymous,
                    scores: !weights_only,
                },
                output,
                force,
            };
            let stdin = std::io::stdin();
            cli::serve::run(&file, &options, &mut stdin.lock(), &mut out, &mut err)
        }
        Some(Command::Round {
            template,
            students,
            output,
            force,
            format,
        }) => {
            let options = cli::round::RoundOptions {
                output,
                force,
                format: match format {
                    RoundOutput::Text => cli::round::RoundFormat::Text,
                    RoundOutput::Json => cli::round::RoundFormat::Json,
                    RoundOutput::Csv => cli::round::RoundFormat::Csv,
                },
            };
            cli::round::run(&template, &students, &options, &mut out, &mut err)
        }
        Some(Command::Analyze {
            file,
            perspective,
            draws,
            seed,
            keep_order,
            within,
            format,
        }) => {
            let constraint = match (keep_order, within) {
                (true, _) => WeightConstraint::KeepOrder,
                (_, Some(pct)) => WeightConstraint::Around(pct / 100.0),
                _ => WeightConstraint::Free,
            };
            let options = cli::AnalyzeOptions {
                perspective,
                draws,
                seed,
                constraint,
                json: format == AnalyzeOutput::Json,
            };
            cli::analyze(&file, &options, &mut out, &mut err)
        }
        None => {
            drop((out, err));
            concord_gui(args.file)
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

#[cfg(not(target_arch = "wasm32"))]
fn concord_gui(file: Option<PathBuf>) -> i32 {
    match concord::ui::run(file) {
        Ok(()) => cli::EXIT_OK,
        Err(e) => {
            eprintln!("concord: could not open the window: {e}");
            eprintln!(
                "(set CONCORD_RENDERER=wgpu or CONCORD_RENDERER=glow to draw it another way)"
            );
            cli::EXIT_FAILURE
        }
    }
}
