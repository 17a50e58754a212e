//! The quick-weights window's state: a ranking of the criteria and swing ratings, held by
//! criterion id so that adding, deleting or undoing a criterion while it is open can never
//! leave it pointing at a row that is gone.

use crate::analysis::{rank_order_centroid, swing_weights};
use crate::model::Scenario;

use super::Edit;

/// A ranking of the criteria (most important first) and a swing rating (0–100) for each.
#[derive(Clone, Debug, PartialEq)]
pub struct QuickWeights {
    /// Criterion ids, most important first.
    pub order: Vec<String>,
    /// (criterion id, rating 0–100), in the scenario's order.
    pub swings: Vec<(String, f64)>,
}

impl QuickWeights {
    /// Starts from the weights in use (`shares[k]` is criterion k's share of the weight).
    pub fn start(s: &Scenario, shares: &[f64]) -> Self {
        let share = |k: usize| shares.get(k).copied().unwrap_or(0.0);
        let mut ks: Vec<usize> = (0..s.criteria.len()).collect();
        ks.sort_by(|&a, &b| share(b).total_cmp(&share(a)).then(a.cmp(&b)));
        let max = (0..s.criteria.len())
            .map(share)
            .fold(0.0, f64::max)
            .max(1e-9);
        Self {
            order: ks.iter().map(|&k| s.criteria[k].id.clone()).collect(),
            swings: s
                .criteria
                .iter()
                .enumerate()
                .map(|(k, c)| (c.id.clone(), (share(k) / max * 100.0).round()))
                .collect(),
        }
    }

    /// Follows the scenario's criteria: drops those that are gone, adds new ones last
    /// (rated 50), keeps the swings in the scenario's order.
    pub fn reconcile(&mut self, s: &Scenario) {
        self.order.retain(|id| s.criterion_index(id).is_some());
        for c in &s.criteria {
            if !self.order.contains(&c.id) {
                self.order.push(c.id.clone());
            }
        }
        self.swings = s
            .criteria
            .iter()
            .map(|c| {
                let r = self
                    .swings
                    .iter()
                    .find(|(id, _)| *id == c.id)
                    .map_or(50.0, |(_, r)| *r);
                (c.id.clone(), r)
            })
            .collect();
    }

    /// Moves the criterion at `pos` of the ranking one place up (`up`) or down.
    pub fn move_by_one(&mut self, pos: usize, up: bool) {
        let other = if up {
            pos.checked_sub(1)
        } else {
            Some(pos + 1)
        };
        if let Some(other) = other.filter(|&o| o < self.order.len() && pos < self.order.len()) {
            self.order.swap(pos, other);
        }
    }

    /// Sets a criterion's swing rating (clamped to 0–100).
    pub fn set_swing(&mut self, id: &str, rating: f64) {
        if let Some((_, r)) = self.swings.iter_mut().find(|(i, _)| i == id) {
            *r = if rating.is_finite() {
                rating.clamp(0.0, 100.0)
            } else {
                0.0
            };
        }
    }

    /// Rank-order centroid weights from the ranking, by criterion id.
    pub fn rank_order(&self) -> Vec<(String, f64)> {
        let roc = rank_order_centroid(self.order.len());
        self.order.iter().cloned().zip(roc).collect()
    }

    /// Weights from the swing ratings, by criterion id.
    pub fn swing(&self) -> Vec<(String, f64)> {
        let ratings: Vec<f64> = self.swings.iter().map(|(_, r)| *r).collect();
        let w = swing_weights(&ratings);
        self.swings
            .iter()
            .map(|(id, _)| id.clone())
            .zip(w)
            .collect()
    }
}

/// One edit that gives each named criterion its weight (as a share, stored in percent,
/// rounded so the file stays readable; the ratios are what matter): in the perspective
/// `perspective` when one is given, else the criteria's own.
pub fn weights_edit(s: &Scenario, perspective: Option<&str>, weights: &[(String, f64)]) -> Edit {
    let percent = |w: f64| (w * 10_000.0).round() / 100.0;
    if let Some(i) = perspective.and_then(|id| s.perspective_index(id)) {
        let mut p = s.perspectives[i].clone();
        for (id, w) in weights {
            if s.criterion_index(id).is_some() {
                p.weights.insert(id.clone(), percent(*w));
            }
        }
        return Edit::SetPerspective(i, p);
    }
    let edits = weights
        .iter()
        .filter_map(|(id, w)| {
            let k = s.criterion_index(id)?;
            let mut c = s.criteria[k].clone();
            let w = percent(*w);
            ((c.weight - w).abs() > 1e-12).then(|| {
                c.weight = w;
                Edit::SetCriterion(k, c)
            })
        })
        .collect();
    Edit::Batch(edits)
}

/// What the quick-weights window asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum QuickMsg {
    /// Open it, starting from the weights in use.
    Open,
    /// Move the criterion at this position of the ranking one up.
    Up(usize),
    /// Move the criterion at this position of the ranking one down.
    Down(usize),
    /// Set the swing rating (0–100) of a criterion by id.
    Swing(String, f64),
    /// Set the weights from the ranking (rank-order centroid).
    ApplyRankOrder,
    /// Set the weights from the swing ratings.
    ApplySwing,
}

impl super::AppState {
    /// The quick-weights window: open it, rearrange it, or apply it as one undoable step.
    pub(super) fn quick_weights(&mut self, msg: QuickMsg) {
        if let QuickMsg::Open = msg {
            let q = super::QuickWeights::start(self.scenario(), &self.eval.weights);
            self.view.quick = Some(q);
            return;
        }
        let Some(q) = &mut self.view.quick else {
            return;
        };
        let (weights, label) = match msg {
            QuickMsg::Open => return,
            QuickMsg::Up(pos) => return q.move_by_one(pos, true),
            QuickMsg::Down(pos) => return q.move_by_one(pos, false),
            QuickMsg::Swing(id, r) => return q.set_swing(&id, r),
            QuickMsg::ApplyRankOrder => (q.rank_order(), "quick weights (rank order)"),
            QuickMsg::ApplySwing => (q.swing(), "quick weights (swing)"),
        };
        self.view.quick = None;
        // Under a perspective, quick weights set that perspective's weights (asked about
        // like any change of stated weights); otherwise the criteria's own.
        let edit = super::quick::weights_edit(self.scenario(), self.perspective(), &weights);
        self.update(super::Msg::Doc(super::DocMsg::Edit {
            label: label.to_owned(),
            key: None,
            edit: Box::new(edit),
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_criteria_added_and_removed_while_open() {
        let mut s = crate::synth::scenario(3, 4, 1);
        let shares = vec![0.25; 4];
        let mut q = QuickWeights::start(&s, &shares);
        assert_eq!(q.order, vec!["c0", "c1", "c2", "c3"]);
        s.criteria.remove(1);
        s.criteria.push(crate::model::Criterion::new("new", "New"));
        q.reconcile(&s);
        assert_eq!(q.order, vec!["c0", "c2", "c3", "new"]);
        assert_eq!(q.swings.len(), 4);
        q.move_by_one(3, true);
        q.move_by_one(0, true); // already first: nothing happens
        q.move_by_one(9, false); // out of range: nothing happens
        assert_eq!(q.order, vec!["c0", "c2", "new", "c3"]);
        let w = q.rank_order();
        assert_eq!(w[0].0, "c0");
        assert!((w.iter().map(|x| x.1).sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn weights_are_one_edit_by_id() {
        let mut s = crate::synth::scenario(2, 3, 1);
        let edit = weights_edit(&s, None, &[("c2".into(), 0.5), ("gone".into(), 0.5)]);
        crate::app::apply(&mut s, edit).unwrap();
        assert_eq!(s.criteria[2].weight, 50.0);
    }
}
