//! The steps of a classroom presentation, computed from the scenario (so any file works):
//! a title slide, one slide per proposal, the criteria one at a time, the weights, and the
//! ranking revealed last.

use crate::model::Scenario;

/// One slide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Title, description and sources.
    Title,
    /// Proposal card number i.
    Proposal(usize),
    /// Criterion number k with every proposal's score; earlier criteria stay visible, dimmed.
    Criterion(usize),
    /// The weights of the criteria.
    Weights,
    /// Totals and ranks.
    Ranking,
}

/// The steps for `s`, in presentation order.
pub fn steps(s: &Scenario) -> Vec<Step> {
    let mut v = vec![Step::Title];
    v.extend((0..s.proposals.len()).map(Step::Proposal));
    v.extend((0..s.criteria.len()).map(Step::Criterion));
    v.push(Step::Weights);
    v.push(Step::Ranking);
    v
}

/// Where a step is, for the progress line: "Criterion 4 of 12".
pub fn progress_label(s: &Scenario, step: Step) -> String {
    match step {
        Step::Title => "Introduction".to_owned(),
        Step::Proposal(i) => format!("Proposal {} of {}", i + 1, s.proposals.len()),
        Step::Criterion(k) => format!("Criterion {} of {}", k + 1, s.criteria.len()),
        Step::Weights => "Weights".to_owned(),
        Step::Ranking => "Ranking".to_owned(),
    }
}

/// A short title of a step, for the step list.
pub fn step_title(s: &Scenario, step: Step) -> String {
    match step {
        Step::Title => s.title.clone(),
        Step::Proposal(i) => s
            .proposals
            .get(i)
            .map_or_else(String::new, |p| p.name.clone()),
        Step::Criterion(k) => s
            .criteria
            .get(k)
            .map_or_else(String::new, |c| c.name.clone()),
        Step::Weights => "How the criteria are weighted".to_owned(),
        Step::Ranking => "Totals and ranking".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_the_scenario() {
        let s = crate::synth::scenario(2, 3, 1);
        assert_eq!(
            steps(&s),
            vec![
                Step::Title,
                Step::Proposal(0),
                Step::Proposal(1),
                Step::Criterion(0),
                Step::Criterion(1),
                Step::Criterion(2),
                Step::Weights,
                Step::Ranking
            ]
        );
        assert_eq!(progress_label(&s, Step::Criterion(1)), "Criterion 2 of 3");
        assert_eq!(
            steps(&Scenario::default()),
            vec![Step::Title, Step::Weights, Step::Ranking]
        );
    }
}
