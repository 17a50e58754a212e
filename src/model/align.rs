//! Two proposals side by side, provision by provision: their provisions lined up by the
//! criteria they are tagged to (`Provision::criteria`), so that what one has and the
//! other lacks shows row by row.

use super::{Provision, Scenario};

/// One criterion's row: what each proposal provides on it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    /// Criterion index.
    pub criterion: usize,
    /// Provisions of the first proposal tagged to it.
    pub a: Vec<&'a Provision>,
    /// Provisions of the second proposal tagged to it.
    pub b: Vec<&'a Provision>,
}

/// The two proposals lined up.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment<'a> {
    /// Rows in criterion order, for criteria at least one of them has a provision on.
    pub rows: Vec<Row<'a>>,
    /// Provisions of the first proposal tagged to no criterion (or to unknown ones only).
    pub untagged_a: Vec<&'a Provision>,
    /// Provisions of the second proposal tagged to no criterion.
    pub untagged_b: Vec<&'a Provision>,
}

impl Alignment<'_> {
    /// Criteria (indices) the first proposal has provisions on and the second has none.
    pub fn only_a(&self) -> Vec<usize> {
        self.rows
            .iter()
            .filter(|r| !r.a.is_empty() && r.b.is_empty())
            .map(|r| r.criterion)
            .collect()
    }

    /// Criteria (indices) the second proposal has provisions on and the first has none.
    pub fn only_b(&self) -> Vec<usize> {
        self.rows
            .iter()
            .filter(|r| r.a.is_empty() && !r.b.is_empty())
            .map(|r| r.criterion)
            .collect()
    }
}

/// Lines up the provisions of proposals `a` and `b` (indices into `scenario.proposals`).
pub fn align(scenario: &Scenario, a: usize, b: usize) -> Alignment<'_> {
    let (pa, pb) = (&scenario.proposals[a], &scenario.proposals[b]);
    let tagged = |p: &Provision, id: &str| p.criteria.iter().any(|c| c == id);
    let rows = scenario
        .criteria
        .iter()
        .enumerate()
        .map(|(k, c)| Row {
            criterion: k,
            a: pa.provisions.iter().filter(|p| tagged(p, &c.id)).collect(),
            b: pb.provisions.iter().filter(|p| tagged(p, &c.id)).collect(),
        })
        .filter(|r| !r.a.is_empty() || !r.b.is_empty())
        .collect();
    let untagged = |list: &'_ [Provision]| -> Vec<usize> {
        list.iter()
            .enumerate()
            .filter(|(_, p)| {
                !p.criteria
                    .iter()
                    .any(|id| scenario.criterion_index(id).is_some())
            })
            .map(|(i, _)| i)
            .collect()
    };
    Alignment {
        rows,
        untagged_a: untagged(&pa.provisions)
            .into_iter()
            .map(|i| &pa.provisions[i])
            .collect(),
        untagged_b: untagged(&pb.provisions)
            .into_iter()
            .map(|i| &pb.provisions[i])
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lessons_api_and_confederation_line_up() {
        let s = crate::seeds::default_scenario().unwrap();
        let (api, conf) = (
            s.proposal_index("api").unwrap(),
            s.proposal_index("land-for-all").unwrap(),
        );
        let al = align(&s, api, conf);
        let borders = s.criterion_index("borders").unwrap();
        let row = al.rows.iter().find(|r| r.criterion == borders).unwrap();
        assert!(
            !row.a.is_empty() && !row.b.is_empty(),
            "both speak of borders"
        );
        // Every tagged provision appears in a row of each criterion it names.
        for p in &s.proposals[conf].provisions {
            for id in &p.criteria {
                let k = s.criterion_index(id).unwrap();
                let row = al.rows.iter().find(|r| r.criterion == k).unwrap();
                assert!(row.b.iter().any(|x| std::ptr::eq(*x, p)));
            }
        }
        // What one has and the other lacks is said both ways.
        for k in al.only_b() {
            let row = al.rows.iter().find(|r| r.criterion == k).unwrap();
            assert!(row.a.is_empty());
        }
    }
}
