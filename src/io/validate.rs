//! Checks a parsed scenario for everything serde cannot: ids, references, weights, scales.

use foldhash::{HashMap, HashMapExt, HashSet};

use super::locate::Seg;
use crate::model::{is_valid_id, Citation, Perspective, Scale, ScalePart, Scenario, ScoreValue};

/// One semantic problem: the path to the offending value, the item, and the message.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Path of the value, used to find its line:column.
    pub path: Vec<Seg>,
    /// Display name of the item, e.g. `criteria[3] "refugees"`.
    pub item: String,
    /// What is wrong.
    pub message: String,
}

/// Every semantic problem in `s`, in file order.
pub fn validate(s: &Scenario) -> Vec<Finding> {
    let mut v = Validator::default();
    v.scenario(s);
    v.out
}

#[derive(Default)]
struct Validator {
    out: Vec<Finding>,
}

fn f(name: &str) -> Seg {
    Seg::field(name)
}

/// The path of `rest` inside entry `i` of the list field `list`.
fn entry(list: &str, i: usize, rest: &[Seg]) -> Vec<Seg> {
    let mut v = vec![f(list), Seg::Index(i)];
    v.extend_from_slice(rest);
    v
}

fn path(parts: &[Seg]) -> Vec<Seg> {
    parts.to_vec()
}

impl Validator {
    fn push(&mut self, path: Vec<Seg>, item: String, message: String) {
        self.out.push(Finding {
            path,
            item,
            message,
        });
    }

    fn scenario(&mut self, s: &Scenario) {
        if s.title.trim().is_empty() {
            self.push(
                path(&[f("title")]),
                "title".into(),
                "the scenario needs a title".into(),
            );
        }
        let sources: HashSet<&str> = s.sources.iter().map(|x| x.id.as_str()).collect();
        let criteria: HashSet<&str> = s.criteria.iter().map(|x| x.id.as_str()).collect();

        self.ids(
            "sources",
            s.sources.iter().map(|x| (x.id.as_str(), x.title.as_str())),
            "title",
        );
        self.ids(
            "proposals",
            s.proposals.iter().map(|x| (x.id.as_str(), x.name.as_str())),
            "name",
        );
        self.ids(
            "criteria",
            s.criteria.iter().map(|x| (x.id.as_str(), x.name.as_str())),
            "name",
        );
        self.ids(
            "perspectives",
            s.perspectives
                .iter()
                .map(|x| (x.id.as_str(), x.name.as_str())),
            "name",
        );

        for (i, p) in s.proposals.iter().enumerate() {
            let item = format!("proposals[{i}] {:?}", p.id);
            let at = |rest: &[Seg]| entry("proposals", i, rest);
            if !p.colour.is_empty() && p.rgb().is_none() {
                self.push(
                    at(&[f("colour")]),
                    item.clone(),
                    format!(
                        "colour {:?} must be written #rrggbb, e.g. \"#1f77b4\"",
                        p.colour
                    ),
                );
            }
            for (j, prov) in p.provisions.iter().enumerate() {
                for (k, c) in prov.criteria.iter().enumerate() {
                    if !criteria.contains(c.as_str()) {
                        self.push(
                            at(&[f("provisions"), Seg::Index(j), f("criteria"), Seg::Index(k)]),
                            item.clone(),
                            format!("provision {j} names criterion {c:?}, which does not exist"),
                        );
                    }
                }
            }
            self.citations(&sources, &p.sources, at(&[f("sources")]), &item);
        }

        for (i, c) in s.criteria.iter().enumerate() {
            let item = format!("criteria[{i}] {:?}", c.id);
            let at = |rest: &[Seg]| entry("criteria", i, rest);
            if let Some(msg) = weight_problem(c.weight) {
                self.push(at(&[f("weight")]), item.clone(), msg);
            }
            for (part, msg) in c.scale.problems() {
                let path = match part {
                    ScalePart::Min => at(&[f("scale"), f("min")]),
                    ScalePart::Step => at(&[f("scale"), f("step")]),
                    ScalePart::Whole => at(&[f("scale")]),
                    ScalePart::Level(j) => at(&[f("scale"), Seg::Index(0), Seg::Index(j)]),
                };
                self.push(path, item.clone(), msg);
            }
        }

        for (i, p) in s.perspectives.iter().enumerate() {
            let item = format!("perspectives[{i}] {:?}", p.id);
            let at = |rest: &[Seg]| entry("perspectives", i, rest);
            for (cid, &w) in &p.weights {
                let key = Seg::Key(cid.clone());
                if !criteria.contains(cid.as_str()) {
                    self.push(
                        at(&[f("weights"), key.clone()]),
                        item.clone(),
                        format!("weight given for criterion {cid:?}, which does not exist"),
                    );
                }
                if let Some(msg) = weight_problem(w) {
                    self.push(
                        at(&[f("weights"), key]),
                        item.clone(),
                        format!("{msg} (criterion {cid:?})"),
                    );
                }
            }
            for (j, cid) in p.prefers_less.iter().enumerate() {
                if !criteria.contains(cid.as_str()) {
                    self.push(
                        at(&[f("prefers_less"), Seg::Index(j)]),
                        item.clone(),
                        format!("prefers less of criterion {cid:?}, which does not exist"),
                    );
                } else if p.prefers_less[..j].contains(cid) {
                    self.push(
                        at(&[f("prefers_less"), Seg::Index(j)]),
                        item.clone(),
                        format!("criterion {cid:?} is listed twice in prefers_less"),
                    );
                }
            }
            self.citations(&sources, &p.sources, at(&[f("sources")]), &item);
            self.red_lines(s, p, &sources, &at, &item);
            self.readings(s, p, &sources, &at, &item);
        }
        if let Some(id) = &s.chosen_perspective {
            if s.perspective_by_id(id).is_none() {
                self.push(
                    path(&[f("chosen_perspective")]),
                    "chosen_perspective".into(),
                    format!("names perspective {id:?}, which does not exist"),
                );
            }
        }

        let crit_index = s.criterion_indices();
        let prop_index = s.proposal_indices();
        let mut seen = CellSet::new(s.criteria.len(), s.proposals.len(), s.scores.len());
        for (i, sc) in s.scores.iter().enumerate() {
            // Built only when a problem is found: files can hold hundreds of thousands of cells.
            let item = || format!("scores[{i}] ({} × {})", sc.criterion, sc.proposal);
            let at = |rest: &[Seg]| entry("scores", i, rest);
            let p = prop_index.get(sc.proposal.as_str()).copied();
            if p.is_none() {
                self.push(
                    at(&[f("proposal")]),
                    item(),
                    format!("names proposal {:?}, which does not exist", sc.proposal),
                );
            }
            let c = crit_index.get(sc.criterion.as_str()).copied();
            match c {
                None => self.push(
                    at(&[f("criterion")]),
                    item(),
                    format!("names criterion {:?}, which does not exist", sc.criterion),
                ),
                Some(c) => {
                    if let Some(value) = sc.value {
                        if let Some(msg) = value_problem(&s.criteria[c].scale, value) {
                            self.push(at(&[f("value")]), item(), msg);
                        }
                    }
                }
            }
            let first = match (c, p) {
                (Some(c), Some(p)) => seen.insert(c, p, i),
                _ => None,
            };
            if let Some(first) = first {
                self.push(
                    at(&[]),
                    item(),
                    format!("the same cell is already scored at scores[{first}]"),
                );
            }
            if sc
                .evidence
                .iter()
                .any(|c| !sources.contains(c.source.as_str()))
            {
                self.citations(&sources, &sc.evidence, at(&[f("evidence")]), &item());
            }
        }
    }

    fn ids<'a>(
        &mut self,
        list: &str,
        items: impl Iterator<Item = (&'a str, &'a str)>,
        name_field: &str,
    ) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, (id, name)) in items.enumerate() {
            let item = format!("{list}[{i}] {id:?}");
            let at = |field: &str| vec![f(list), Seg::Index(i), f(field)];
            if !is_valid_id(id) {
                self.push(
                    at("id"),
                    item.clone(),
                    format!(
                        "id {id:?} must be a slug: lowercase letters, digits, '-' or '_', \
                         starting with a letter or digit"
                    ),
                );
            }
            if let Some(first) = seen.insert(id, i) {
                self.push(
                    at("id"),
                    item.clone(),
                    format!("duplicate id {id:?}: {list}[{first}] already uses it"),
                );
            }
            if name.trim().is_empty() {
                self.push(
                    at(name_field),
                    item,
                    format!("{name_field} must not be empty"),
                );
            }
        }
    }

    /// A perspective's red lines: known criteria, one per criterion, fitting the scale.
    fn red_lines(
        &mut self,
        s: &Scenario,
        p: &Perspective,
        sources: &HashSet<&str>,
        at: &dyn Fn(&[Seg]) -> Vec<Seg>,
        item: &str,
    ) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (j, line) in p.red_lines.iter().enumerate() {
            let here = |rest: &[Seg]| at(&entry("red_lines", j, rest));
            match s.criteria.iter().find(|c| c.id == line.criterion) {
                None => self.push(
                    here(&[f("criterion")]),
                    item.to_owned(),
                    format!(
                        "red line on criterion {:?}, which does not exist",
                        line.criterion
                    ),
                ),
                Some(c) => {
                    if let Some(why) = line.accepts.problem(&c.scale) {
                        self.push(
                            here(&[f("accepts")]),
                            item.to_owned(),
                            format!("red line on {:?}: {why}", c.id),
                        );
                    }
                }
            }
            if let Some(first) = seen.insert(line.criterion.as_str(), j) {
                self.push(
                    here(&[f("criterion")]),
                    item.to_owned(),
                    format!(
                        "a second red line on criterion {:?} (the first is red_lines[{first}]); \
                         a perspective has one per criterion",
                        line.criterion
                    ),
                );
            }
            self.citations(sources, &line.evidence, here(&[f("evidence")]), item);
        }
    }

    /// A perspective's own readings: cells of known items, values on the scale, one each.
    fn readings(
        &mut self,
        s: &Scenario,
        p: &Perspective,
        sources: &HashSet<&str>,
        at: &dyn Fn(&[Seg]) -> Vec<Seg>,
        item: &str,
    ) {
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for (j, r) in p.readings.iter().enumerate() {
            let here = |rest: &[Seg]| at(&entry("readings", j, rest));
            if s.proposal_index(&r.proposal).is_none() {
                self.push(
                    here(&[f("proposal")]),
                    item.to_owned(),
                    format!(
                        "reading of a cell of proposal {:?}, which does not exist",
                        r.proposal
                    ),
                );
            }
            match s.criteria.iter().find(|c| c.id == r.criterion) {
                None => self.push(
                    here(&[f("criterion")]),
                    item.to_owned(),
                    format!(
                        "reading of a cell of criterion {:?}, which does not exist",
                        r.criterion
                    ),
                ),
                Some(c) => {
                    if let Some(msg) = r.value.and_then(|v| value_problem(&c.scale, v)) {
                        self.push(here(&[f("value")]), item.to_owned(), msg);
                    }
                }
            }
            if let Some(first) = seen.insert((r.criterion.as_str(), r.proposal.as_str()), j) {
                self.push(
                    here(&[]),
                    item.to_owned(),
                    format!("this cell already has a reading at readings[{first}]"),
                );
            }
            self.citations(sources, &r.evidence, here(&[f("evidence")]), item);
        }
    }

    fn citations(
        &mut self,
        sources: &HashSet<&str>,
        citations: &[Citation],
        base: Vec<Seg>,
        item: &str,
    ) {
        for (j, c) in citations.iter().enumerate() {
            if !sources.contains(c.source.as_str()) {
                let mut at = base.clone();
                at.extend([Seg::Index(j), f("source")]);
                self.push(
                    at,
                    item.to_owned(),
                    format!(
                        "cites source {:?}, which is not in the bibliography (sources)",
                        c.source
                    ),
                );
            }
        }
    }
}

/// Which cells have been seen, and where: dense when the table is mostly filled.
enum CellSet {
    Dense { n_p: usize, first: Vec<u32> },
    Sparse(HashMap<(usize, usize), usize>),
}

impl CellSet {
    fn new(n_c: usize, n_p: usize, n_scores: usize) -> Self {
        let cells = n_c.saturating_mul(n_p);
        if cells <= n_scores.saturating_mul(4).saturating_add(4096) && n_scores < u32::MAX as usize
        {
            CellSet::Dense {
                n_p,
                first: vec![u32::MAX; cells],
            }
        } else {
            CellSet::Sparse(HashMap::new())
        }
    }

    /// Records cell (c, p) as seen at `index`; returns where it was seen first, if before.
    fn insert(&mut self, c: usize, p: usize, index: usize) -> Option<usize> {
        match self {
            CellSet::Dense { n_p, first } => {
                let slot = &mut first[c * *n_p + p];
                if *slot == u32::MAX {
                    *slot = index as u32;
                    None
                } else {
                    Some(*slot as usize)
                }
            }
            CellSet::Sparse(map) => match map.entry((c, p)) {
                std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(index);
                    None
                }
            },
        }
    }
}

/// Why a weight is not acceptable, if it is not.
fn weight_problem(w: f64) -> Option<String> {
    if w.is_nan() {
        Some("weight is NaN; it must be a number ≥ 0".into())
    } else if w.is_infinite() {
        Some(format!("weight {w} must be finite"))
    } else if w < 0.0 {
        Some(format!("weight {w} must be ≥ 0"))
    } else {
        None
    }
}

/// Why a value does not fit a scale, if it does not (see `Scale::value_problem`).
pub fn value_problem(scale: &Scale, value: ScoreValue) -> Option<String> {
    scale.value_problem(value)
}
