//! The monkey test: random sequences of messages (every edit kind, undo, redo, delete, add,
//! opening each bundled lesson, perspectives, quick weights, the presentation, the
//! analysis) applied to the app, with a frame of the real window drawn after each. After
//! every step the scenario is valid and survives a save and reload unchanged; nothing
//! panics; the analysis never describes another document; and undoing everything goes back
//! to the document as it was opened, byte for byte.
//!
//! `cargo test --test monkey` runs 250 sequences; for a longer run:
//! `PROPTEST_CASES=5000 cargo test --release --test monkey`.

mod common;

use concord::app::{AnalysisMsg, DialogMsg, DocMsg, FileMsg, SelectMsg};
use std::cell::RefCell;

use concord::app::{
    Command, Edit, Msg, Pending, PresentCommand, QuickMsg, Selection, StatedChoice,
};
use concord::io::{load_str, to_ron_string, validate};
use concord::model::{Scale, Scenario, Score, ScoreValue};
use concord::seeds::BUNDLED;
use concord::ui::ConcordApp;
use egui_kittest::Harness;
use proptest::prelude::*;

type H = Harness<'static, ConcordApp>;

/// One random step; numbers pick an item among those that exist when the step runs.
#[derive(Clone, Debug)]
enum Op {
    Score(u8, u8, u8),
    Weight(u8, u8),
    PerspectiveWeight(u8, u8, u8),
    Rename(u8),
    Retitle,
    MoveProposal(u8, u8),
    MoveCriterion(u8, u8),
    AddProposal,
    AddCriterion,
    DuplicateProposal(u8),
    DuplicateCriterion(u8),
    DeleteProposal(u8),
    DeleteCriterion(u8),
    SelectAndDelete(u8, u8, u8),
    AddSource,
    RemoveSource(u8),
    AddPerspective,
    RemovePerspective(u8),
    ChoosePerspective(u8),
    Undo,
    Redo,
    OpenBundled(u8),
    QuickOpen,
    QuickUp(u8),
    QuickApply(bool),
    QuickClose,
    Present,
    PresentStep(u8),
    ToggleAnalysis,
    ToggleEveryone,
    AnswerStated(u8),
}

fn op() -> impl Strategy<Value = Op> {
    let n = any::<u8>;
    prop_oneof![
        4 => (n(), n(), n()).prop_map(|(a, b, c)| Op::Score(a, b, c)),
        3 => (n(), n()).prop_map(|(a, b)| Op::Weight(a, b)),
        2 => (n(), n(), n()).prop_map(|(a, b, c)| Op::PerspectiveWeight(a, b, c)),
        1 => n().prop_map(Op::Rename),
        1 => Just(Op::Retitle),
        1 => (n(), n()).prop_map(|(a, b)| Op::MoveProposal(a, b)),
        1 => (n(), n()).prop_map(|(a, b)| Op::MoveCriterion(a, b)),
        1 => Just(Op::AddProposal),
        1 => Just(Op::AddCriterion),
        1 => n().prop_map(Op::DuplicateProposal),
        1 => n().prop_map(Op::DuplicateCriterion),
        2 => n().prop_map(Op::DeleteProposal),
        2 => n().prop_map(Op::DeleteCriterion),
        2 => (n(), n(), n()).prop_map(|(a, b, c)| Op::SelectAndDelete(a, b, c)),
        1 => Just(Op::AddSource),
        1 => n().prop_map(Op::RemoveSource),
        1 => Just(Op::AddPerspective),
        1 => n().prop_map(Op::RemovePerspective),
        2 => n().prop_map(Op::ChoosePerspective),
        4 => Just(Op::Undo),
        2 => Just(Op::Redo),
        1 => n().prop_map(Op::OpenBundled),
        1 => Just(Op::QuickOpen),
        1 => n().prop_map(Op::QuickUp),
        1 => any::<bool>().prop_map(Op::QuickApply),
        1 => Just(Op::QuickClose),
        1 => Just(Op::Present),
        2 => n().prop_map(Op::PresentStep),
        2 => Just(Op::ToggleAnalysis),
        2 => Just(Op::ToggleEveryone),
        2 => n().prop_map(Op::AnswerStated),
    ]
}

/// Item `pick` of `n` (none when there are none).
fn nth(pick: u8, n: usize) -> Option<usize> {
    (n > 0).then(|| usize::from(pick) % n)
}

/// A value that fits criterion k's scale, or none to clear the cell.
fn value_for(scale: &Scale, pick: u8) -> Option<ScoreValue> {
    if pick.is_multiple_of(7) {
        return None;
    }
    Some(match scale {
        Scale::Numeric { min, max, .. } => {
            ScoreValue::Number(min + (max - min) * f64::from(pick) / 255.0)
        }
        Scale::Levels(l) => ScoreValue::Level(u32::from(pick) % l.len().max(1) as u32),
        Scale::YesNo => ScoreValue::Bool(pick.is_multiple_of(2)),
    })
}

/// The messages a step sends, read against the state as it is now.
fn messages(op: &Op, app: &ConcordApp) -> Vec<Msg> {
    let state = &app.state;
    let s = state.scenario();
    let edit = |label: &str, edit: Edit| {
        Msg::Doc(DocMsg::Edit {
            label: label.to_owned(),
            key: None,
            edit: Box::new(edit),
        })
    };
    let (np, nc) = (s.proposals.len(), s.criteria.len());
    let msg = match *op {
        Op::Score(c, p, v) => match (nth(c, nc), nth(p, np)) {
            (Some(k), Some(i)) => {
                let (cid, pid) = (s.criteria[k].id.clone(), s.proposals[i].id.clone());
                let mut score = s.score(&cid, &pid).cloned().unwrap_or(Score {
                    criterion: cid.clone(),
                    proposal: pid.clone(),
                    ..Score::default()
                });
                score.value = value_for(&s.criteria[k].scale, v);
                let cell = (!score.is_empty()).then_some(score);
                edit("score", Edit::SetScore(cid, pid, cell))
            }
            _ => return vec![],
        },
        Op::Weight(c, w) => match nth(c, nc) {
            Some(k) => {
                let mut crit = s.criteria[k].clone();
                crit.weight = f64::from(w) / 10.0;
                Msg::Doc(DocMsg::Edit {
                    label: "weight".into(),
                    key: Some(format!("weight:{}", crit.id)),
                    edit: Box::new(Edit::SetCriterion(k, crit)),
                })
            }
            None => return vec![],
        },
        Op::PerspectiveWeight(p, c, w) => match (nth(p, s.perspectives.len()), nth(c, nc)) {
            (Some(j), Some(k)) => {
                let mut persp = s.perspectives[j].clone();
                persp
                    .weights
                    .insert(s.criteria[k].id.clone(), f64::from(w) / 10.0);
                edit("perspective weight", Edit::SetPerspective(j, persp))
            }
            _ => return vec![],
        },
        Op::Rename(p) => match nth(p, np) {
            Some(i) => {
                let mut prop = s.proposals[i].clone();
                prop.name.push_str(" (renamed)");
                edit("rename", Edit::SetProposal(i, prop))
            }
            None => return vec![],
        },
        Op::Retitle => {
            let mut meta = concord::app::Meta::of(s);
            meta.title.push('!');
            edit("title", Edit::SetMeta(meta))
        }
        Op::MoveProposal(a, b) => match (nth(a, np), nth(b, np)) {
            (Some(a), Some(b)) => edit("move", Edit::MoveProposal(a, b)),
            _ => return vec![],
        },
        Op::MoveCriterion(a, b) => match (nth(a, nc), nth(b, nc)) {
            (Some(a), Some(b)) => edit("move", Edit::MoveCriterion(a, b)),
            _ => return vec![],
        },
        Op::AddProposal => Msg::Command(Command::AddProposal),
        Op::AddCriterion => Msg::Command(Command::AddCriterion),
        Op::DuplicateProposal(p) => match nth(p, np) {
            Some(i) => Msg::Doc(DocMsg::DuplicateProposal(i)),
            None => return vec![],
        },
        Op::DuplicateCriterion(c) => match nth(c, nc) {
            Some(k) => Msg::Doc(DocMsg::DuplicateCriterion(k)),
            None => return vec![],
        },
        Op::DeleteProposal(p) => match nth(p, np) {
            Some(i) => Msg::Doc(DocMsg::DeleteProposal(i)),
            None => return vec![],
        },
        Op::DeleteCriterion(c) => match nth(c, nc) {
            Some(k) => Msg::Doc(DocMsg::DeleteCriterion(k)),
            None => return vec![],
        },
        Op::SelectAndDelete(kind, a, b) => {
            let selection = match kind % 3 {
                0 => nth(a, np).map(|i| Selection::Proposal(s.proposals[i].id.clone())),
                1 => nth(a, nc).map(|k| Selection::Criterion(s.criteria[k].id.clone())),
                _ => nth(a, nc).zip(nth(b, np)).map(|(k, i)| {
                    Selection::Cell(s.criteria[k].id.clone(), s.proposals[i].id.clone())
                }),
            };
            let Some(selection) = selection else {
                return vec![];
            };
            return vec![
                Msg::Selection(SelectMsg::Select(selection)),
                Msg::Command(Command::DeleteSelection),
            ];
        }
        Op::AddSource => Msg::Doc(DocMsg::AddSource),
        Op::RemoveSource(i) => match nth(i, s.sources.len()) {
            Some(i) => edit("remove source", Edit::RemoveSource(i)),
            None => return vec![],
        },
        Op::AddPerspective => Msg::Doc(DocMsg::AddPerspective),
        Op::RemovePerspective(i) => match nth(i, s.perspectives.len()) {
            Some(i) => edit("remove perspective", Edit::RemovePerspective(i)),
            None => return vec![],
        },
        Op::ChoosePerspective(i) => Msg::Doc(DocMsg::SetPerspective(
            nth(i, s.perspectives.len() + 1)
                .and_then(|j| s.perspectives.get(j))
                .map(|p| p.id.clone()),
        )),
        Op::Undo => Msg::Command(Command::Undo),
        Op::Redo => Msg::Command(Command::Redo),
        Op::OpenBundled(i) => {
            let i = usize::from(i) % BUNDLED.len();
            // Discard the changes if asked ("Don't save").
            return vec![
                Msg::File(FileMsg::Request(Pending::New(i))),
                Msg::File(FileMsg::AnswerUnsaved(Some(false))),
            ];
        }
        Op::QuickOpen => Msg::Analysis(AnalysisMsg::Quick(QuickMsg::Open)),
        Op::QuickUp(pos) => Msg::Analysis(AnalysisMsg::Quick(QuickMsg::Up(
            usize::from(pos) % (nc + 1),
        ))),
        Op::QuickApply(rank) => Msg::Analysis(AnalysisMsg::Quick(if rank {
            QuickMsg::ApplyRankOrder
        } else {
            QuickMsg::ApplySwing
        })),
        Op::QuickClose => Msg::Analysis(AnalysisMsg::CloseQuick),
        Op::Present => Msg::Command(Command::Present),
        Op::PresentStep(k) => Msg::Present(match k % 6 {
            0 => PresentCommand::Back,
            1 => PresentCommand::Previous,
            2 => PresentCommand::Last,
            3 => PresentCommand::Spotlight(usize::from(k) % 10),
            _ => PresentCommand::Next,
        }),
        Op::ToggleAnalysis => Msg::Command(Command::WhyRanking),
        Op::ToggleEveryone => Msg::Command(Command::EveryoneAtOnce),
        Op::AnswerStated(k) => Msg::Doc(DocMsg::AnswerStated(match k % 3 {
            0 => StatedChoice::MyOwn,
            1 => StatedChoice::ChangeIt,
            _ => StatedChoice::Cancel,
        })),
    };
    vec![msg]
}

/// The scenario as saved: canonical RON text.
fn saved_text(s: &Scenario) -> String {
    let mut s = s.clone();
    s.sort_scores();
    to_ron_string(&s).expect("every scenario serialises")
}

thread_local! {
    /// One window for every sequence of a thread (its fonts load once); each sequence
    /// starts it afresh on the default lesson.
    static WINDOW: RefCell<Option<H>> = const { RefCell::new(None) };
}

fn with_window<T>(f: impl FnOnce(&mut H) -> T) -> T {
    WINDOW.with(|w| {
        let mut w = w.borrow_mut();
        let h = w.get_or_insert_with(|| {
            common::start(
                common::builder(egui::vec2(1280.0, 800.0)),
                common::options(None),
                concord::app::Prefs::default(),
            )
        });
        let ctx = h.ctx.clone();
        *h.state_mut() = ConcordApp::for_tests(&ctx);
        // Rank acceptability runs inline here: fewer draws keep a sequence quick.
        h.state_mut().analysis.options.draws = 500;
        h.run();
        f(h)
    })
}

fn check(h: &H, step: usize, op: &Op) -> Result<(), TestCaseError> {
    let state = &h.state().state;
    let s = state.scenario();
    let findings = validate(s);
    prop_assert!(
        findings.is_empty(),
        "step {step} ({op:?}) left an invalid scenario: {findings:?}"
    );
    let text = saved_text(s);
    let reloaded = load_str("<monkey>", &text);
    prop_assert!(
        reloaded.is_ok(),
        "step {step} ({op:?}): {:?}",
        reloaded.err()
    );
    let mut expected = s.clone();
    expected.sort_scores();
    prop_assert_eq!(
        reloaded.unwrap(),
        expected,
        "step {} ({:?}) reload differs",
        step,
        op
    );
    // With fewer than two proposals or no criterion, the analysis says so instead.
    let analysable = s.proposals.len() >= 2 && !s.criteria.is_empty();
    if state.shows_analysis() && state.presenter().is_none() && analysable {
        let shown = h.state().analysis.cached_for();
        prop_assert_eq!(
            shown,
            Some(state.doc().key()),
            "step {} ({:?}): the analysis describes another document",
            step,
            op
        );
    }
    Ok(())
}

fn run_sequence(ops: &[Op]) -> Result<(), TestCaseError> {
    with_window(|h| {
        // The document as last opened, and its identity.
        let mut opened = (
            h.state().state.doc().id(),
            saved_text(h.state().state.scenario()),
        );
        for (step, op) in ops.iter().enumerate() {
            let msgs = messages(op, h.state());
            h.state_mut().state.update_all(msgs);
            h.run();
            let doc = &h.state().state.doc();
            if doc.id() != opened.0 {
                opened = (doc.id(), saved_text(doc.scenario()));
            }
            check(h, step, op)?;
        }
        // Undo everything: back to the document as opened, byte for byte.
        let state = &mut h.state_mut().state;
        state.update(Msg::Analysis(AnalysisMsg::CloseQuick));
        state.update(Msg::Dialog(DialogMsg::CloseDialog));
        while state.presenter().is_some() {
            state.update(Msg::Present(PresentCommand::Back));
        }
        while state.history().undo_label().is_some() {
            state.undo();
        }
        prop_assert_eq!(state.doc().id(), opened.0);
        prop_assert_eq!(saved_text(state.scenario()), opened.1.clone());
        prop_assert!(
            !state.doc().is_dirty(),
            "undo back to the opened state is clean"
        );
        h.run();
        Ok(())
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        // PROPTEST_CASES sets a longer run.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(250),
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_messages_keep_the_document_sound(ops in prop::collection::vec(op(), 1..24)) {
        run_sequence(&ops)?;
    }
}
