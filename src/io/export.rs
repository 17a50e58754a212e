//! Exports for spreadsheets: the ranking and the whole table as CSV (RFC 4180).

use crate::model::Scenario;
use crate::scoring::{raw_weights, Evaluation, WeightSet};

/// The ranking as CSV: `rank,id,proposal,total (0-100),coverage` (totals on the window's
/// 0–100 scale, coverage as a share).
pub fn rank_csv(scenario: &Scenario, weights: WeightSet<'_>) -> String {
    let eval = Evaluation::new(scenario, weights);
    let mut s = String::from("rank,id,proposal,total (0-100),coverage\n");
    for &i in &eval.order {
        let st = eval.standings[i];
        let p = &scenario.proposals[i];
        s += &format!(
            "{},{},{},{},{:.4}\n",
            st.rank.map_or(String::new(), |r| r.to_string()),
            csv_field(&p.id),
            csv_field(&p.name),
            st.total
                .map_or(String::new(), |t| format!("{:.2}", t * 100.0)),
            st.coverage
        );
    }
    s
}

/// Quotes a CSV field when it holds a comma, quote or line break. Text that a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@` first, and not a number) gets a leading `'`:
/// scenarios come from other people, and a name must never become a formula.
pub fn csv_field(s: &str) -> String {
    let formula_like =
        s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.trim().parse::<f64>().is_err();
    let s = if formula_like {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The table as CSV, as the window shows it: one row per criterion (group, weight, its share
/// of the total weight, each proposal's score as text, empty when unscored), then the
/// totals (0–100), ranks and the share of the weight each proposal is scored on.
pub fn table_csv(scenario: &Scenario, weights: WeightSet<'_>) -> String {
    let raw = raw_weights(scenario, weights);
    let eval = Evaluation::new(scenario, weights);
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(scenario.criteria.len() + 4);
    let lead = ["criterion", "group", "weight", "share"];
    rows.push(
        lead.iter()
            .map(|s| (*s).to_owned())
            .chain(scenario.proposals.iter().map(|p| p.name.clone()))
            .collect(),
    );
    for (k, c) in scenario.criteria.iter().enumerate() {
        let mut row = vec![
            c.name.clone(),
            c.group.clone(),
            format!("{}", raw.get(k).copied().unwrap_or(0.0)),
            format!("{:.4}", eval.weights.get(k).copied().unwrap_or(0.0)),
        ];
        row.extend((0..scenario.proposals.len()).map(|p| {
            let value = eval.score(scenario, k, p).and_then(|s| s.value);
            value.map_or_else(String::new, |v| c.value_text(Some(v)))
        }));
        rows.push(row);
    }
    let summary = |name: &str, cell: &dyn Fn(usize) -> String| {
        let mut row = vec![name.to_owned(), String::new(), String::new(), String::new()];
        row.extend((0..scenario.proposals.len()).map(cell));
        row
    };
    let st = &eval.standings;
    rows.push(summary("total (0-100)", &|p| {
        st[p]
            .total
            .map_or_else(String::new, |t| format!("{:.1}", t * 100.0))
    }));
    rows.push(summary("rank", &|p| {
        st[p].rank.map_or_else(String::new, |r| r.to_string())
    }));
    rows.push(summary("share of weight scored", &|p| {
        format!("{:.4}", st[p].coverage)
    }));
    let mut out = String::new();
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out += &fields.join(",");
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Criterion, Proposal, Scale, Score, ScoreValue};

    fn score(c: &str, p: &str, value: ScoreValue) -> Score {
        Score {
            criterion: c.into(),
            proposal: p.into(),
            value: Some(value),
            ..Score::default()
        }
    }

    #[test]
    fn the_table_as_a_spreadsheet_sees_it() {
        let mut borders = Criterion::new("borders", "Borders");
        borders.group = "Territory".into();
        borders.weight = 2.0;
        borders.scale = Scale::Levels(vec!["none".into(), "partial".into(), "full".into()]);
        let cost = Criterion::new("cost", "Cost, in years");
        let s = Scenario {
            proposals: vec![
                Proposal::new("a", "Plan A"),
                Proposal::new("b", "Plan \"B\""),
            ],
            criteria: vec![borders, cost],
            scores: vec![
                score("borders", "a", ScoreValue::Level(2)),
                score("borders", "b", ScoreValue::Level(1)),
                score("cost", "a", ScoreValue::Number(5.0)),
            ],
            ..Scenario::default()
        };
        // A: (2·1 + 1·0.5) / 3; B is scored on Borders only: 0.5 over 2/3 of the weight.
        assert_eq!(
            table_csv(&s, WeightSet::Base),
            "criterion,group,weight,share,Plan A,\"Plan \"\"B\"\"\"\n\
             Borders,Territory,2,0.6667,full,partial\n\
             \"Cost, in years\",,1,0.3333,5,\n\
             total (0-100),,,,83.3,50.0\n\
             rank,,,,1,2\n\
             share of weight scored,,,,1.0000,0.6667\n"
        );
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn text_never_becomes_a_spreadsheet_formula() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-weak"), "'-weak");
        // Numbers stay numbers.
        assert_eq!(csv_field("-2"), "-2");
        assert_eq!(csv_field("+0.5"), "+0.5");
    }
}
