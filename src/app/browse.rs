//! Finding one's way among many proposals: a search, a sort and a filter that decide which
//! proposals the cards show and in what order; the table's columns follow the cards.

use std::borrow::Cow;

use super::{AppState, DocKey};
use crate::model::Scenario;
use crate::scoring::{Evaluation, Verdict};

/// The order the proposals are shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortBy {
    /// The scenario's own order (cards can be dragged to change it).
    #[default]
    File,
    /// Best first under the weights in use; unranked last.
    Rank,
    /// By name, A to Z.
    Name,
    /// Oldest first; undated last.
    Date,
    /// Most of the weight scored first.
    Coverage,
}

impl SortBy {
    /// Every order, as the menu lists them.
    pub const ALL: [SortBy; 5] = [
        SortBy::File,
        SortBy::Rank,
        SortBy::Name,
        SortBy::Date,
        SortBy::Coverage,
    ];

    /// The order in words.
    pub fn label(self) -> &'static str {
        match self {
            SortBy::File => "Scenario order",
            SortBy::Rank => "Rank",
            SortBy::Name => "Name",
            SortBy::Date => "Date",
            SortBy::Coverage => "Coverage",
        }
    }
}

/// Which proposals are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Filter {
    /// Every proposal.
    #[default]
    All,
    /// Proposals of one group (a proposal's "group" field).
    Group(String),
    /// Proposals no perspective's red lines rule out.
    AcceptableToAll,
    /// Proposals that the perspective with this id rules out.
    RuledOutBy(String),
    /// Proposals whose text is silent on one of that perspective's red lines: neither met
    /// nor crossed.
    NotAddressedFor(String),
}

/// The search, sort and filter of the cards.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Browse {
    /// Words every shown proposal's name, short name, group, proposer, parties or date
    /// holds (case ignored).
    pub query: String,
    /// The order shown.
    pub sort: SortBy,
    /// Which proposals are shown.
    pub filter: Filter,
}

impl Browse {
    /// True when every proposal is shown in the scenario's order.
    pub fn is_identity(&self) -> bool {
        self.query.trim().is_empty() && self.sort == SortBy::File && self.filter == Filter::All
    }
}

/// A change of the search, sort or filter.
#[derive(Clone, Debug, PartialEq)]
pub enum BrowseMsg {
    /// The search text.
    Query(String),
    /// The order.
    Sort(SortBy),
    /// The filter.
    Filter(Filter),
    /// Show every proposal in the scenario's order.
    Clear,
}

/// The proposals a search, sort and filter show, as indices into `scenario.proposals`.
pub fn shown(s: &Scenario, eval: &Evaluation, browse: &Browse) -> Vec<usize> {
    let words: Vec<String> = browse
        .query
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let ruled_out = ruled_out(s, eval, &browse.filter);
    let mut out: Vec<usize> = (0..s.proposals.len())
        .filter(|&i| {
            let p = &s.proposals[i];
            let kept = match &browse.filter {
                Filter::All => true,
                Filter::Group(g) => p.group.trim() == g.trim(),
                Filter::AcceptableToAll => !ruled_out[i],
                Filter::RuledOutBy(_) | Filter::NotAddressedFor(_) => ruled_out[i],
            };
            kept && (words.is_empty() || {
                let hay = haystack(p);
                words.iter().all(|w| hay.contains(w.as_str()))
            })
        })
        .collect();
    let key_text = |i: &usize| s.proposals[*i].name.to_lowercase();
    match browse.sort {
        SortBy::File => {}
        SortBy::Rank => out.sort_by_key(|&i| {
            eval.standings
                .get(i)
                .and_then(|x| x.rank)
                .unwrap_or(usize::MAX)
        }),
        SortBy::Name => out.sort_by_cached_key(key_text),
        SortBy::Date => out.sort_by_cached_key(|&i| {
            let d = s.proposals[i].date.trim().to_owned();
            (d.is_empty(), d)
        }),
        SortBy::Coverage => out.sort_by(|&a, &b| {
            let c = |i: usize| eval.standings.get(i).map_or(0.0, |x| x.coverage);
            c(b).total_cmp(&c(a))
        }),
    }
    out
}

/// What a search looks in, lower case.
fn haystack(p: &crate::model::Proposal) -> String {
    let mut h = format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        p.name, p.short_name, p.original_name, p.group, p.proposer, p.date
    );
    for party in &p.parties {
        h.push('\n');
        h.push_str(party);
    }
    h.to_lowercase()
}

/// Per proposal: ruled out by the filter's perspective (or, for "acceptable to all", by
/// any perspective); for "not addressed", silent on one of its red lines. Only
/// perspectives with red lines are evaluated.
fn ruled_out(s: &Scenario, eval: &Evaluation, filter: &Filter) -> Vec<bool> {
    let n = s.proposals.len();
    let mut out = vec![false; n];
    let whose: Vec<&crate::model::Perspective> = match filter {
        Filter::AcceptableToAll => s.perspectives.iter().collect(),
        Filter::RuledOutBy(id) | Filter::NotAddressedFor(id) => {
            s.perspectives.iter().filter(|v| &v.id == id).collect()
        }
        _ => return out,
    };
    let silent_only = matches!(filter, Filter::NotAddressedFor(_));
    for v in whose.into_iter().filter(|v| !v.red_lines.is_empty()) {
        let under = if eval.perspective.as_deref() == Some(v.id.as_str()) {
            Cow::Borrowed(eval)
        } else {
            Cow::Owned(eval.under(s, v))
        };
        if silent_only {
            for line in &v.red_lines {
                let Some(k) = s.criterion_index(&line.criterion) else {
                    continue;
                };
                for (p, flag) in out.iter_mut().enumerate() {
                    let value = under.score(s, k, p).and_then(|sc| sc.value);
                    *flag |= line.test(value) == crate::model::Test::NotAddressed;
                }
            }
            continue;
        }
        for (p, verdict) in under.verdicts.iter().enumerate().take(n) {
            out[p] |= matches!(verdict, Verdict::RuledOut(_));
        }
    }
    out
}

/// The proposals shown for one state of one document under one search.
#[derive(Clone, Debug, Default)]
pub(super) struct Shown {
    key: Option<(DocKey, Option<String>, Browse)>,
    order: Vec<usize>,
}

impl AppState {
    /// The search, sort and filter of the open document (a new document starts without).
    pub fn browse(&self) -> Cow<'_, Browse> {
        match &self.view.browse {
            Some((doc, b)) if *doc == self.doc.id() => Cow::Borrowed(b),
            _ => Cow::Owned(Browse::default()),
        }
    }

    /// The proposals the cards and the table show, in order.
    pub fn shown_proposals(&self) -> Cow<'_, [usize]> {
        if self.view.shown.key.as_ref() == Some(&self.shown_key()) {
            Cow::Borrowed(&self.view.shown.order)
        } else {
            Cow::Owned(shown(self.doc.scenario(), &self.eval, &self.browse()))
        }
    }

    fn shown_key(&self) -> (DocKey, Option<String>, Browse) {
        (
            self.doc.key(),
            self.perspective.clone(),
            self.browse().into_owned(),
        )
    }

    /// Brings the shown proposals up to the document, once a frame.
    pub(super) fn follow_browse(&mut self) {
        let key = self.shown_key();
        if self.view.shown.key.as_ref() != Some(&key) {
            self.view.shown.order = shown(self.doc.scenario(), &self.eval, &key.2);
            self.view.shown.key = Some(key);
        }
    }

    /// Applies a change of the search, sort or filter.
    pub(super) fn browse_msg(&mut self, msg: BrowseMsg) {
        let mut b = self.browse().into_owned();
        match msg {
            BrowseMsg::Query(q) => b.query = q,
            BrowseMsg::Sort(s) => b.sort = s,
            BrowseMsg::Filter(f) => b.filter = f,
            BrowseMsg::Clear => b = Browse::default(),
        }
        self.view.browse = Some((self.doc.id(), b));
    }

    /// Shows every proposal again when `id` is hidden by the search or filter, so that what
    /// is revealed can be seen.
    pub(super) fn unhide(&mut self, id: &str) {
        let Some(i) = self.doc.scenario().proposal_index(id) else {
            return;
        };
        if !self.shown_proposals().contains(&i) {
            self.view.browse = None;
            self.status = "The search and filter were cleared to show the proposal".into();
        }
    }
}

/// The groups proposals belong to, sorted, without the empty one.
pub fn groups(s: &Scenario) -> Vec<String> {
    let set: std::collections::BTreeSet<String> = s
        .proposals
        .iter()
        .map(|p| p.group.trim().to_owned())
        .filter(|g| !g.is_empty())
        .collect();
    set.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Proposal;
    use crate::scoring::WeightSet;

    fn scenario() -> Scenario {
        let mut s = Scenario::default();
        for (id, name, date, group) in [
            ("a", "Oslo II", "1995", "Interim"),
            ("b", "Camp David", "", "Final status"),
            ("c", "Annapolis", "2007", "Final status"),
        ] {
            let mut p = Proposal::new(id, name);
            p.date = date.into();
            p.group = group.into();
            s.proposals.push(p);
        }
        s
    }

    fn order(s: &Scenario, b: Browse) -> Vec<usize> {
        shown(s, &Evaluation::new(s, WeightSet::Base), &b)
    }

    #[test]
    fn every_word_is_found_in_any_field_case_ignored() {
        let s = scenario();
        let q = |q: &str| {
            order(
                &s,
                Browse {
                    query: q.into(),
                    ..Browse::default()
                },
            )
        };
        assert_eq!(q("final"), vec![1, 2]);
        assert_eq!(q("FINAL 2007"), vec![2]);
        assert_eq!(q("  "), vec![0, 1, 2]);
        assert!(q("oslo camp").is_empty());
    }

    #[test]
    fn dates_sort_oldest_first_and_undated_last() {
        let s = scenario();
        let by = |sort| {
            order(
                &s,
                Browse {
                    sort,
                    ..Browse::default()
                },
            )
        };
        assert_eq!(by(SortBy::Date), vec![0, 2, 1]);
        assert_eq!(by(SortBy::Name), vec![2, 1, 0]);
        let group = Browse {
            filter: Filter::Group("Final status".into()),
            ..Browse::default()
        };
        assert_eq!(order(&s, group), vec![1, 2]);
        assert_eq!(groups(&s), ["Final status", "Interim"]);
    }
}
