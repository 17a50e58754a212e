//! The matrix of proposals × perspectives as text, CSV or JSON, with its verdicts and the
//! acceptable-to-all set: what `concord rank --all-perspectives` prints, and the JSON export
//! the window and the browser offer ([`super::formats::Format::Json`]).

use crate::analysis::perspectives::{block_words, column_name, sentences, Block, Matrix};
use crate::model::Scenario;
use crate::scoring::Verdict;

/// One cell of the matrix in words: "2 (61)", with "ruled out" or "?" when so.
fn cell(m: &Matrix, column: usize, p: usize) -> String {
    let e = &m.columns[column].eval;
    let st = e.standings[p];
    let mut s = match (st.rank, st.total) {
        (Some(r), Some(t)) => format!("{r} ({:.0})", t * 100.0),
        _ => "-".to_owned(),
    };
    match e.verdicts.get(p) {
        Some(Verdict::RuledOut(_)) => s.push_str(" ruled out"),
        Some(Verdict::Unknown(_)) => s.push_str(" ?"),
        Some(Verdict::NotAddressed(_)) => s.push_str(" not addressed"),
        _ => {}
    }
    s
}

fn verdict_word(v: Option<&Verdict>) -> &'static str {
    v.map_or("accepted", Verdict::word)
}

/// The red lines (as blocks) of column `c` that proposal `p`'s verdict is about, when the
/// verdict is of the kind `keep` picks.
fn lines_of(m: &Matrix, c: usize, p: usize, keep: fn(&Verdict) -> bool) -> Vec<Block> {
    let column = &m.columns[c];
    match (column.perspective, column.eval.verdicts.get(p)) {
        (Some(perspective), Some(v)) if keep(v) => v
            .lines()
            .iter()
            .map(|&red_line| Block {
                perspective,
                red_line,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// "Hamas (2017 document) on “Recognition”" for each of those red lines.
fn lines_in_words(
    s: &Scenario,
    m: &Matrix,
    c: usize,
    p: usize,
    keep: fn(&Verdict) -> bool,
) -> Vec<String> {
    lines_of(m, c, p, keep)
        .into_iter()
        .map(|b| block_words(s, b))
        .collect()
}

/// The criteria ids of those red lines.
fn lines_by_id(
    s: &Scenario,
    m: &Matrix,
    c: usize,
    p: usize,
    keep: fn(&Verdict) -> bool,
) -> Vec<String> {
    lines_of(m, c, p, keep)
        .into_iter()
        .filter_map(|b| s.perspectives[b.perspective].red_lines.get(b.red_line))
        .map(|r| r.criterion.clone())
        .collect()
}

fn is_ruled_out(v: &Verdict) -> bool {
    matches!(v, Verdict::RuledOut(_))
}

fn is_not_addressed(v: &Verdict) -> bool {
    matches!(v, Verdict::NotAddressed(_))
}

/// Aligned columns: a row per proposal, a column per perspective ("rank (total)"), then
/// the sentences.
pub fn text(s: &Scenario, m: &Matrix) -> String {
    let names: Vec<String> = m.columns.iter().map(|c| column_name(s, c)).collect();
    let mut rows: Vec<Vec<String>> = vec![std::iter::once("proposal".to_owned())
        .chain(names.iter().cloned())
        .collect()];
    for (p, proposal) in s.proposals.iter().enumerate() {
        let mut row = vec![proposal.label().to_owned()];
        row.extend((0..m.columns.len()).map(|c| cell(m, c, p)));
        rows.push(row);
    }
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|k| rows.iter().map(|r| r[k].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(x, w)| format!("{x:<w$}"))
            .collect();
        out += line.join("  ").trim_end();
        out.push('\n');
    }
    out.push_str("\nCells: rank (total 0-100); \"ruled out\": a red line of that perspective is crossed; \"?\": a red line cannot be tested (unscored cell); \"not addressed\": the text is silent on a red line's matter, so the line is neither met nor crossed.\n\n");
    for sentence in sentences(s, m) {
        out += &sentence;
        out.push('\n');
    }
    out
}

fn quoted(x: &str) -> String {
    if x.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", x.replace('"', "\"\""))
    } else {
        x.to_owned()
    }
}

/// One row per proposal and column: ids, names, total, rank, verdict, and the red lines
/// that rule it out.
pub fn csv(s: &Scenario, m: &Matrix) -> String {
    let mut out = String::from(
        "proposal_id,proposal,perspective_id,perspective,total,rank,verdict,ruled_out_by,not_addressed\n",
    );
    for (p, proposal) in s.proposals.iter().enumerate() {
        for (ci, c) in m.columns.iter().enumerate() {
            let e = &c.eval;
            let st = e.standings[p];
            let id = c
                .perspective
                .and_then(|i| s.perspectives.get(i))
                .map_or("", |x| x.id.as_str());
            let by = lines_in_words(s, m, ci, p, is_ruled_out);
            let silent = lines_in_words(s, m, ci, p, is_not_addressed);
            out += &format!(
                "{},{},{},{},{},{},{},{},{}\n",
                quoted(&proposal.id),
                quoted(&proposal.name),
                quoted(id),
                quoted(&column_name(s, c)),
                st.total
                    .map_or(String::new(), |t| format!("{:.1}", t * 100.0)),
                st.rank.map_or(String::new(), |r| r.to_string()),
                verdict_word(e.verdicts.get(p)),
                quoted(&by.join("; ")),
                quoted(&silent.join("; ")),
            );
        }
    }
    out
}

/// The matrix as JSON: columns, proposals with each column's result, the acceptable-to-all
/// set and the sentences.
pub fn json(s: &Scenario, m: &Matrix) -> String {
    use serde_json::json;
    let columns: Vec<_> = m
        .columns
        .iter()
        .map(|c| {
            json!({
                "perspective": c.perspective.and_then(|i| s.perspectives.get(i)).map(|p| p.id.clone()),
                "name": column_name(s, c),
            })
        })
        .collect();
    let proposals: Vec<_> = s
        .proposals
        .iter()
        .enumerate()
        .map(|(p, proposal)| {
            let results: Vec<_> = m
                .columns
                .iter()
                .enumerate()
                .map(|(ci, c)| {
                    let st = c.eval.standings[p];
                    let lines = lines_by_id(s, m, ci, p, is_ruled_out);
                    let silent = lines_by_id(s, m, ci, p, is_not_addressed);
                    json!({
                        "total": st.total.map(|t| (t * 1000.0).round() / 10.0),
                        "rank": st.rank,
                        "verdict": verdict_word(c.eval.verdicts.get(p)),
                        "red_lines_crossed": lines,
                        "red_lines_not_addressed": silent,
                    })
                })
                .collect();
            json!({ "id": proposal.id, "name": proposal.name, "results": results })
        })
        .collect();
    let ok: Vec<String> = m
        .acceptable_to_all()
        .into_iter()
        .map(|p| s.proposals[p].id.clone())
        .collect();
    let v = json!({
        "columns": columns,
        "proposals": proposals,
        "acceptable_to_all": ok,
        "sentences": sentences(s, m),
    });
    let mut text = serde_json::to_string_pretty(&v).unwrap_or_default();
    text.push('\n');
    text
}
