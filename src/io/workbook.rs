//! A live workbook (.xlsx): the table with the weights in cells and the totals as formulas,
//! so a spreadsheet user can change a weight and see the totals (and the share of the weight
//! scored) move; one sheet per perspective; each score's level and reason as a cell note,
//! and each score as the scale's words ("Partial", "Yes", "Silent") in a block beside the
//! numbers the formulas use. The formulas carry their results, so a viewer that does not
//! recalculate shows the right totals. Text is always written as text, so nothing from a
//! scenario becomes a formula.

use rust_xlsxwriter::utility::column_number_to_name;
use rust_xlsxwriter::{Format, Formula, Note, Workbook, Worksheet, XlsxError};

use crate::model::Scenario;
use crate::scoring::{raw_weights, Evaluation, WeightSet};

/// The workbook's bytes.
pub fn workbook(s: &Scenario) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let base = Evaluation::new(s, WeightSet::Base);
    let mut names: Vec<String> = Vec::new();
    sheet(
        wb.add_worksheet(),
        s,
        WeightSet::Base,
        &base,
        &mut names,
        "Criteria weights",
    )?;
    for p in &s.perspectives {
        let e = base.under(s, p);
        sheet(
            wb.add_worksheet(),
            s,
            WeightSet::Perspective(p),
            &e,
            &mut names,
            &p.name,
        )?;
    }
    wb.save_to_buffer()
}

/// A sheet name Excel accepts (≤ 31 characters, none of `[]:*?/\`, not quoted) and no
/// other sheet has.
fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_owned();
    let base: String = if clean.is_empty() {
        "Sheet".into()
    } else {
        clean
    };
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let mut name = cut(&base, 31);
    let mut k = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" ({k})");
        name = format!("{}{suffix}", cut(&base, 31 - suffix.chars().count()));
        k += 1;
    }
    name
}

fn sheet(
    ws: &mut Worksheet,
    s: &Scenario,
    weights: WeightSet<'_>,
    e: &Evaluation,
    names: &mut Vec<String>,
    wanted: &str,
) -> Result<(), XlsxError> {
    let name = sheet_name(wanted, names);
    ws.set_name(&name)?;
    names.push(name);
    let bold = Format::new().set_bold();
    let n_c = s.criteria.len() as u32;
    ws.write_string_with_format(0, 0, "Criterion", &bold)?;
    ws.write_string_with_format(0, 1, "Group", &bold)?;
    ws.write_string_with_format(0, 2, "Weight", &bold)?;
    let n_p = s.proposals.len() as u16;
    // The scores in words, in a block to the right of the numbers (one empty column
    // between): what the window shows, beside what the formulas add up.
    let words = 3 + n_p + 1;
    for (j, p) in s.proposals.iter().enumerate() {
        ws.write_string_with_format(0, 3 + j as u16, p.label(), &bold)?;
        ws.write_string_with_format(
            0,
            words + j as u16,
            format!("{} (as scored)", p.label()),
            &bold,
        )?;
    }
    let raw = raw_weights(s, weights);
    for (k, c) in s.criteria.iter().enumerate() {
        let row = 1 + k as u32;
        ws.write_string(row, 0, &c.name)?;
        ws.write_string(row, 1, &c.group)?;
        ws.write_number(row, 2, raw[k])?;
        for j in 0..s.proposals.len() {
            let col = 3 + j as u16;
            if let Some(v) = e.value(k, j) {
                ws.write_number(row, col, v * 100.0)?;
            }
            if let Some(sc) = e.score(s, k, j) {
                if sc.value.is_some() {
                    ws.write_string(row, words + j as u16, c.value_text(sc.value))?;
                }
                let text = if sc.rationale.is_empty() {
                    c.value_text(sc.value)
                } else {
                    format!("{}: {}", c.value_text(sc.value), sc.rationale)
                };
                ws.insert_note(row, col, &Note::new(text))?;
            }
        }
    }
    // Totals over the scored cells only, as the window computes them: a blank cell is left
    // out of both sums, never counted as 0.
    let (first, last) = (2, n_c + 1);
    let weight = format!("$C${first}:$C${last}");
    let (total, covered, rank) = (n_c + 1, n_c + 2, n_c + 3);
    ws.write_string_with_format(total, 0, "Total (0-100)", &bold)?;
    ws.write_string_with_format(covered, 0, "Share of the weight scored", &bold)?;
    ws.write_string_with_format(rank, 0, "Rank", &bold)?;
    let last_col = column_number_to_name(3 + n_p.saturating_sub(1));
    for j in 0..n_p {
        let col = 3 + j;
        let letter = column_number_to_name(col);
        let values = format!("{letter}{first}:{letter}{last}");
        // Each formula with the value the window computes, for viewers that do not
        // recalculate (they would otherwise show 0).
        let st = e.standings[j as usize];
        let cached = |x: Option<f64>| x.map_or_else(String::new, |v| format!("{v}"));
        ws.write_formula(
            total,
            col,
            Formula::new(format!("=IFERROR(SUMPRODUCT({weight},{values})/SUMPRODUCT({weight},--ISNUMBER({values})),\"\")"))
                .set_result(cached(st.total.map(|t| t * 100.0))),
        )?;
        ws.write_formula(
            covered,
            col,
            Formula::new(format!(
                "=IFERROR(SUMPRODUCT({weight},--ISNUMBER({values}))/SUM({weight}),0)"
            ))
            .set_result(cached(Some(st.coverage))),
        )?;
        let t = total + 1;
        ws.write_formula(
            rank,
            col,
            Formula::new(format!(
                "=IF({letter}{t}=\"\",\"\",RANK({letter}{t},$D${t}:${last_col}${t}))"
            ))
            .set_result(cached(st.rank.map(|r| r as f64))),
        )?;
    }
    ws.set_column_width(0, 40)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_distinct() {
        let taken = vec!["Criteria weights".to_owned()];
        assert_eq!(sheet_name("A/B: [x]?", &taken), "A B   x");
        assert_eq!(
            sheet_name("criteria weights", &taken),
            "criteria weights (2)"
        );
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &[]).chars().count(), 31);
        assert_eq!(sheet_name("", &[]), "Sheet");
    }
}
