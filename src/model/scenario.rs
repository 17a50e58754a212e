//! The scenario: everything one file holds.

use foldhash::HashMap;

use serde::{Deserialize, Serialize};

use super::{Citation, Criterion, Perspective, Proposal, Score, Silence};

/// The file format this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 5;

/// A comparison: proposals, criteria, their scores, sources and perspectives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// File format number; see `docs/FORMAT.md`.
    pub format: u32,
    /// Title shown in the window and on the title slide.
    pub title: String,
    /// What the comparison is about.
    #[serde(default)]
    pub description: String,
    /// Who made this scenario.
    #[serde(default)]
    pub authors: Vec<String>,
    /// The bibliography that citations point into.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Proposals in display order.
    #[serde(default)]
    pub proposals: Vec<Proposal>,
    /// Criteria in display order.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// Named alternative weight sets (stakeholders' stated priorities).
    #[serde(default)]
    pub perspectives: Vec<Perspective>,
    /// The perspective chosen in the window when the file was saved (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chosen_perspective: Option<String>,
    /// How a text that is silent on a criterion counts in totals (format 5; the default,
    /// as the scale's lowest value, is left out of files).
    #[serde(default, skip_serializing_if = "Silence::is_default")]
    pub silence: Silence,
    /// Set in a student's copy handed out for a class round (format 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handout: Option<Handout>,
    /// Plain cells of a large dataset as rows of values (format 4). Only in files: loading
    /// expands them into `scores`, so in memory this is always `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coded: Option<super::coded::Coded>,
    /// Scored cells, in criterion order then proposal order. Kept last in files: the fast
    /// reader reads this list, nearly all of a large file, in one pass from its start.
    #[serde(default)]
    pub scores: Vec<Score>,
}

/// What marks a student's copy of a scenario, handed out for a class round: its proposals
/// and criteria stay as handed out (so the copies can be merged), and it asks for the
/// student's name the first time it is opened.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handout {
    /// The teacher's scores were left out: the student scores from the sources.
    #[serde(default)]
    pub scores_hidden: bool,
    /// The title of the scenario it was handed out from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
}

impl Handout {
    /// The student's copy of `teacher`: no authors (the student's name comes on first
    /// opening), the parties' stated positions but no readings of students or own weights,
    /// and, when `hide_scores`, no scores at all.
    pub fn copy_of(teacher: &Scenario, hide_scores: bool) -> Scenario {
        let mut s = teacher.clone();
        s.authors.clear();
        s.perspectives
            .retain(|p| p.kind == super::PerspectiveKind::Stated);
        s.chosen_perspective = None;
        if hide_scores {
            s.scores.clear();
        }
        s.handout = Some(Handout {
            scores_hidden: hide_scores,
            from: teacher.title.clone(),
        });
        s
    }
}

/// One entry of the bibliography.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable slug that citations refer to.
    pub id: String,
    /// Title of the work.
    pub title: String,
    /// Authors, as written in the work.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Journal, publisher or website.
    #[serde(default)]
    pub publication: String,
    /// Publication date as free text.
    #[serde(default)]
    pub date: String,
    /// Where to find it.
    #[serde(default)]
    pub url: String,
}

impl Source {
    /// The year of its date ("2004" of "2004-03-31" or "March 2004"), if it has one.
    pub fn year(&self) -> Option<&str> {
        let bytes = self.date.as_bytes();
        (0..bytes.len().saturating_sub(3)).find_map(|i| {
            let run = &bytes[i..i + 4];
            let alone = |j: Option<&u8>| j.is_none_or(|b| !b.is_ascii_digit());
            (run.iter().all(u8::is_ascii_digit)
                && alone(i.checked_sub(1).and_then(|j| bytes.get(j)))
                && alone(bytes.get(i + 4)))
            .then(|| &self.date[i..i + 4])
        })
    }
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            format: 1,
            title: "Untitled scenario".to_owned(),
            description: String::new(),
            authors: Vec::new(),
            sources: Vec::new(),
            proposals: Vec::new(),
            criteria: Vec::new(),
            perspectives: Vec::new(),
            chosen_perspective: None,
            silence: Silence::default(),
            handout: None,
            coded: None,
            scores: Vec::new(),
        }
    }
}

impl Scenario {
    /// Index of the proposal with this id.
    pub fn proposal_index(&self, id: &str) -> Option<usize> {
        self.proposals.iter().position(|p| p.id == id)
    }

    /// Index of the criterion with this id.
    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.id == id)
    }

    /// Each criterion's index by id.
    pub fn criterion_indices(&self) -> HashMap<&str, usize> {
        self.criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect()
    }

    /// Each proposal's index by id.
    pub fn proposal_indices(&self) -> HashMap<&str, usize> {
        self.proposals
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect()
    }

    /// Index of the source with this id.
    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id)
    }

    /// The perspective with this id.
    pub fn perspective_by_id(&self, id: &str) -> Option<&Perspective> {
        self.perspectives.iter().find(|p| p.id == id)
    }

    /// Index of the perspective with this id.
    pub fn perspective_index(&self, id: &str) -> Option<usize> {
        self.perspectives.iter().position(|p| p.id == id)
    }

    /// The perspective with this id or name (case-insensitive name match).
    pub fn perspective(&self, id_or_name: &str) -> Option<&Perspective> {
        self.perspective_by_id(id_or_name).or_else(|| {
            self.perspectives
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(id_or_name))
        })
    }

    /// The score of `proposal` on `criterion`, if the cell exists (linear search).
    pub fn score(&self, criterion: &str, proposal: &str) -> Option<&Score> {
        self.scores
            .iter()
            .find(|s| s.criterion == criterion && s.proposal == proposal)
    }

    /// Index of the cell in `scores`, if it exists (linear search).
    pub fn score_position(&self, criterion: &str, proposal: &str) -> Option<usize> {
        self.scores
            .iter()
            .position(|s| s.criterion == criterion && s.proposal == proposal)
    }

    /// Each cell's place in canonical order: (criterion index, proposal index), with
    /// `usize::MAX` for an unknown item.
    fn score_keys(&self) -> Vec<(usize, usize)> {
        let (crit, prop) = (self.criterion_indices(), self.proposal_indices());
        let at = |map: &HashMap<&str, usize>, id: &str| map.get(id).copied().unwrap_or(usize::MAX);
        self.scores
            .iter()
            .map(|s| (at(&crit, &s.criterion), at(&prop, &s.proposal)))
            .collect()
    }

    /// True when the scores are in canonical order already (as in files Concord wrote).
    pub fn scores_in_order(&self) -> bool {
        self.score_keys().is_sorted()
    }

    /// Sorts scores into canonical order: criterion order, then proposal order;
    /// cells naming unknown items go last, in their previous order.
    pub fn sort_scores(&mut self) {
        let keys = self.score_keys();
        // Files Concord wrote are already in order: no need to move every cell.
        if keys.is_sorted() {
            return;
        }
        let mut keyed: Vec<((usize, usize), Score)> = keys
            .into_iter()
            .zip(std::mem::take(&mut self.scores))
            .collect();
        keyed.sort_by_key(|(k, _)| *k);
        self.scores = keyed.into_iter().map(|(_, s)| s).collect();
    }

    /// How many citations (in cells, proposals and perspectives) point at source `id`.
    pub fn citation_count(&self, id: &str) -> usize {
        let in_list = |l: &[Citation]| l.iter().filter(|c| c.source == id).count();
        let cells: usize = self.scores.iter().map(|sc| in_list(&sc.evidence)).sum();
        let proposals: usize = self.proposals.iter().map(|p| in_list(&p.sources)).sum();
        let perspectives: usize = self
            .perspectives
            .iter()
            .map(|p| {
                in_list(&p.sources)
                    + p.red_lines
                        .iter()
                        .map(|r| in_list(&r.evidence))
                        .sum::<usize>()
                    + p.readings
                        .iter()
                        .map(|r| in_list(&r.evidence))
                        .sum::<usize>()
            })
            .sum();
        cells + proposals + perspectives
    }

    /// The oldest format that can hold everything in this scenario, so that files using
    /// nothing new still open in older builds: 5 for silence, stale-reason marks and
    /// evidence kinds; 4 for coded rows; 3 for a handout or groups; 2 for perspectives'
    /// newer parts or the chosen perspective; else 1.
    pub fn needed_format(&self) -> u32 {
        let five = !self.silence.is_default()
            || self.scores.iter().any(Score::needs_format_5)
            || self.perspectives.iter().any(Perspective::needs_format_5);
        if five {
            return 5;
        }
        if self.coded.is_some() {
            return 4;
        }
        if self.handout.is_some() || self.proposals.iter().any(|p| !p.group.is_empty()) {
            return 3;
        }
        let new = self.chosen_perspective.is_some()
            || self
                .perspectives
                .iter()
                .any(|p| p.needs_format_2(&self.criteria));
        if new {
            2
        } else {
            1
        }
    }

    /// True when some cell (or a perspective's reading) says the text is silent.
    pub fn has_silent(&self) -> bool {
        self.scores.iter().any(Score::is_silent)
            || self
                .perspectives
                .iter()
                .any(|p| p.readings.iter().any(Score::is_silent))
    }

    /// A fresh id derived from `base` that no proposal, criterion, source or perspective uses.
    pub fn fresh_id(&self, base: &str) -> String {
        let slug = slugify(base);
        let taken = |id: &str| {
            self.proposals.iter().any(|p| p.id == id)
                || self.criteria.iter().any(|c| c.id == id)
                || self.sources.iter().any(|s| s.id == id)
                || self.perspectives.iter().any(|p| p.id == id)
        };
        if !taken(&slug) {
            return slug;
        }
        (2..)
            .map(|n| format!("{slug}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or(slug)
    }
}

/// Turns a name into a slug: "Borders & territory" → "borders-territory".
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("item");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_names() {
        assert_eq!(slugify("Borders & territory"), "borders-territory");
        assert_eq!(slugify("  "), "item");
        assert_eq!(slugify("Übergang"), "bergang");
    }

    #[test]
    fn a_source_s_year_is_read_from_its_date() {
        let with = |date: &str| Source {
            date: date.into(),
            ..Source::default()
        };
        assert_eq!(with("2004-03-31").year(), Some("2004"));
        assert_eq!(with("March 2017").year(), Some("2017"));
        assert_eq!(with("").year(), None);
        assert_eq!(with("12345").year(), None);
    }

    #[test]
    fn fresh_ids_do_not_collide() {
        let mut s = Scenario::default();
        s.proposals.push(Proposal::new("new-proposal", "x"));
        assert_eq!(s.fresh_id("New proposal"), "new-proposal-2");
        assert_eq!(s.fresh_id("Other"), "other");
    }
}
