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
    /// While a live round runs: the address, its QR code and the join code, large.
    Join,
    /// The class round, revealed in three steps: the spread of totals (0), then how far
    /// the class agrees on the order (1), then what to discuss first (2).
    Round(usize),
    /// Perspective number j: its weights, its red lines, its ranking.
    Perspective(usize),
    /// Every perspective side by side, and what none rules out.
    Everyone,
}

/// The steps for `s`, in presentation order; `live`: a live round runs for it (a slide to
/// join it comes before the class round's, which show the answers as they arrive).
pub fn steps(s: &Scenario, live: bool) -> Vec<Step> {
    let mut v = vec![Step::Title];
    v.extend((0..s.proposals.len()).map(Step::Proposal));
    v.extend((0..s.criteria.len()).map(Step::Criterion));
    v.push(Step::Weights);
    v.push(Step::Ranking);
    // A class round: the students together (one slide each would be a class's worth).
    let students = s
        .perspectives
        .iter()
        .any(|p| p.kind == crate::model::PerspectiveKind::Student);
    if live {
        v.push(Step::Join);
    }
    if students || live {
        v.extend((0..ROUND_PARTS).map(Step::Round));
    }
    // Then the parties, one at a time, and all of them at once.
    v.extend(
        s.perspectives
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind != crate::model::PerspectiveKind::Student)
            .map(|(j, _)| Step::Perspective(j)),
    );
    if !s.perspectives.is_empty() {
        v.push(Step::Everyone);
    }
    v
}

/// How many steps the class round is revealed in.
pub const ROUND_PARTS: usize = 3;

/// Where a step is, for the progress line: "Criterion 4 of 12".
pub fn progress_label(s: &Scenario, step: Step) -> String {
    match step {
        Step::Title => "Introduction".to_owned(),
        Step::Proposal(i) => format!("Proposal {} of {}", i + 1, s.proposals.len()),
        Step::Criterion(k) => format!("Criterion {} of {}", k + 1, s.criteria.len()),
        Step::Weights => "The weights".to_owned(),
        Step::Ranking => "The ranking".to_owned(),
        Step::Join => "The live round".to_owned(),
        Step::Round(k) => format!("The class round ({} of {ROUND_PARTS})", k + 1),
        Step::Perspective(j) => format!("Perspective {} of {}", j + 1, s.perspectives.len()),
        Step::Everyone => "All perspectives".to_owned(),
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
        Step::Join => "Join the live round".to_owned(),
        Step::Round(0) => "The class round: the students' totals".to_owned(),
        Step::Round(1) => "The class round: how far the class agrees".to_owned(),
        Step::Round(_) => "The class round: what to discuss first".to_owned(),
        Step::Perspective(j) => s
            .perspectives
            .get(j)
            .map_or_else(String::new, |p| format!("Through {}", p.name)),
        Step::Everyone => "Every perspective, and what none rules out".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_the_scenario() {
        let s = crate::synth::scenario(2, 3, 1);
        assert_eq!(
            steps(&s, false),
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
            steps(&Scenario::default(), false),
            vec![Step::Title, Step::Weights, Step::Ranking]
        );
    }
}

/// Where a running presentation is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Presenter {
    /// Index into the step list.
    pub step: usize,
    /// A proposal singled out with the number keys (the others are dimmed).
    pub spotlight: Option<usize>,
    /// The screen is blanked (B).
    pub blank: bool,
    /// The step list (G) is open.
    pub show_list: bool,
    /// The page of the step shown, when the step does not fit on one screen.
    pub page: usize,
    /// How many pages the step takes on this screen (the view says; 1 until it does).
    pub pages: usize,
}

impl Presenter {
    /// Moves to the next page of the step, else the next step, stopping at the last of `n`.
    pub fn next(&mut self, n: usize) {
        if self.page + 1 < self.pages.max(1) {
            self.page += 1;
            return;
        }
        let to = (self.step + 1).min(n.saturating_sub(1));
        if to != self.step {
            self.step = to;
            self.first_page();
        }
    }

    /// Moves to the previous page, else the previous step, stopping at the first.
    pub fn previous(&mut self) {
        if self.page > 0 {
            self.page -= 1;
            return;
        }
        if self.step > 0 {
            self.step -= 1;
            self.first_page();
        }
    }

    /// Jumps to step `i` of `n`.
    pub fn jump(&mut self, i: usize, n: usize) {
        self.step = i.min(n.saturating_sub(1));
        self.show_list = false;
        self.first_page();
    }

    fn first_page(&mut self) {
        self.page = 0;
        self.pages = 1;
    }

    /// Spotlights proposal `i` (of `n`), or clears the spotlight if it is already on it.
    pub fn toggle_spotlight(&mut self, i: usize, n: usize) {
        self.spotlight = if self.spotlight == Some(i) || i >= n {
            None
        } else {
            Some(i)
        };
    }
}

/// A presentation key's meaning, applied by the presenter (and listed in F1's help).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentCommand {
    /// The next step.
    Next,
    /// The previous step.
    Previous,
    /// The first step.
    First,
    /// The last step.
    Last,
    /// Jump to step i.
    Jump(usize),
    /// Show or hide the list of steps.
    ToggleList,
    /// Blank the screen.
    Blank,
    /// Bring the picture back after a blank.
    Unblank,
    /// Spotlight proposal i (again: clear the spotlight).
    Spotlight(usize),
    /// Clear the spotlight.
    ClearSpotlight,
    /// Close the step list if open, otherwise leave the presentation.
    Back,
    /// The step shown takes this many pages on this screen (from the view).
    Pages(usize),
}

impl PresentCommand {
    /// The keys and what they do, for the help: (keys, description).
    pub const HELP: [(&'static str, &'static str); 7] = [
        (
            "→  Space  PageDown",
            "Next step (or the next part of a long one)",
        ),
        ("←  PageUp", "Previous step or part"),
        ("Home / End", "First / last step"),
        ("G", "List of steps, to jump to one"),
        ("1–9 (0 clears)", "Spotlight a proposal, dimming the others"),
        ("B", "Blank the screen (any key brings it back)"),
        ("Esc", "Close the step list, or leave the presentation"),
    ];
}

impl Presenter {
    /// Applies `command` to a presentation of `s` (`live`: a live round runs for it);
    /// false when it asks to leave.
    pub fn apply(&mut self, command: PresentCommand, s: &Scenario, live: bool) -> bool {
        let n = steps(s, live).len();
        match command {
            PresentCommand::Next => self.next(n),
            PresentCommand::Previous => self.previous(),
            PresentCommand::First => self.jump(0, n),
            PresentCommand::Last => self.jump(n, n),
            PresentCommand::Jump(i) => self.jump(i, n),
            PresentCommand::ToggleList => self.show_list = !self.show_list,
            PresentCommand::Blank => self.blank = true,
            PresentCommand::Unblank => self.blank = false,
            PresentCommand::Spotlight(i) => self.toggle_spotlight(i, s.proposals.len()),
            PresentCommand::ClearSpotlight => self.spotlight = None,
            PresentCommand::Pages(n) => {
                self.pages = n.max(1);
                self.page = self.page.min(self.pages - 1);
            }
            PresentCommand::Back if self.show_list => self.show_list = false,
            PresentCommand::Back => return false,
        }
        true
    }
}

#[cfg(test)]
mod presenter_tests {
    use super::*;

    #[test]
    fn navigation_stays_in_range() {
        let mut p = Presenter::default();
        p.previous();
        assert_eq!(p.step, 0);
        for _ in 0..10 {
            p.next(4);
        }
        assert_eq!(p.step, 3);
        p.jump(99, 4);
        assert_eq!(p.step, 3);
        p.toggle_spotlight(1, 3);
        assert_eq!(p.spotlight, Some(1));
        p.toggle_spotlight(1, 3);
        assert_eq!(p.spotlight, None);
        p.toggle_spotlight(5, 3);
        assert_eq!(p.spotlight, None);
    }
}
