//! File ▸ Import table…: a table read into a dialog whose mapping (which way the table runs,
//! the name column, which columns become criteria) the user changes with a live preview;
//! the result opens as a new scenario, or its rows are added to the open one as one
//! undoable step.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{AppState, Dialog, Edit, Pending};
use crate::io::import::{build, read_table, sheet_names, suggest, Inferred, Mapping, Table};
use crate::model::Scenario;

/// The import dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportState {
    /// The file read.
    pub path: PathBuf,
    /// The table as read (rows are the file's rows).
    read: Arc<Table>,
    /// The table as mapped: turned round when proposals run across the columns.
    pub table: Arc<Table>,
    /// What each column becomes.
    pub mapping: Mapping,
    /// A workbook's sheets (the one read is `table.sheet`); `None` for delimited text.
    pub sheets: Option<Vec<String>>,
    /// Per column of `table`, the scales its values fit (none for text), worked out once
    /// per table rather than every frame.
    pub scales: Arc<Vec<Vec<Inferred>>>,
}

/// The scales of every column of `t`.
fn scales_of(t: &Table) -> Arc<Vec<Vec<Inferred>>> {
    Arc::new(
        (0..t.header.len())
            .map(|c| crate::io::import::scales(&t.column(c)))
            .collect(),
    )
}

impl ImportState {
    /// What the mapping makes, in words, and how many cells would be scored.
    pub fn preview(&self) -> Vec<String> {
        crate::io::import::describe(&self.table, &self.mapping)
    }

    /// The scenario the mapping makes.
    pub fn scenario(&self) -> Scenario {
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        build(&self.table, &self.mapping, &name)
    }
}

/// A change to the import dialog's mapping.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportMsg {
    /// Proposals run down the rows (true) or across the columns.
    ProposalsAsRows(bool),
    /// The column of the proposals' names.
    Name(usize),
    /// Make a column a criterion, or leave it out.
    Criterion(usize, bool),
    /// Read a criterion's column on another scale.
    Scale(usize, Inferred),
    /// Whether a lower value of a criterion's column is better.
    LowerIsBetter(usize, bool),
    /// Keep a column's text as each proposal's provisions, or not.
    Provisions(usize, bool),
    /// The column of the proposals' dates, if any.
    Date(Option<usize>),
    /// The column of the proposals' ids in the dataset, if any.
    Id(Option<usize>),
    /// The column of the proposals' groups, if any.
    Group(Option<usize>),
    /// Read another sheet of the workbook.
    Sheet(String),
    /// Open the result as a new scenario.
    AsNew,
    /// Add the rows to the open scenario.
    AddToOpen,
}

impl AppState {
    /// Reads `path` and opens the import dialog; a file that is no table is said, and
    /// nothing changes.
    pub fn import_table(&mut self, path: &Path) {
        match read_table(path, None) {
            Ok(t) => self.import_read(path.to_owned(), Arc::new(t), sheet_names(path)),
            Err(e) => self.status = format!("Not imported: {e}"),
        }
    }

    /// Opens the import dialog on a table read from `path` (a workbook's `sheets` listed).
    pub(super) fn import_read(
        &mut self,
        path: PathBuf,
        t: Arc<Table>,
        sheets: Option<Vec<String>>,
    ) {
        self.dialog = Some(Dialog::Import(Box::new(ImportState {
            path,
            mapping: suggest(&t),
            read: Arc::clone(&t),
            scales: scales_of(&t),
            table: t,
            sheets,
        })));
    }

    /// Applies a change of the import dialog.
    pub fn import_msg(&mut self, msg: ImportMsg) {
        let Some(Dialog::Import(state)) = &mut self.dialog else {
            return;
        };
        match msg {
            ImportMsg::ProposalsAsRows(rows) => {
                state.table = if rows {
                    Arc::clone(&state.read)
                } else {
                    Arc::new(state.read.transposed())
                };
                state.scales = scales_of(&state.table);
                state.mapping = suggest(&state.table);
                state.mapping.proposals_as_rows = rows;
            }
            ImportMsg::Sheet(name) => match read_table(&state.path, Some(&name)) {
                Ok(t) => {
                    let t = Arc::new(t);
                    state.mapping = suggest(&t);
                    state.read = Arc::clone(&t);
                    state.scales = scales_of(&t);
                    state.table = t;
                }
                Err(e) => self.status = format!("Sheet {name} not read: {e}"),
            },
            ImportMsg::Name(c) if c < state.table.header.len() => {
                free(&mut state.mapping, c);
                state.mapping.name = c;
            }
            ImportMsg::Criterion(c, on)
                if c < state.table.header.len() && c != state.mapping.name =>
            {
                let kind = state.scales.get(c).and_then(|k| k.first()).cloned();
                if let Some(kind) = kind.filter(|_| on) {
                    free(&mut state.mapping, c);
                    state.mapping.criteria.push((c, kind));
                    state.mapping.criteria.sort_by_key(|(x, _)| *x);
                    if crate::io::import::guess_lower_is_better(&state.table.header[c]) {
                        state.mapping.lower_is_better.push(c);
                        state.mapping.lower_is_better.sort_unstable();
                    }
                } else {
                    state.mapping.criteria.retain(|(x, _)| *x != c);
                    state.mapping.lower_is_better.retain(|&x| x != c);
                }
            }
            ImportMsg::Scale(c, kind) => {
                let fits = state.scales.get(c).is_some_and(|k| k.contains(&kind));
                if let Some(entry) = state.mapping.criteria.iter_mut().find(|(x, _)| *x == c) {
                    if fits {
                        entry.1 = kind;
                    }
                }
            }
            ImportMsg::LowerIsBetter(c, lower) => {
                let m = &mut state.mapping;
                m.lower_is_better.retain(|&x| x != c);
                if lower && m.criteria.iter().any(|(x, _)| *x == c) {
                    m.lower_is_better.push(c);
                    m.lower_is_better.sort_unstable();
                }
            }
            ImportMsg::Provisions(c, on)
                if c < state.table.header.len() && c != state.mapping.name =>
            {
                if on {
                    free(&mut state.mapping, c);
                    state.mapping.provisions.push(c);
                    state.mapping.provisions.sort_unstable();
                } else {
                    state.mapping.provisions.retain(|&x| x != c);
                }
            }
            ImportMsg::Date(c) | ImportMsg::Id(c) | ImportMsg::Group(c)
                if c.is_none_or(|c| c < state.table.header.len() && c != state.mapping.name) =>
            {
                if let Some(c) = c {
                    free(&mut state.mapping, c);
                }
                let m = &mut state.mapping;
                match msg {
                    ImportMsg::Date(_) => m.date = c,
                    ImportMsg::Id(_) => m.id = c,
                    _ => m.group = c,
                }
            }
            ImportMsg::Name(_)
            | ImportMsg::Criterion(..)
            | ImportMsg::Provisions(..)
            | ImportMsg::Date(_)
            | ImportMsg::Id(_)
            | ImportMsg::Group(_) => {}
            ImportMsg::AsNew => {
                let s = state.scenario();
                self.dialog = None;
                self.request(Pending::Import(Box::new(s)));
            }
            ImportMsg::AddToOpen => {
                let imported = state.scenario();
                self.dialog = None;
                let n = imported.proposals.len();
                let merged = merge(self.doc.scenario(), imported);
                self.edit(
                    format!("add {n} imported proposal{}", if n == 1 { "" } else { "s" }),
                    None,
                    Edit::ReplaceScenario(Box::new(merged)),
                );
                self.status = format!("Added {n} imported proposals (Ctrl+Z undoes)");
            }
        }
    }
}

/// Column `c` taken from whatever it was (a column plays one part at a time; the name
/// column is changed only by choosing another).
fn free(m: &mut Mapping, c: usize) {
    m.criteria.retain(|(x, _)| *x != c);
    m.provisions.retain(|&x| x != c);
    for slot in [&mut m.date, &mut m.id, &mut m.group] {
        if *slot == Some(c) {
            *slot = None;
        }
    }
}

/// `open` with `imported`'s source, criteria (reused when one of the same id and scale is
/// there), proposals and scores added; every id kept distinct.
pub fn merge(open: &Scenario, imported: Scenario) -> Scenario {
    let mut s = open.clone();
    let mut rename = std::collections::HashMap::new();
    for src in imported.sources {
        let id = s.fresh_id(&src.id);
        rename.insert(src.id.clone(), id.clone());
        s.sources.push(crate::model::Source { id, ..src });
    }
    let mut criteria = std::collections::HashMap::new();
    for c in imported.criteria {
        match s
            .criteria
            .iter()
            .find(|x| x.id == c.id && x.scale == c.scale)
        {
            Some(x) => {
                criteria.insert(c.id.clone(), x.id.clone());
            }
            None => {
                let id = s.fresh_id(&c.id);
                criteria.insert(c.id.clone(), id.clone());
                s.criteria.push(crate::model::Criterion { id, ..c });
            }
        }
    }
    let mut proposals = std::collections::HashMap::new();
    for mut p in imported.proposals {
        let id = s.fresh_id(&p.id);
        proposals.insert(p.id.clone(), id.clone());
        for c in &mut p.sources {
            if let Some(new) = rename.get(&c.source) {
                c.source = new.clone();
            }
        }
        p.id = id;
        s.proposals.push(p);
    }
    for mut sc in imported.scores {
        if let (Some(c), Some(p)) = (criteria.get(&sc.criterion), proposals.get(&sc.proposal)) {
            sc.criterion = c.clone();
            sc.proposal = p.clone();
            s.scores.push(sc);
        }
    }
    s.sort_scores();
    s
}
