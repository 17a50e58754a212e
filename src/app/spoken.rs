//! What a screen reader says of the comparison: each cell's accessible name holds the
//! proposal, the criterion, the value ("silent" or "unscored" where there is none), whose
//! reading it is, and what the chosen perspective's red line on it says.

use super::AppState;
use crate::analysis::tornado::{leader_and_runner_up, TornadoBar, DEFAULT_DELTA};
use crate::analysis::SmaaResult;
use crate::model::{Scenario, ScoreValue};
use crate::scoring::{ordinal, Evaluation, Verdict};

/// The name of the cell of criterion `k` and proposal `p`, e.g. "API × Ends the Gaza
/// blockade — Weak; the lesson's score" or "Oslo × Borders and territory — Weak; the
/// Riyadh summit's weights, the lesson's score; crosses the Riyadh summit's red line".
pub fn cell_name(state: &AppState, k: usize, p: usize) -> String {
    let s = state.scenario();
    let (Some(c), Some(proposal)) = (s.criteria.get(k), s.proposals.get(p)) else {
        return String::new();
    };
    let e = state.eval();
    let value = e.score(s, k, p).and_then(|sc| sc.value);
    let level = match value {
        None => "unscored".to_owned(),
        Some(ScoreValue::Silent) => "silent (the text says nothing)".to_owned(),
        Some(v) => c.value_text(Some(v)),
    };
    let whose = match state.chosen_perspective() {
        None => "the lesson's score".to_owned(),
        Some((_, view)) if e.is_read(k, p) => format!("{}'s reading", view.name),
        Some((_, view)) => format!("{}'s weights, the lesson's score", view.name),
    };
    let mut name = format!("{} × {} — {level}; {whose}", proposal.label(), c.name);
    if let Some((_, view)) = state.chosen_perspective() {
        let lines: Vec<usize> = view
            .red_lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.criterion == c.id)
            .map(|(j, _)| j)
            .collect();
        if !lines.is_empty() {
            let verdict = e.verdicts.get(p).cloned().unwrap_or_default();
            let on_this = |j: &usize| verdict.lines().contains(j);
            let said = match &verdict {
                Verdict::RuledOut(_) if lines.iter().any(on_this) => "crosses",
                Verdict::NotAddressed(_) if lines.iter().any(on_this) => {
                    "is silent on (neither met nor crossed)"
                }
                Verdict::Unknown(_) if lines.iter().any(on_this) => "cannot yet be tested against",
                _ => "meets",
            };
            name.push_str(&format!("; {said} {}'s red line", view.name));
        }
    }
    name
}

/// What a change did to the totals and ranks, in a sentence for a live region ("Oslo 56 to
/// 60, now 1st of 5; Confederation now 2nd of 5"); `None` when nothing a listener needs
/// changed, or the proposals are not the same ones (another document, one added or removed).
pub fn changes(s: &Scenario, before: &Evaluation, after: &Evaluation) -> Option<String> {
    let n = s.proposals.len();
    if before.standings.len() != n || after.standings.len() != n {
        return None;
    }
    let points = |t: Option<f64>| t.map(|t| (t * 100.0).round() as i64);
    let mut said = Vec::new();
    for (i, p) in s.proposals.iter().enumerate() {
        let (b, a) = (&before.standings[i], &after.standings[i]);
        let (tb, ta) = (points(b.total), points(a.total));
        let rank = a.rank.map_or_else(
            || "unranked".to_owned(),
            |r| format!("{} of {n}", ordinal(r)),
        );
        match (tb != ta, b.rank != a.rank) {
            (true, _) => said.push(format!(
                "{} {} to {}, now {rank}",
                p.label(),
                tb.map_or_else(|| "no total".to_owned(), |t| t.to_string()),
                ta.map_or_else(|| "no total".to_owned(), |t| t.to_string()),
            )),
            (false, true) => said.push(format!("{} now {rank}", p.label())),
            (false, false) => {}
        }
    }
    if said.is_empty() {
        return None;
    }
    let more = said.len().saturating_sub(3);
    said.truncate(3);
    let mut line = said.join("; ");
    if more > 0 {
        line.push_str(&format!("; and {more} more"));
    }
    Some(line)
}

/// The totals chart in one sentence: who leads, by how much over the next, who is last
/// ("API leads with 56, 4 points ahead of Confederation (51); Abraham is last, at 18.").
pub fn totals_summary(s: &Scenario, e: &Evaluation) -> String {
    let ranked: Vec<(usize, f64)> = e
        .ranked()
        .filter_map(|i| e.standings[i].total.map(|t| (i, t * 100.0)))
        .collect();
    let label = |i: usize| s.proposals[i].label().to_owned();
    match ranked.as_slice() {
        [] => "No proposal has a total yet: nothing is scored.".to_owned(),
        [(i, t)] => format!("Only {} has a total: {t:.0}.", label(*i)),
        [(a, ta), (b, tb), rest @ ..] => {
            let lead = if (ta - tb).abs() < 0.5 {
                format!("{} and {} are level at {ta:.0}", label(*a), label(*b))
            } else {
                format!(
                    "{} leads with {ta:.0}, {:.0} points ahead of {} ({tb:.0})",
                    label(*a),
                    ta - tb,
                    label(*b)
                )
            };
            match rest.last() {
                Some((z, tz)) => format!("{lead}; {} is last, at {tz:.0}.", label(*z)),
                None => format!("{lead}."),
            }
        }
    }
}

/// The totals chart as a table: each proposal in rank order with its rank, total and the
/// share of the weight scored, as the chart shows them.
pub fn totals_rows(s: &Scenario, e: &Evaluation) -> Vec<Vec<String>> {
    let mut order: Vec<usize> = e.ranked().collect();
    let unranked: Vec<usize> = (0..s.proposals.len())
        .filter(|i| !order.contains(i))
        .collect();
    order.extend(unranked);
    order
        .into_iter()
        .map(|i| {
            let st = e.standings[i];
            vec![
                s.proposals[i].label().to_owned(),
                st.rank.map_or_else(|| "—".to_owned(), ordinal),
                st.total
                    .map_or_else(|| "—".to_owned(), |t| format!("{:.0}", t * 100.0)),
                format!("{:.0}%", st.coverage * 100.0),
            ]
        })
        .collect()
}

/// The tornado in one sentence: which weight moves the lead most, and whether any of the
/// moves shown hands it to the runner-up.
pub fn tornado_summary(s: &Scenario, e: &Evaluation, bars: &[TornadoBar]) -> String {
    let Some((lead, second)) = leader_and_runner_up(e) else {
        return "Fewer than two proposals have totals: there is no lead to move.".to_owned();
    };
    let (a, b) = (s.proposals[lead].label(), s.proposals[second].label());
    let Some(top) = bars.first() else {
        return format!("No weight moves the lead of {a} over {b}.");
    };
    let name = &s.criteria[top.criterion].name;
    let flips = bars.iter().filter(|t| t.low.min(t.high) < 0.0).count();
    let (lo, hi) = (top.low.min(top.high) * 100.0, top.low.max(top.high) * 100.0);
    let tail = match flips {
        0 => format!(
            "no single weight moved by {:.0} points gives {b} the lead",
            DEFAULT_DELTA * 100.0
        ),
        1 => format!("one weight moved that far gives {b} the lead"),
        n => format!("{n} weights moved that far give {b} the lead"),
    };
    format!(
        "The lead of {a} over {b} moves most with the weight of {name}: from {lo:.1} to {hi:.1} \
         points as it moves by ±{:.0}; {tail}.",
        DEFAULT_DELTA * 100.0
    )
}

/// The tornado as a table: each criterion with the lead at its weight's low and high end.
pub fn tornado_rows(s: &Scenario, bars: &[TornadoBar]) -> Vec<Vec<String>> {
    bars.iter()
        .map(|t| {
            vec![
                s.criteria[t.criterion].name.clone(),
                format!("{:.1}", t.low * 100.0),
                format!("{:.1}", t.high * 100.0),
                format!("{:.1}", t.swing() * 100.0),
            ]
        })
        .collect()
}

/// What criterion `k` adds to proposal `i`'s total, in points of 100 (as the stacked chart
/// draws it: its weighted value over the share of the weight scored).
pub fn contribution(e: &Evaluation, k: usize, i: usize) -> Option<f64> {
    let w = e.weights.get(k).copied().unwrap_or(0.0);
    let cov = e.standings.get(i)?.coverage;
    (w > 0.0 && cov > 0.0).then(|| 100.0 * w * e.value(k, i).unwrap_or(0.0) / cov)
}

/// The contributions chart in one sentence: what adds most to the leader's total.
pub fn contributions_summary(s: &Scenario, e: &Evaluation) -> String {
    let Some(lead) = e.ranked().next() else {
        return "No proposal has a total yet: nothing is scored.".to_owned();
    };
    let best = (0..s.criteria.len())
        .filter_map(|k| contribution(e, k, lead).map(|v| (k, v)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let total = e.standings[lead].total.unwrap_or(0.0) * 100.0;
    match best {
        Some((k, v)) => format!(
            "{}'s total of {total:.0} owes most to {} ({v:.1} points).",
            s.proposals[lead].label(),
            s.criteria[k].name
        ),
        None => format!(
            "{}'s total of {total:.0} has no weighted criterion.",
            s.proposals[lead].label()
        ),
    }
}

/// The contributions chart as a table: a row per weighted criterion, a column per
/// proposal, each cell the points it adds; the header names the columns.
pub fn contributions_table(s: &Scenario, e: &Evaluation) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec!["Criterion".to_owned()];
    header.extend(s.proposals.iter().map(|p| p.label().to_owned()));
    let rows = (0..s.criteria.len())
        .filter(|&k| e.weights.get(k).copied().unwrap_or(0.0) > 0.0)
        .map(|k| {
            let mut row = vec![s.criteria[k].name.clone()];
            row.extend((0..s.proposals.len()).map(|i| {
                contribution(e, k, i).map_or_else(|| "—".to_owned(), |v| format!("{v:.1}"))
            }));
            row
        })
        .collect();
    (header, rows)
}

/// Rank acceptability in one sentence: who is first how often over the random weightings.
pub fn acceptability_summary(s: &Scenario, r: &SmaaResult) -> String {
    let mut firsts: Vec<(usize, f64)> = r
        .acceptability
        .iter()
        .enumerate()
        .map(|(i, shares)| (i, shares.first().copied().unwrap_or(0.0)))
        .filter(|(_, share)| *share > 0.0)
        .collect();
    firsts.sort_by(|a, b| b.1.total_cmp(&a.1));
    let said: Vec<String> = firsts
        .iter()
        .take(3)
        // A result shown while a new one is worked out may have more proposals than now.
        .filter_map(|(i, share)| {
            let p = s.proposals.get(*i)?;
            Some(format!("{} in {:.0}%", p.label(), share * 100.0))
        })
        .collect();
    match said.as_slice() {
        [] => "No draw could rank the proposals: nothing is scored.".to_owned(),
        [only] => format!(
            "Over {} random weightings, first is always {only}.",
            r.counted
        ),
        _ => format!(
            "Over {} random weightings, first is {}.",
            r.counted,
            said.join(", ")
        ),
    }
}

/// Rank acceptability as a table: a row per proposal, the share of draws at each rank.
pub fn acceptability_table(s: &Scenario, r: &SmaaResult) -> (Vec<String>, Vec<Vec<String>>) {
    let n = s.proposals.len();
    let mut header = vec!["Proposal".to_owned()];
    header.extend((1..=n).map(ordinal));
    let rows = r
        .acceptability
        .iter()
        .enumerate()
        .filter_map(|(i, shares)| {
            let mut row = vec![s.proposals.get(i)?.label().to_owned()];
            row.extend(shares.iter().map(|v| format!("{:.0}%", v * 100.0)));
            Some(row)
        })
        .collect();
    (header, rows)
}

/// The radar in one sentence: over the criteria, which proposal scores highest on most of
/// them, and which has most cells left unscored ("Across 15 criteria, API scores highest on
/// 9; Abraham has 4 unscored cells, left off its shape.").
pub fn radar_summary(s: &Scenario, e: &Evaluation, shown: &[usize]) -> String {
    let n_c = s.criteria.len();
    if shown.is_empty() || n_c == 0 {
        return "No proposal or criterion to draw.".to_owned();
    }
    let mut tops = vec![0usize; s.proposals.len()];
    for k in 0..n_c {
        let best = shown
            .iter()
            .filter_map(|&i| e.value(k, i).map(|v| (i, v)))
            .fold(None::<(usize, f64)>, |a, (i, v)| match a {
                Some((_, b)) if b >= v => a,
                _ => Some((i, v)),
            });
        if let Some((i, _)) = best {
            tops[i] += 1;
        }
    }
    let (lead, most) = shown
        .iter()
        .map(|&i| (i, tops[i]))
        .fold((shown[0], 0), |a, b| if b.1 > a.1 { b } else { a });
    let first = if most == 0 {
        format!("Across {n_c} criteria, no proposal has a score yet")
    } else {
        format!(
            "Across {n_c} criteria, {} scores highest (or level highest) on {most}",
            s.proposals[lead].label()
        )
    };
    let gaps = |i: usize| (0..n_c).filter(|&k| e.value(k, i).is_none()).count();
    let gappy = shown
        .iter()
        .map(|&i| (i, gaps(i)))
        .fold((shown[0], 0), |a, b| if b.1 > a.1 { b } else { a });
    if gappy.1 == 0 {
        format!("{first}; every cell shown is scored.")
    } else {
        format!(
            "{first}; {} has {} unscored cell{}, left off its shape.",
            s.proposals[gappy.0].label(),
            gappy.1,
            if gappy.1 == 1 { "" } else { "s" }
        )
    }
}

/// The radar as a table: a row per criterion, a column per proposal shown, each cell the
/// normalised score (0–100) the shape reaches on that spoke, "—" where unscored.
pub fn radar_table(
    s: &Scenario,
    e: &Evaluation,
    shown: &[usize],
) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec!["Criterion".to_owned()];
    header.extend(shown.iter().map(|&i| s.proposals[i].label().to_owned()));
    let rows = s
        .criteria
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let mut row = vec![c.name.clone()];
            row.extend(shown.iter().map(|&i| {
                e.value(k, i)
                    .map_or_else(|| "—".to_owned(), |v| format!("{:.0}", v * 100.0))
            }));
            row
        })
        .collect();
    (header, rows)
}

/// The sweep in one sentence: how far the weight of criterion `k` can move before the
/// leader or the ranking changes, and where the chart marks a change of lead.
pub fn sweep_summary(
    s: &Scenario,
    k: usize,
    stability: Option<&crate::analysis::sweep::Stability>,
    marks: &[[f64; 2]],
) -> String {
    let Some(st) = stability else {
        return "This criterion has no weight now, or is the only one weighted: it cannot be \
                swept."
            .to_owned();
    };
    let mut said = format!(
        "The leader stays first while the weight of {} is between {:.0}% and {:.0}% (now \
         {:.0}%); the whole ranking holds between {:.0}% and {:.0}%.",
        s.criteria[k].name,
        st.leader.0 * 100.0,
        st.leader.1 * 100.0,
        st.current * 100.0,
        st.ranking.0 * 100.0,
        st.ranking.1 * 100.0
    );
    if !marks.is_empty() {
        let at: Vec<String> = marks.iter().map(|m| format!("{:.0}%", m[0])).collect();
        said.push_str(&format!(
            " Another proposal's line crosses the leader's at {}.",
            at.join(", ")
        ));
    }
    said
}

/// The sweep as a table: a row every 10% of the weight of criterion `k`, each proposal's
/// total there as the lines draw it ("—" where a proposal has no total).
pub fn sweep_table(
    s: &Scenario,
    k: usize,
    lines: &[Vec<[f64; 2]>],
) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec![format!("Weight of {} (%)", s.criteria[k].name)];
    header.extend(
        lines
            .iter()
            .enumerate()
            .map(|(i, _)| s.proposals.get(i).map_or("", |p| p.label()).to_owned()),
    );
    let rows = (0..=10)
        .map(|step| {
            let w = f64::from(step) * 10.0;
            let mut row = vec![format!("{w:.0}")];
            row.extend(lines.iter().map(|line| {
                line.iter()
                    .find(|pt| (pt[0] - w).abs() < 1e-6)
                    .map_or_else(|| "—".to_owned(), |pt| format!("{:.1}", pt[1]))
            }));
            row
        })
        .collect();
    (header, rows)
}

/// The round's box plot in one sentence: whose students' totals sit highest (by median)
/// and where the class splits most (the widest middle half).
pub fn round_totals_summary(s: &Scenario, r: &crate::analysis::round::Round) -> String {
    let spreads: Vec<(usize, crate::analysis::round::Spread)> = (0..s.proposals.len())
        .filter_map(|j| r.totals_spread(j).map(|x| (j, x)))
        .collect();
    let Some(high) = spreads
        .iter()
        .max_by(|a, b| a.1.median.total_cmp(&b.1.median))
    else {
        return "No student's reading gives a proposal a total yet.".to_owned();
    };
    let wide = spreads
        .iter()
        .max_by(|a, b| (a.1.q3 - a.1.q1).total_cmp(&(b.1.q3 - b.1.q1)))
        .unwrap_or(high);
    format!(
        "{} has the highest median total among the students ({:.0}); the class splits most \
         on {} (the middle half from {:.0} to {:.0}).",
        s.proposals[high.0].label(),
        high.1.median,
        s.proposals[wide.0].label(),
        wide.1.q1,
        wide.1.q3
    )
}

/// The round's box plot as a table: per proposal, the students' lowest, quartiles and
/// highest total (points of 100), and how many gave it a total.
pub fn round_totals_table(
    s: &Scenario,
    r: &crate::analysis::round::Round,
) -> (Vec<String>, Vec<Vec<String>>) {
    let header = [
        "Proposal",
        "Lowest",
        "Lower quartile",
        "Median",
        "Upper quartile",
        "Highest",
        "Students",
    ]
    .map(String::from)
    .to_vec();
    let rows = s
        .proposals
        .iter()
        .enumerate()
        .filter_map(|(j, p)| {
            let x = r.totals_spread(j)?;
            Some(vec![
                p.label().to_owned(),
                format!("{:.0}", x.min),
                format!("{:.0}", x.q1),
                format!("{:.0}", x.median),
                format!("{:.0}", x.q3),
                format!("{:.0}", x.max),
                x.count.to_string(),
            ])
        })
        .collect();
    (header, rows)
}

/// The comparison as a screen reader's table: what the web page's hidden mirror shows
/// (the browser build has no accessibility tree of its own), from the same words as the
/// window's.
#[derive(Clone, Debug, PartialEq)]
pub struct SpokenTable {
    /// The table's caption: the scenario's title and whose weights are in use.
    pub caption: String,
    /// The column heads: "Criterion", then each proposal shown.
    pub header: Vec<String>,
    /// A row per criterion: its name, then each cell's full spoken name.
    pub rows: Vec<(String, Vec<String>)>,
    /// The totals row: each proposal's total and rank in words.
    pub totals: Vec<String>,
}

/// The comparison as [`SpokenTable`]: every cell, not only those in view.
pub fn spoken_table(state: &AppState) -> SpokenTable {
    let s = state.scenario();
    let e = state.eval();
    let shown = state.shown_proposals();
    let whose = state.chosen_perspective().map_or_else(
        || "the lesson's weights".to_owned(),
        |(_, p)| format!("{}'s weights", p.name),
    );
    let mut header = vec!["Criterion".to_owned()];
    header.extend(shown.iter().map(|&p| s.proposals[p].label().to_owned()));
    let rows = s
        .criteria
        .iter()
        .enumerate()
        .map(|(k, c)| {
            (
                c.name.clone(),
                shown.iter().map(|&p| cell_name(state, k, p)).collect(),
            )
        })
        .collect();
    let totals = shown
        .iter()
        .map(|&p| {
            let st = e.standings[p];
            let total = st.total.map_or_else(
                || "no total".to_owned(),
                |t| format!("total {:.0}", t * 100.0),
            );
            let rank = st.rank.map_or_else(|| "unranked".to_owned(), ordinal);
            format!("{}: {total}, {rank}", s.proposals[p].label())
        })
        .collect();
    SpokenTable {
        caption: format!("{}: scores under {whose}", s.title),
        header,
        rows,
        totals,
    }
}
