//! `concord round TEMPLATE STUDENT...`: a class round on the command line — what became of
//! each file, the group's ranking, agreement on the order, the agenda of disagreements.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::{print_load_error, EXIT_FAILURE, EXIT_OK, EXIT_USAGE};
use crate::analysis::round::{round, sentences, Round};
use crate::io::round_files::{identity, read_students, FileReport, Outcome};
use crate::io::{load_path, save_path};
use crate::model::Scenario;

/// Output formats of `concord round`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RoundFormat {
    /// Sentences and aligned columns.
    #[default]
    Text,
    /// One object with files, rankings, agreement, agenda and copied reasons.
    Json,
    /// One row per proposal: Borda points, mean total, lowest and highest total.
    Csv,
}

/// Options of `concord round`.
#[derive(Clone, Debug, Default)]
pub struct RoundOptions {
    /// Where to save the round (template plus readings); refused if it exists, unless
    /// `force`.
    pub output: Option<PathBuf>,
    /// Overwrite `output`.
    pub force: bool,
    /// Output format.
    pub format: RoundFormat,
}

/// Runs `concord round`.
pub fn run(
    template: &Path,
    students: &[PathBuf],
    o: &RoundOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut scenario = match load_path(template) {
        Ok(s) => s,
        Err(e) => {
            print_load_error(&e, err);
            return EXIT_FAILURE;
        }
    };
    if let Some(path) = &o.output {
        if path.exists() && !o.force {
            let _ = writeln!(
                err,
                "{}: exists; give another name, or --force to replace it",
                path.display()
            );
            return EXIT_USAGE;
        }
    }
    // The template itself and files already in a saved round count as known.
    let mut known: BTreeSet<PathBuf> = scenario
        .perspectives
        .iter()
        .filter(|p| !p.origin.file.is_empty())
        .map(|p| identity(Path::new(&p.origin.file)))
        .collect();
    known.insert(identity(template));
    // A folder gives its .ron files; its subfolders are named, to be given in turn.
    let mut files = Vec::new();
    for path in students {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let found = crate::io::round_files::folder(path);
        files.extend(found.files);
        if !found.subfolders.is_empty() {
            let named: Vec<String> = found
                .subfolders
                .iter()
                .map(|(d, n)| format!("{} ({n})", d.display()))
                .collect();
            let _ = writeln!(
                err,
                "{}: its subfolders hold .ron files too, not read: {}; give them to add them",
                path.display(),
                named.join(", ")
            );
        }
    }
    let students = &files;
    let reports = read_students(
        &scenario,
        students,
        &mut known,
        &AtomicBool::new(false),
        |_| {},
    );
    for r in &reports {
        if let Outcome::Added(reading) = &r.outcome {
            scenario.perspectives.push(reading.perspective.clone());
        }
    }
    let added = reports
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Added(_)))
        .count();
    let r = round(&scenario);
    let text = match o.format {
        RoundFormat::Text => text(&scenario, &r, &reports),
        RoundFormat::Json => json(&scenario, &r, &reports),
        RoundFormat::Csv => csv(&scenario, &r),
    };
    let _ = out.write_all(text.as_bytes());
    if o.format != RoundFormat::Text {
        // Problems still reach the teacher when the output is for a program.
        for line in reports
            .iter()
            .filter(|r| !matches!(r.outcome, Outcome::Added(_) if r.lines().len() == 1))
            .flat_map(FileReport::lines)
        {
            let _ = writeln!(err, "{line}");
        }
    }
    if let Some(path) = &o.output {
        if let Err(e) = save_path(&scenario, path) {
            let _ = writeln!(err, "{}: {e}", path.display());
            return EXIT_FAILURE;
        }
    }
    if added == 0 && r.students.is_empty() {
        let _ = writeln!(err, "no student's file could be added");
        return EXIT_FAILURE;
    }
    EXIT_OK
}

fn text(s: &Scenario, r: &Round, reports: &[FileReport]) -> String {
    let mut t = format!("{}\n\nFiles\n", s.title);
    for line in reports.iter().flat_map(FileReport::lines) {
        t += &line;
        t.push('\n');
    }
    t.push('\n');
    for line in sentences(s, r) {
        t += &line;
        t.push('\n');
    }
    let width = s
        .proposals
        .iter()
        .map(|p| p.label().chars().count())
        .max()
        .unwrap_or(8)
        .max(8);
    t += &format!(
        "\n{:<width$}  {:>6}  {:>10}  {:>7}  {:>7}\n",
        "proposal", "Borda", "mean total", "lowest", "highest"
    );
    for &p in &r.by_borda {
        let (lo, hi) = extremes(r, p);
        t += &format!(
            "{:<width$}  {:>6.1}  {:>10}  {:>7}  {:>7}\n",
            s.proposals[p].label(),
            r.borda[p],
            percent(r.mean_totals[p]),
            percent(lo),
            percent(hi)
        );
    }
    if !r.copied.is_empty() {
        t += "\nNotes for the teacher (identical reasons, not a judgement):\n";
        for c in &r.copied {
            let who = r.names(s, c);
            t += &format!(
                "{} × {}: the same reason from {}: \"{}\"\n",
                s.proposals[c.proposal].label(),
                s.criteria[c.criterion].name,
                who.join(", "),
                c.text
            );
        }
    }
    t
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |v| format!("{:.1}", v * 100.0))
}

/// The lowest and highest total a student gave proposal `p`.
fn extremes(r: &Round, p: usize) -> (Option<f64>, Option<f64>) {
    let have = r.totals.iter().filter_map(|t| t[p]);
    let lo = have.clone().reduce(f64::min);
    (lo, have.reduce(f64::max))
}

fn csv(s: &Scenario, r: &Round) -> String {
    let mut t =
        "proposal_id,proposal,borda,borda_rank,mean_total,lowest,highest,readings\n".to_owned();
    for (place, &p) in r.by_borda.iter().enumerate() {
        let (lo, hi) = extremes(r, p);
        let num = |x: Option<f64>| x.map_or_else(String::new, |v| format!("{:.2}", v * 100.0));
        t += &format!(
            "{},{},{:.1},{},{},{},{},{}\n",
            crate::io::export::csv_field(&s.proposals[p].id),
            crate::io::export::csv_field(&s.proposals[p].name),
            r.borda[p],
            place + 1,
            num(r.mean_totals[p]),
            num(lo),
            num(hi),
            r.totals.iter().filter(|t| t[p].is_some()).count()
        );
    }
    t
}

fn json(s: &Scenario, r: &Round, reports: &[FileReport]) -> String {
    use serde_json::json;
    let files: Vec<_> = reports
        .iter()
        .map(|f| match &f.outcome {
            Outcome::Added(x) => json!({
                "file": f.path.display().to_string(),
                "status": "added",
                "name": x.perspective.name,
                "perspective_id": x.perspective.id,
                "chosen": x.chosen,
                "untouched": x.untouched,
                "problems": x.mismatches.iter().map(|m| m.message()).collect::<Vec<_>>(),
            }),
            Outcome::Broken(errors) => json!({
                "file": f.path.display().to_string(),
                "status": "broken",
                "errors": errors,
            }),
            Outcome::Duplicate => json!({
                "file": f.path.display().to_string(),
                "status": "duplicate",
            }),
            Outcome::Unrelated(what) => json!({
                "file": f.path.display().to_string(),
                "status": "unrelated",
                "problems": what,
            }),
            Outcome::Skipped(why) => json!({
                "file": f.path.display().to_string(),
                "status": "skipped",
                "why": why,
            }),
        })
        .collect();
    let id = |p: usize| s.proposals[p].id.clone();
    let v = json!({
        "title": s.title,
        "files": files,
        "readings": r.students.len(),
        "by_borda": r.by_borda.iter().map(|&p| json!({"proposal": id(p), "points": r.borda[p]})).collect::<Vec<_>>(),
        "by_mean_total": r.by_mean.iter().map(|&p| json!({"proposal": id(p), "mean_total": r.mean_totals[p].map(|x| x * 100.0)})).collect::<Vec<_>>(),
        "kendall_w": r.concordance.map(|c| json!({"w": c.w, "chi2": c.chi2, "df": c.df, "p": c.p})),
        "agenda": r.agenda.iter().map(|&(c, p)| {
            let cell = &r.cells[c * s.proposals.len() + p];
            json!({"criterion": s.criteria[c].id, "proposal": id(p), "median": cell.median, "iqr": cell.iqr, "scored": cell.chosen.len()})
        }).collect::<Vec<_>>(),
        "copied": r.copied.iter().map(|c| json!({
            "criterion": s.criteria[c.criterion].id,
            "proposal": id(c.proposal),
            "readings": c.students.iter().map(|&i| s.perspectives[r.students[i]].id.clone()).collect::<Vec<_>>(),
            "text": c.text,
        })).collect::<Vec<_>>(),
        "sentences": sentences(s, r),
    });
    let mut t = serde_json::to_string_pretty(&v).unwrap_or_default();
    t.push('\n');
    t
}
