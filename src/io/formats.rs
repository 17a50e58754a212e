//! Every file made from a scenario for someone to read elsewhere, in one list: the menu, the
//! command line, the browser's downloads and the names offered for each are read from it,
//! so a new format is a variant here and its renderer.

use crate::model::{Handout, Scenario};
use crate::scoring::WeightSet;

/// A kind of file made from a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// A picture of the window (taken by the window, not made here).
    Png,
    /// The table as CSV, with the weights in use.
    Csv,
    /// The printable handout, one self-contained page.
    Html,
    /// The handout as Markdown.
    Markdown,
    /// A workbook with live totals, a sheet per weight set.
    Workbook,
    /// The students' copy for a class round (a scenario file).
    StudentsCopy,
    /// Every perspective's totals, ranks and verdicts, and what none rules out, as JSON
    /// (what `concord rank --all-perspectives --format json` prints).
    Json,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: [Format; 7] = [
        Format::Png,
        Format::Csv,
        Format::Html,
        Format::Markdown,
        Format::Workbook,
        Format::Json,
        Format::StudentsCopy,
    ];

    /// The menu's words for making it.
    pub fn menu_label(self) -> &'static str {
        match self {
            Format::Png => "Export view as PNG…",
            Format::Csv => "Export table as CSV…",
            Format::Html => "Export handout (HTML)…",
            Format::Markdown => "Export handout (Markdown)…",
            Format::Workbook => "Export workbook (xlsx)…",
            Format::StudentsCopy => "Save the students' copy…",
            Format::Json => "Export every perspective (JSON)…",
        }
    }

    /// What it is for, in a sentence (tooltips).
    pub fn tooltip(self) -> &'static str {
        match self {
            Format::Png => "Save exactly what is on screen as a PNG image",
            Format::Csv => {
                "Save the table for a spreadsheet: scores, the weights in use, totals and ranks"
            }
            Format::Html => {
                "One printable page for a class: proposals, every score with its reason and \
                 sources, totals, perspectives (opens in any browser, no internet needed)"
            }
            Format::Markdown => {
                "The handout as Markdown, for a course wiki or a repository: the same content \
                 as headings, lists and tables"
            }
            Format::Workbook => {
                "A spreadsheet with the weights in cells and the totals as formulas, a sheet \
                 per perspective, each reason as a cell note"
            }
            Format::StudentsCopy => {
                "A copy for students: it asks each student's name and keeps the proposals and \
                 criteria fixed so the copies can be merged"
            }
            Format::Json => {
                "Every perspective side by side for a program: totals, ranks, red lines crossed \
                 and not addressed, and what no perspective rules out"
            }
        }
    }

    /// What it is, in a few words ("the handout").
    pub fn noun(self) -> &'static str {
        match self {
            Format::Png => "the view",
            Format::Csv => "the table",
            Format::Html => "the handout",
            Format::Markdown => "the handout (Markdown)",
            Format::Workbook => "the workbook",
            Format::StudentsCopy => "the students' copy",
            Format::Json => "every perspective (JSON)",
        }
    }

    /// The dialog's title when asking where it goes.
    pub fn title(self) -> &'static str {
        self.menu_label().trim_end_matches('…')
    }

    /// The kind of file, as a dialog's filter names it.
    pub fn kind(self) -> &'static str {
        match self {
            Format::Png => "PNG image",
            Format::Csv => "CSV table",
            Format::Html => "Web page",
            Format::Markdown => "Markdown text",
            Format::Workbook => "Excel workbook",
            Format::StudentsCopy => "Concord scenario",
            Format::Json => "JSON data",
        }
    }

    /// Its file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Workbook => "xlsx",
            Format::StudentsCopy => "ron",
            Format::Json => "json",
        }
    }

    /// Its extension as a dialog's filter lists it.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Png => &["png"],
            Format::Csv => &["csv"],
            Format::Html => &["html"],
            Format::Markdown => &["md"],
            Format::Workbook => &["xlsx"],
            Format::StudentsCopy => &["ron"],
            Format::Json => &["json"],
        }
    }

    /// Its media type, for a browser's download.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Csv => "text/csv",
            Format::Html => "text/html",
            Format::Markdown => "text/markdown",
            Format::Workbook => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::StudentsCopy => "application/octet-stream",
            Format::Json => "application/json",
        }
    }

    /// The file's name beside a lesson named `stem`: "cyprus – handout.html". Never the
    /// lesson's own name, so accepting the offer cannot replace the lesson.
    pub fn file_name(self, stem: &str) -> String {
        let what = match self {
            Format::Png => "view",
            Format::Csv => "table",
            Format::Html | Format::Markdown => "handout",
            Format::Workbook => "workbook",
            Format::StudentsCopy => "students",
            Format::Json => "perspectives",
        };
        format!("{stem} – {what}.{}", self.extension())
    }

    /// Its name on the command line (`concord export --to NAME`), if it is made there.
    pub fn cli_name(self) -> Option<&'static str> {
        match self {
            Format::Csv => Some("csv"),
            Format::Html => Some("html"),
            Format::Markdown => Some("md"),
            Format::Workbook => Some("xlsx"),
            Format::Json => Some("json"),
            Format::Png | Format::StudentsCopy => None,
        }
    }

    /// The format named `name` on the command line.
    pub fn from_cli_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.cli_name() == Some(name))
    }

    /// True when its bytes are text (it can go to standard output).
    pub fn is_text(self) -> bool {
        !matches!(self, Format::Png | Format::Workbook)
    }

    /// True when making it can take seconds on a large scenario (a handout, a workbook):
    /// the window makes it on a worker; the table is written at once.
    pub fn takes_long(self) -> bool {
        matches!(self, Format::Html | Format::Markdown | Format::Workbook)
    }

    /// True when it is made with one weight set (the workbook has a sheet for each).
    pub fn takes_weights(self) -> bool {
        matches!(self, Format::Csv | Format::Html | Format::Markdown)
    }

    /// Its bytes for `s` with `weights` (a students' copy leaves the scores out when
    /// `hide_scores`); `None` for a picture, which only the window can take.
    pub fn make(
        self,
        s: &Scenario,
        weights: WeightSet<'_>,
        hide_scores: bool,
    ) -> Option<Result<Vec<u8>, String>> {
        Some(match self {
            Format::Png => return None,
            Format::Csv => Ok(super::export::table_csv(s, weights).into_bytes()),
            Format::Html => Ok(super::handout_html::handout_html(s, weights).into_bytes()),
            Format::Markdown => Ok(super::handout_md::handout_md(s, weights).into_bytes()),
            Format::Workbook => super::workbook::workbook(s).map_err(|e| e.to_string()),
            Format::StudentsCopy => super::to_ron_string(&Handout::copy_of(s, hide_scores))
                .map(String::into_bytes)
                .map_err(|e| e.to_string()),
            Format::Json => {
                let base = crate::scoring::Evaluation::new(s, WeightSet::Base);
                let m = crate::analysis::perspectives::Matrix::compute(s, &base);
                Ok(super::matrix::json(s, &m).into_bytes())
            }
        })
    }

    /// The status line once it is written at `path`.
    pub fn written(self, path: &std::path::Path) -> String {
        let path = path.display();
        match self {
            Format::Png => format!("Saved the view as {path}"),
            Format::Csv => format!("Exported the table to {path}"),
            Format::Html => {
                format!("Exported the handout to {path}; open it in a browser to print")
            }
            Format::Markdown => format!("Exported the handout (Markdown) to {path}"),
            Format::Workbook => format!("Exported the workbook to {path}"),
            Format::StudentsCopy => format!("Saved the students' copy as {path}"),
            Format::Json => format!("Exported every perspective to {path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_its_own_name_beside_the_lesson_and_cli_names_are_distinct() {
        for f in Format::ALL {
            let name = f.file_name("cyprus");
            assert_ne!(name, "cyprus.ron", "{f:?}");
            assert!(name.ends_with(f.extension()));
            assert_eq!(f.extensions(), [f.extension()]);
            if let Some(cli) = f.cli_name() {
                assert_eq!(Format::from_cli_name(cli), Some(f));
            }
        }
        let s = crate::synth::scenario(2, 2, 1);
        for f in Format::ALL {
            let made = f.make(&s, WeightSet::Base, true);
            assert_eq!(made.is_none(), f == Format::Png, "{f:?}");
            assert!(made.is_none_or(|b| b.is_ok_and(|b| !b.is_empty())), "{f:?}");
        }
    }
}
