//! Plain sentences that explain a ranking from S2–S4, for students.

use super::flips::{score_flips, Flip, FlipChange};
use super::sweep::{stability_with, Stability, Sums};
use super::tornado::{leader_and_runner_up, tornado, DEFAULT_DELTA};
use super::CLEAR_LEAD;
use crate::model::{Scale, Scenario, ScoreValue};
use crate::scoring::Evaluation;

/// What the panel says, with the numbers behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The sentences, in reading order.
    pub sentences: Vec<String>,
    /// The stability interval of every criterion that can be swept.
    pub stability: Vec<Stability>,
    /// The smallest flip of each adjacent pair, from the top.
    pub flips: Vec<Flip>,
}

/// A share as a percentage; one decimal where whole percents would round to 0 or 100.
pub fn pct(x: f64) -> String {
    let p = x * 100.0;
    if (p > 0.0 && p < 0.5) || (p > 99.5 && p < 100.0) {
        format!("{p:.1}%")
    } else {
        format!("{p:.0}%")
    }
}

fn points(x: f64) -> String {
    format!("{:.0}", x * 100.0)
}

/// "1 point", "11 points" (of 100).
fn n_points(x: f64) -> String {
    let p = points(x);
    if p == "1" {
        "1 point".to_owned()
    } else {
        format!("{p} points")
    }
}

/// With two proposals tied for first: the criteria whose heavier weight would put each
/// ahead (where they are scored differently), up to three each.
fn what_separates(s: &Scenario, e: &Evaluation, a: usize, b: usize) -> Vec<String> {
    let mut favours = (Vec::new(), Vec::new());
    for (k, c) in s.criteria.iter().enumerate() {
        if e.weights[k] <= 0.0 {
            continue;
        }
        match (e.value(k, a), e.value(k, b)) {
            (Some(x), Some(y)) if x > y + 1e-9 => favours.0.push(c.name.clone()),
            (Some(x), Some(y)) if y > x + 1e-9 => favours.1.push(c.name.clone()),
            _ => {}
        }
    }
    let name = |i: usize| format!("«{}»", s.proposals[i].label());
    let few = |v: &[String]| {
        let shown: Vec<String> = v.iter().take(3).cloned().collect();
        let more = v.len().saturating_sub(3);
        if more > 0 {
            format!("{} and {more} more", shown.join(", "))
        } else {
            list_and(&shown)
        }
    };
    let mut out = Vec::new();
    if !favours.0.is_empty() {
        out.push(format!(
            "More weight on {} puts {} ahead.",
            few(&favours.0),
            name(a)
        ));
    }
    if !favours.1.is_empty() {
        out.push(format!(
            "More weight on {} puts {} ahead.",
            few(&favours.1),
            name(b)
        ));
    }
    out
}

/// Under a perspective whose red lines rule out the leader: which, and the first proposal
/// it accepts.
fn ruled_out_leader(s: &Scenario, e: &Evaluation, lead: usize) -> Option<String> {
    let crate::scoring::Verdict::RuledOut(lines) = e.verdicts.get(lead)? else {
        return None;
    };
    let view = s.perspective_by_id(e.perspective.as_deref()?)?;
    let on: Vec<String> = lines
        .iter()
        .filter_map(|&j| view.red_lines.get(j))
        .filter_map(|l| {
            let c = s.criteria.iter().find(|c| c.id == l.criterion)?;
            Some(format!(
                "“{}” (it accepts {})",
                c.name,
                l.accepts.describe(c)
            ))
        })
        .collect();
    let first = e.ranked().find(|&p| {
        matches!(
            e.verdicts.get(p),
            Some(crate::scoring::Verdict::Accepted | crate::scoring::Verdict::NotAddressed(_))
        )
    });
    let then = first.map_or_else(
        || "; it accepts none of the others either".to_owned(),
        |p| {
            format!(
                "; the first proposal it accepts is «{}» ({})",
                s.proposals[p].label(),
                e.standings[p]
                    .rank
                    .map_or_else(String::new, |r| format!("ranked {r}"))
            )
        },
    );
    Some(format!(
        "Under «{}» the leader, «{}», is ruled out by its red line on {}{then}.",
        view.name,
        s.proposals[lead].label(),
        on.join(" and ")
    ))
}

/// Under a perspective whose red line the leader's text is silent on: neither met nor
/// crossed, said so that silence is not read as consent or as refusal.
fn silent_leader(s: &Scenario, e: &Evaluation, lead: usize) -> Option<String> {
    let crate::scoring::Verdict::NotAddressed(lines) = e.verdicts.get(lead)? else {
        return None;
    };
    let view = s.perspective_by_id(e.perspective.as_deref()?)?;
    let on: Vec<String> = lines
        .iter()
        .filter_map(|&j| view.red_lines.get(j))
        .filter_map(|l| s.criteria.iter().find(|c| c.id == l.criterion))
        .map(|c| format!("“{}”", c.name))
        .collect();
    Some(format!(
        "«{}» says nothing on {}: «{}»'s red line there is neither met nor crossed (not addressed).",
        s.proposals[lead].label(),
        on.join(" and "),
        view.name
    ))
}

/// When another proposal leads on the criteria scored for every proposal: the lead rests
/// on cells left unscored.
fn lead_on_common_ground(s: &Scenario, e: &Evaluation, lead: usize) -> Option<String> {
    let n = e.n_proposals();
    let common: Vec<usize> = (0..s.criteria.len())
        .filter(|&k| e.weights[k] > 0.0 && (0..n).all(|p| e.value(k, p).is_some()))
        .collect();
    if common.is_empty()
        || common.len()
            == (0..s.criteria.len())
                .filter(|&k| e.weights[k] > 0.0)
                .count()
    {
        return None;
    }
    let on_common = |p: usize| -> f64 {
        let w: f64 = common.iter().map(|&k| e.weights[k]).sum();
        common
            .iter()
            .map(|&k| e.weights[k] * e.value(k, p).unwrap_or(0.0))
            .sum::<f64>()
            / w
    };
    let best = (0..n)
        .filter(|&p| e.standings[p].total.is_some())
        .max_by(|&a, &b| on_common(a).total_cmp(&on_common(b)))?;
    if best == lead || (on_common(best) - on_common(lead)).abs() < 1e-9 {
        return None;
    }
    Some(format!(
        "The lead rests on unscored cells: on the {} criteria scored for every proposal, «{}» leads ({} of 100) rather than «{}» ({}).",
        common.len(),
        s.proposals[best].label(),
        points(on_common(best)),
        s.proposals[lead].label(),
        points(on_common(lead))
    ))
}

/// Explains the ranking of `e` (computed from `s`).
pub fn explain(s: &Scenario, e: &Evaluation) -> Explanation {
    let mut out = Vec::new();
    let name = |i: usize| format!("«{}»", s.proposals[i].label());
    let sums = Sums::new(e);
    let stab: Vec<Stability> = (0..s.criteria.len())
        .filter_map(|k| stability_with(e, &sums, k))
        .collect();
    let flips = score_flips(s, e);
    let Some((lead, second)) = leader_and_runner_up(e) else {
        out.push("At least two proposals need scores before they can be compared.".to_owned());
        return Explanation {
            sentences: out,
            stability: stab,
            flips,
        };
    };
    let (tl, ts) = (
        e.standings[lead].total.unwrap_or(0.0),
        e.standings[second].total.unwrap_or(0.0),
    );
    let margin = tl - ts;
    if e.standings[lead].rank == e.standings[second].rank {
        out.push(format!(
            "{} and {} tie for first with {} of 100: any weight that favours one of them separates them.",
            name(lead),
            name(second),
            points(tl)
        ));
    } else if margin < CLEAR_LEAD {
        out.push(format!(
            "No clear leader: {} is ahead of {} by {} of 100, less than {}.",
            name(lead),
            name(second),
            n_points(margin),
            points(CLEAR_LEAD)
        ));
    } else {
        out.push(format!(
            "{} leads with {} of 100, {} ahead of {}.",
            name(lead),
            points(tl),
            n_points(margin),
            name(second)
        ));
    }
    let cov = e.standings[lead].coverage;
    if cov < 0.999 {
        out.push(format!(
            "Its total rests on only {} of the weight: the criteria it is not scored on are left out, not counted as 0.",
            pct(cov)
        ));
    }
    out.extend(ruled_out_leader(s, e, lead));
    out.extend(silent_leader(s, e, lead));
    out.extend(lead_on_common_ground(s, e, lead));
    let tied = e.standings[lead].rank == e.standings[second].rank;
    if tied {
        out.extend(what_separates(s, e, lead, second));
    }
    // The weights that matter most, by the tornado, with their stability intervals (with a
    // tie for first there is no one leader whose interval to give).
    let order: Vec<usize> = if tied {
        Vec::new()
    } else {
        tornado(e, DEFAULT_DELTA)
            .iter()
            .map(|b| b.criterion)
            .collect()
    };
    let mut robust = Vec::new();
    let mut more = Vec::new();
    let mut told = 0;
    for k in order {
        let Some(st) = stab.iter().find(|x| x.criterion == k) else {
            continue;
        };
        let c = &s.criteria[k].name;
        if st.leader.0 <= 1e-9 && st.leader.1 >= 1.0 - 1e-9 {
            robust.push(c.clone());
            continue;
        }
        if told >= 3 {
            more.push(c.clone());
            continue;
        }
        told += 1;
        let rival = |r: Option<usize>| {
            r.map(|r| format!(", {} takes the lead", name(r)))
                .unwrap_or_default()
        };
        let (lo, hi) = (st.leader.0 > 1e-9, st.leader.1 < 1.0 - 1e-9);
        let sentence = match (lo, hi) {
            (true, true) => format!(
                "It stays first while the weight of {c} is between {} and {} (now {}): below{}; above{}.",
                pct(st.leader.0),
                pct(st.leader.1),
                pct(st.current),
                rival(st.leader_rivals.0),
                rival(st.leader_rivals.1)
            ),
            (false, true) => format!(
                "It stays first while the weight of {c} stays below {} (now {}); above that{}.",
                pct(st.leader.1),
                pct(st.current),
                rival(st.leader_rivals.1)
            ),
            _ => format!(
                "It stays first while the weight of {c} stays above {} (now {}); below that{}.",
                pct(st.leader.0),
                pct(st.current),
                rival(st.leader_rivals.0)
            ),
        };
        out.push(sentence);
    }
    if more.len() > 4 {
        out.push(format!(
            "The weights of {} other criteria could also change the leader, but only further from where they are now.",
            more.len()
        ));
    } else if !more.is_empty() {
        out.push(format!(
            "{} could also change the leader, but only further from where {} now.",
            if more.len() == 1 {
                format!("The weight of {}", more[0])
            } else {
                format!("The weights of {}", list_and(&more))
            },
            if more.len() == 1 { "it is" } else { "they are" }
        ));
    }
    if robust.len() > 3 {
        let other = if told > 0 || !more.is_empty() {
            "other "
        } else {
            ""
        };
        out.push(format!(
            "No change to the weight of any one of the {other}{} criteria can take the lead from {}.",
            robust.len(),
            name(lead)
        ));
    } else if !robust.is_empty() {
        out.push(format!(
            "No change to the weight of {} alone can take the lead from {}.",
            list(&robust),
            name(lead)
        ));
    }
    if margin >= CLEAR_LEAD {
        out.push(format!(
            "The closest rival is {}, {} behind.",
            name(second),
            n_points(margin)
        ));
    }
    if let Some(f) = flips.first() {
        out.push(flip_sentence(s, e, f, &name));
    }
    Explanation {
        sentences: out,
        stability: stab,
        flips,
    }
}

fn list_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// "Raising «B»'s score on Borders from Partial to Strong would swap «A» and «B»."
pub fn flip_sentence(
    s: &Scenario,
    e: &Evaluation,
    f: &Flip,
    name: &dyn Fn(usize) -> String,
) -> String {
    let pair = format!("{} and {}", name(f.upper), name(f.lower));
    let (Some((k, p)), Some(change)) = (f.cell, f.change) else {
        return format!("No change to a single score within its scale would swap {pair}.");
    };
    let c = &s.criteria[k];
    let current = e.score(s, k, p).and_then(|sc| sc.value);
    let verb = if p == f.lower { "Raising" } else { "Lowering" };
    let what = match (change, &c.scale, current) {
        (FlipChange::Levels(m), Scale::Levels(levels), Some(ScoreValue::Level(l))) => {
            let to = (i64::from(l) + m).clamp(0, levels.len() as i64 - 1) as usize;
            format!("from {} to {}", levels[l as usize], levels[to])
        }
        (
            FlipChange::Points(dx),
            Scale::Numeric { min, max, step },
            Some(ScoreValue::Number(x)),
        ) if *step > 0.0 => {
            // The first value on the scale's steps past the change that swaps them.
            let steps = (x + dx - min) / step;
            let n = if dx > 0.0 {
                (steps + 1e-9).floor() + 1.0
            } else {
                (steps - 1e-9).ceil() - 1.0
            };
            let to = ((min + n * step).clamp(*min, *max) * 1e6).round() / 1e6;
            let shown = |v: f64| c.value_text(Some(ScoreValue::Number(v)));
            format!("from {} to {}", shown(x), shown(to))
        }
        (FlipChange::Points(dx), Scale::Numeric { min, max, .. }, _) => {
            format!("by more than {:.2} on its {min}–{max} scale", dx.abs())
        }
        (FlipChange::YesNo, _, Some(ScoreValue::Bool(b))) => {
            format!(
                "from {} to {}",
                if b { "yes" } else { "no" },
                if b { "no" } else { "yes" }
            )
        }
        _ => "by one step".to_owned(),
    };
    let verb = match (change, p == f.lower) {
        // On a lower-is-better scale, "raising the score" means a better value, whatever
        // the raw number does; say "changing" to avoid a misleading verb.
        (FlipChange::Points(dx), true) if dx < 0.0 => "Changing",
        (FlipChange::Points(dx), false) if dx > 0.0 => "Changing",
        _ => verb,
    };
    format!(
        "{verb} {}'s score on {} {what} would swap {pair}.",
        name(p),
        c.name
    )
}
