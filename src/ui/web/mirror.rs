//! The page's hidden mirror for screen readers: eframe's web runner draws on a canvas and
//! hands the browser no accessibility tree, so the comparison is also written into the
//! page as an HTML table (every cell named as in the desktop window) and a live region for
//! what changed, both out of sight. Rebuilt only when what it shows changes.

use std::cell::RefCell;

use web_sys::{Document, Element};

use crate::app::spoken::{spoken_table, SpokenTable};
use crate::app::AppState;

/// The mirror's element id.
const MIRROR_ID: &str = "concord-a11y";
/// The live region's element id.
const LIVE_ID: &str = "concord-a11y-live";
/// Out of sight but read: the usual "visually hidden" rules.
const HIDDEN: &str = "position:absolute;width:1px;height:1px;margin:-1px;padding:0;\
                      overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);\
                      white-space:nowrap;border:0";

/// At most this many cells are written: a lesson has a few hundred; a page of hundreds of
/// thousands would stall the browser and the screen reader alike.
const MOST: usize = 5_000;

/// What the table shown was made from: the document's version, the perspective chosen,
/// the proposals shown.
type Made = (crate::app::DocKey, Option<String>, Vec<usize>);

thread_local! {
    /// What the mirror's table was made from, and the announcement last written.
    static SHOWN: RefCell<(Option<Made>, Option<String>)> = const { RefCell::new((None, None)) };
}

/// Brings the mirror up to date with `state`; a no-op when nothing it shows changed.
pub fn update(state: &AppState) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let made: Made = (
        state.doc().key(),
        state.chosen_perspective().map(|(_, p)| p.id.clone()),
        state.shown_proposals().into_owned(),
    );
    let said = state.announcement().map(str::to_owned);
    SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        if shown.0.as_ref() != Some(&made) {
            let mut table = spoken_table(state);
            let across = table.header.len().max(1);
            table.rows.truncate(MOST / across);
            if write_table(&document, &table).is_some() {
                shown.0 = Some(made);
            }
        }
        if shown.1 != said {
            if let Some(live) = live_region(&document) {
                live.set_text_content(said.as_deref());
            }
            shown.1 = said;
        }
    });
}

/// The mirror's section, made on first use.
fn section(document: &Document) -> Option<Element> {
    if let Some(e) = document.get_element_by_id(MIRROR_ID) {
        return Some(e);
    }
    let e = document.create_element("section").ok()?;
    e.set_id(MIRROR_ID);
    e.set_attribute("aria-label", "Concord: the comparison as a table")
        .ok()?;
    e.set_attribute("style", HIDDEN).ok()?;
    document.body()?.append_child(&e).ok()?;
    Some(e)
}

/// The live region, made on first use (before anything is said, so that the first change
/// is heard).
fn live_region(document: &Document) -> Option<Element> {
    if let Some(e) = document.get_element_by_id(LIVE_ID) {
        return Some(e);
    }
    let e = document.create_element("p").ok()?;
    e.set_id(LIVE_ID);
    e.set_attribute("aria-live", "polite").ok()?;
    e.set_attribute("style", HIDDEN).ok()?;
    document.body()?.append_child(&e).ok()?;
    Some(e)
}

/// Writes `table` into the section, replacing what was there.
fn write_table(document: &Document, t: &SpokenTable) -> Option<()> {
    live_region(document)?;
    let section = section(document)?;
    section.set_text_content(None);
    let el = |name: &str, text: Option<&str>| -> Option<Element> {
        let e = document.create_element(name).ok()?;
        e.set_text_content(text);
        Some(e)
    };
    let table = el("table", None)?;
    let caption = el("caption", Some(&t.caption))?;
    table.append_child(&caption).ok()?;
    let head = el("tr", None)?;
    for h in &t.header {
        let th = el("th", Some(h))?;
        th.set_attribute("scope", "col").ok()?;
        head.append_child(&th).ok()?;
    }
    table.append_child(&head).ok()?;
    for (criterion, cells) in &t.rows {
        let tr = el("tr", None)?;
        let th = el("th", Some(criterion))?;
        th.set_attribute("scope", "row").ok()?;
        tr.append_child(&th).ok()?;
        for cell in cells {
            let td = el("td", Some(cell))?;
            tr.append_child(&td).ok()?;
        }
        table.append_child(&tr).ok()?;
    }
    let tr = el("tr", None)?;
    let th = el("th", Some("Total (0–100)"))?;
    th.set_attribute("scope", "row").ok()?;
    tr.append_child(&th).ok()?;
    for total in &t.totals {
        let td = el("td", Some(total))?;
        tr.append_child(&td).ok()?;
    }
    table.append_child(&tr).ok()?;
    section.append_child(&table).ok()?;
    Some(())
}
