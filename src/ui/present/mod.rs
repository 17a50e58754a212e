//! Presentation mode: full screen, large type, one step at a time, no editing chrome.
//! Keys: → Space PageDown next · ← PageUp back · Home End · G step list · B blank ·
//! 1–9 spotlight a proposal (0 clears) · Esc leave.

mod criterion;
mod perspectives;
mod round;
mod slide;

pub(super) use slide::{bar, dim, heading, Fitted, Sizes};

use egui::{Align, Color32, Layout, RichText, Ui};

use crate::app::present::{progress_label, step_title, Step};
use crate::app::{AppState, Msg, Outbox, PresentCommand};
use crate::model::Scenario;
use crate::scoring::Evaluation;
use crate::ui::bidi::display_order;
use crate::ui::widgets::{ordinal, proposal_colour, shown_name, total_text};

/// Draws the current step full screen.
pub fn presentation_ui(ui: &mut Ui, state: &AppState, out: &mut Outbox) {
    let Some(presenter) = state.presenter().cloned() else {
        return;
    };
    let sz = Sizes::for_screen(ui.ctx());
    if presenter.blank {
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(Color32::BLACK))
            .show(ui, |ui| {
                ui.allocate_space(ui.available_size());
            });
        return;
    }
    let list = state.present_steps();
    let i = presenter.step.min(list.len() - 1);
    let step = list[i];
    let margin = (36.0 * sz.unit) as i8;
    egui::Panel::bottom("presentation-progress")
        .frame(
            egui::Frame::NONE
                .fill(ui.visuals().panel_fill)
                .inner_margin(egui::Margin::symmetric(margin, (12.0 * sz.unit) as i8)),
        )
        .show(ui, |ui| {
            let part = (presenter.page, presenter.pages.max(1));
            progress_ui(ui, state.scenario(), (step, part), i, list.len(), sz)
        });
    egui::CentralPanel::default()
        .frame(
            egui::Frame::NONE
                .fill(ui.visuals().panel_fill)
                .inner_margin(egui::Margin::same(margin)),
        )
        .show(ui, |ui| {
            let s = state.scenario();
            // A step with nothing to list (a lesson without proposals) is one part, empty.
            let count = units(state, step);
            let n = count.max(1);
            let fit_id = fit_id(state.doc().key(), i, ui.ctx().content_rect().size());
            let fit = ui.ctx().data(|d| d.get_temp::<Fit>(fit_id)).unwrap_or(Fit {
                so_far: true,
                per_page: n,
                items: 7,
                chars: usize::MAX,
            });
            let pages = n.div_ceil(fit.per_page.clamp(1, n));
            if pages != presenter.pages.max(1) {
                out.send(Msg::Present(PresentCommand::Pages(pages)));
            }
            let page = presenter.page.min(pages - 1);
            // Balanced parts: five proposals on two pages are three and two, not four and one.
            let per = n.div_ceil(pages);
            let shown = (page * per).min(count)..((page + 1) * per).min(count);
            let last_page = page + 1 == pages;
            // No scroll area: a slide is laid out to fit, and measured to know that it does.
            let room = ui.available_rect_before_wrap();
            let drawn = ui.scope_builder(egui::UiBuilder::new().max_rect(room), |ui| {
                ui.set_clip_rect(room.intersect(ui.clip_rect()));
                let e = &state.eval();
                let spot = presenter.spotlight;
                let fitted = Fitted {
                    shown: shown.clone(),
                    items: fit.items,
                    chars: fit.chars,
                    last_page,
                };
                match step {
                    Step::Title => title_slide(ui, s, &fitted, sz),
                    Step::Join => join_slide(ui, state, sz),
                    Step::Proposal(p) => proposal_slide(ui, s, p, &fitted, sz),
                    Step::Criterion(k) => {
                        criterion::criterion_slide(ui, s, e, k, (spot, fit.so_far, &fitted), sz)
                    }
                    Step::Weights => weights_slide(ui, s, e, state.perspective(), &fitted, sz),
                    Step::Ranking => ranking_slide(ui, s, e, spot, &fitted, sz),
                    Step::Round(part) => {
                        crate::ui::present::round::round_slide(ui, state, part, &fitted, sz)
                    }
                    Step::Perspective(j) => crate::ui::present::perspectives::perspective_slide(
                        ui, state, j, &fitted, sz,
                    ),
                    Step::Everyone => {
                        crate::ui::present::perspectives::everyone_slide(ui, state, &fitted, sz)
                    }
                }
            });
            // A slide that does not fit shows fewer items of its lists, then splits over
            // parts (Next shows the rest), then shortens its longest texts: nothing is ever
            // below the fold or off the side.
            let used = drawn.response.rect;
            let overflows =
                used.height() > room.height() + 1.0 || used.width() > room.width() + 1.0;
            if overflows {
                // How much of the slide the screen holds: the next fit aims at it at once.
                let ratio = (room.height() / used.height()).min(room.width() / used.width());
                if let Some(tighter) = fit.tighter(step, ratio) {
                    ui.ctx().data_mut(|d| d.insert_temp(fit_id, tighter));
                    ui.ctx()
                        .request_discard("a slide that does not fit the screen");
                    ui.ctx().request_repaint();
                }
            }
        });
    if presenter.show_list {
        step_list_ui(ui.ctx(), state, &list, i, sz, out);
    } else {
        ui.ctx().data_mut(|d| d.remove::<bool>(steps_scrolled()));
    }
}

fn progress_ui(
    ui: &mut Ui,
    s: &Scenario,
    (step, (page, pages)): (Step, (usize, usize)),
    i: usize,
    n: usize,
    sz: Sizes,
) {
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), 6.0 * sz.unit),
        egui::Sense::hover(),
    );
    ui.painter()
        .rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    let mut done = rect;
    done.set_width(rect.width() * (i + 1) as f32 / n as f32);
    ui.painter()
        .rect_filled(done, 2.0, ui.visuals().selection.bg_fill);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(progress_label(s, step))
                .size(sz.small)
                .strong(),
        );
        let part = if pages > 1 {
            format!(" · part {} of {pages}", page + 1)
        } else {
            String::new()
        };
        ui.label(
            RichText::new(format!("· {} of {n}{part}", i + 1))
                .size(sz.small)
                .weak(),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(
                RichText::new("▶ next   ◀ back   G steps   B blank   Esc leave")
                    .size(sz.small)
                    .weak(),
            );
        });
    });
}

/// The live round's address, its QR code (as large as the slide allows) and the join
/// code, with how many have joined and sent.
fn join_slide(ui: &mut Ui, state: &AppState, sz: Sizes) {
    heading(ui, "Join the live round", sz);
    let Some(live) = state.live() else {
        ui.label(RichText::new("The live round has ended.").size(sz.body));
        return;
    };
    ui.add_space(12.0 * sz.unit);
    let room = ui.available_size();
    ui.horizontal_top(|ui| {
        // The code's side takes at most half the width and most of the height left.
        let side = (room.y * 0.8).min(room.x * 0.45);
        crate::ui::round::live::qr_fitting(ui, &live.address, side);
        ui.add_space(24.0 * sz.unit);
        ui.vertical(|ui| {
            ui.label(RichText::new("On a phone, open").size(sz.body));
            ui.label(RichText::new(&live.address).size(sz.sub).strong());
            ui.add_space(16.0 * sz.unit);
            ui.label(RichText::new("and type the code").size(sz.body));
            ui.label(
                RichText::new(&live.code)
                    .size(sz.heading * 1.6)
                    .strong()
                    .monospace(),
            );
            ui.add_space(16.0 * sz.unit);
            let (joined, sent) = live.counts;
            ui.label(
                RichText::new(format!("{joined} joined; {sent} sent their answers"))
                    .size(sz.small)
                    .weak(),
            );
        });
    });
}

fn title_slide(ui: &mut Ui, s: &Scenario, fit: &Fitted, sz: Sizes) {
    let shown = fit.items;
    heading(ui, &fit.clip(&s.title), sz);
    ui.add_space(16.0 * sz.unit);
    ui.label(RichText::new(fit.clip(&s.description)).size(sz.body));
    if !s.authors.is_empty() {
        ui.add_space(8.0 * sz.unit);
        ui.label(
            RichText::new(format!("Scenario by {}", s.authors.join(", ")))
                .size(sz.small)
                .weak(),
        );
    }
    if !s.sources.is_empty() && shown == 0 {
        // A long description leaves no room for the list: one line says where it is.
        ui.add_space(8.0 * sz.unit);
        ui.label(
            RichText::new(format!("Sources: {} in the scenario file", s.sources.len()))
                .size(sz.small)
                .weak(),
        );
    } else if !s.sources.is_empty() {
        ui.add_space(20.0 * sz.unit);
        ui.label(RichText::new("Sources").size(sz.sub).strong());
        for src in s.sources.iter().take(shown) {
            let mut line = String::new();
            if !src.authors.is_empty() {
                line.push_str(&format!("{}: ", src.authors.join(", ")));
            }
            line.push_str(&fit.clip(&src.title));
            let meta: Vec<&str> = [src.publication.as_str(), src.date.as_str()]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect();
            if !meta.is_empty() {
                line.push_str(&format!(" ({})", meta.join(", ")));
            }
            ui.label(RichText::new(format!("• {line}")).size(sz.small));
        }
        if s.sources.len() > shown {
            ui.label(
                RichText::new(format!(
                    "… and {} more in the scenario file",
                    s.sources.len() - shown
                ))
                .size(sz.small)
                .weak(),
            );
        }
    }
}

fn proposal_slide(ui: &mut Ui, s: &Scenario, i: usize, fit: &Fitted, sz: Sizes) {
    let shown = fit.items;
    // The total is revealed on the last step, not here.
    let p = &s.proposals[i];
    let colour = proposal_colour(p, i);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(14.0 * sz.unit, sz.heading * 1.2),
            egui::Sense::hover(),
        );
        ui.painter().rect_filled(rect, 3.0, colour);
        heading(ui, &fit.clip(&p.name), sz);
    });
    if !p.original_name.is_empty() {
        ui.label(RichText::new(display_order(&p.original_name)).size(sz.sub));
    }
    let mut facts = Vec::new();
    if !p.proposer.is_empty() {
        facts.push(format!("Proposed by: {}", p.proposer));
    }
    if !p.date.is_empty() {
        facts.push(format!("When: {}", p.date));
    }
    if !p.parties.is_empty() {
        facts.push(format!("Parties: {}", p.parties.join(", ")));
    }
    for f in facts {
        ui.label(RichText::new(fit.clip(&f)).size(sz.body));
    }
    if !p.status.is_empty() {
        ui.label(
            RichText::new(format!("Status: {}", fit.clip(&p.status)))
                .size(sz.body)
                .italics(),
        );
    }
    ui.add_space(12.0 * sz.unit);
    ui.label(RichText::new(fit.clip(&p.summary)).size(sz.body));
    if !p.provisions.is_empty() {
        ui.add_space(12.0 * sz.unit);
        ui.label(RichText::new("Key provisions").size(sz.sub).strong());
        for prov in p.provisions.iter().take(shown) {
            ui.label(RichText::new(format!("• {}", fit.clip(&prov.text))).size(sz.body));
        }
        if p.provisions.len() > shown {
            ui.label(
                RichText::new(format!(
                    "… and {} more (the inspector lists them all)",
                    p.provisions.len() - shown
                ))
                .size(sz.small)
                .weak(),
            );
        }
    }
}

/// How a slide fits the screen: a criterion's with the "So far" column or not, how many of
/// its units (proposals, criteria, agenda items) a part shows, how many items of its side
/// lists, and how long its longest texts may be.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Fit {
    so_far: bool,
    per_page: usize,
    /// The most items of a list a slide shows (sources, provisions); the rest are counted.
    items: usize,
    /// The most characters of a long text (a description, a reason, a long name).
    chars: usize,
}

/// Long texts are never cut shorter than this.
const MIN_CHARS: usize = 40;

impl Fit {
    /// The next tighter fit for `step`, if any: fewer list items, then smaller parts, then
    /// shorter texts, in the order that keeps most of what the slide is for. `ratio`, below
    /// one, is how much of the slide the screen held: parts and texts shrink by about that
    /// much at once, so a long slide fits in a frame or two, not twenty.
    fn tighter(self, step: Step, ratio: f32) -> Option<Self> {
        let ratio = ratio.clamp(0.05, 0.95) as f64;
        let scaled =
            |n: usize| ((n as f64 * ratio).floor() as usize).clamp(1, n.saturating_sub(1).max(1));
        let fewer_items = (self.items > 0).then(|| Self {
            items: self.items - 1,
            ..self
        });
        let smaller_parts = (self.per_page > 1).then(|| Self {
            per_page: scaled(self.per_page),
            ..self
        });
        let shorter = (self.chars > MIN_CHARS).then(|| Self {
            chars: if self.chars == usize::MAX {
                360
            } else {
                scaled(self.chars).max(MIN_CHARS)
            },
            ..self
        });
        let without_so_far = self.so_far.then_some(Self {
            so_far: false,
            ..self
        });
        match step {
            Step::Criterion(k) if k > 0 => without_so_far.or(smaller_parts).or(shorter),
            Step::Criterion(_) => smaller_parts.or(shorter),
            Step::Title | Step::Proposal(_) | Step::Join => fewer_items.or(shorter),
            Step::Perspective(_) | Step::Everyone | Step::Round(_) => {
                fewer_items.or(smaller_parts).or(shorter)
            }
            Step::Weights | Step::Ranking => smaller_parts.or(shorter),
        }
    }
}

/// How many units a step can be split into parts by: proposals, criteria or agenda items.
fn units(state: &AppState, step: Step) -> usize {
    let s = state.scenario();
    match step {
        Step::Title | Step::Proposal(_) | Step::Join => 1,
        Step::Weights => s.criteria.len(),
        Step::Round(part) => crate::ui::present::round::units(state, part),
        Step::Criterion(_) | Step::Ranking | Step::Perspective(_) | Step::Everyone => {
            s.proposals.len()
        }
    }
}

/// Where the fit of step `step` of this state of the document on a screen of `size` is
/// kept: another document, or an edit, lays its slides out afresh.
fn fit_id(doc: crate::app::DocKey, step: usize, size: egui::Vec2) -> egui::Id {
    egui::Id::unique(("slide-fit", step, size.x as i32, size.y as i32)).with((doc.id, doc.version))
}

fn weights_slide(
    ui: &mut Ui,
    s: &Scenario,
    e: &Evaluation,
    perspective: Option<&str>,
    fit: &Fitted,
    sz: Sizes,
) {
    heading(ui, "Weights", sz);
    let whose = perspective
        .and_then(|id| s.perspectives.iter().find(|p| p.id == id))
        .map_or_else(
            || "the scenario's own weights".to_owned(),
            |p| format!("the perspective “{}”", fit.clip(&p.name)),
        );
    ui.label(
        RichText::new(format!("Each criterion's share of a total, with {whose}.")).size(sz.body),
    );
    ui.add_space(12.0 * sz.unit);
    let name_width = ui.available_width() * 0.42;
    let bar_width = ui.available_width() * 0.4;
    let colour = ui.visuals().selection.bg_fill;
    for (k, c) in s
        .criteria
        .iter()
        .enumerate()
        .take(fit.shown.end)
        .skip(fit.shown.start)
    {
        let w = e.weights.get(k).copied().unwrap_or(0.0);
        ui.horizontal(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(name_width, sz.body * 1.4),
                Layout::left_to_right(Align::Center),
                |ui| {
                    ui.set_min_width(name_width);
                    ui.add(egui::Label::new(RichText::new(&c.name).size(sz.body)).truncate());
                },
            );
            // The longest bar is the heaviest criterion; the share is written beside it.
            bar(ui, bar_width, sz.body * 0.8, w / max_weight(e), colour);
            ui.label(
                RichText::new(format!("{:.0}%", w * 100.0))
                    .size(sz.body)
                    .strong(),
            );
        });
    }
}

fn max_weight(e: &Evaluation) -> f64 {
    e.weights.iter().copied().fold(0.0, f64::max).max(1e-9)
}

fn ranking_slide(
    ui: &mut Ui,
    s: &Scenario,
    e: &Evaluation,
    spot: Option<usize>,
    fit: &Fitted,
    sz: Sizes,
) {
    heading(ui, "Ranking", sz);
    ui.label(RichText::new("Weighted totals over the scored criteria (0–100). A total is a reading of the scores and weights above, not a verdict.").size(sz.small).weak());
    ui.add_space(12.0 * sz.unit);
    let n = s.proposals.len();
    for &p in e.order.iter().take(fit.shown.end).skip(fit.shown.start) {
        let prop = &s.proposals[p];
        let st = e.standings[p];
        let dimmed = spot.is_some_and(|sp| sp != p);
        let text_colour = if dimmed {
            dim(ui.visuals().text_color())
        } else {
            ui.visuals().text_color()
        };
        let colour = proposal_colour(prop, p);
        ui.horizontal(|ui| {
            let rank = st.rank.map_or_else(
                || "unranked".to_owned(),
                |r| format!("{} of {n}", ordinal(r)),
            );
            ui.add_sized(
                egui::vec2(220.0 * sz.unit, sz.score * 1.2),
                egui::Label::new(
                    RichText::new(rank)
                        .size(sz.score)
                        .strong()
                        .color(text_colour),
                ),
            );
            ui.vertical(|ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(shown_name(&fit.clip(&prop.name)))
                            .size(sz.sub)
                            .strong()
                            .color(text_colour),
                    )
                    .wrap(),
                );
                ui.horizontal(|ui| {
                    bar(
                        ui,
                        (ui.available_width() * 0.55).max(100.0),
                        sz.body * 0.8,
                        st.total.unwrap_or(0.0),
                        if dimmed { dim(colour) } else { colour },
                    );
                    ui.label(
                        RichText::new(total_text(st.total))
                            .size(sz.score)
                            .strong()
                            .color(text_colour),
                    );
                    ui.label(
                        RichText::new(format!("{:.0}% of the weight scored", st.coverage * 100.0))
                            .size(sz.small)
                            .color(text_colour),
                    );
                });
            });
        });
        ui.add_space(10.0 * sz.unit);
    }
}

/// Where the step list notes that it has shown the current step since it opened.
fn steps_scrolled() -> egui::Id {
    egui::Id::unique("presentation-steps-scrolled")
}

fn step_list_ui(
    ctx: &egui::Context,
    state: &AppState,
    list: &[Step],
    current: usize,
    sz: Sizes,
    out: &mut Outbox,
) {
    egui::Modal::new(egui::Id::unique("presentation-steps")).show(ctx, |ui| {
        ui.set_max_height(ctx.content_rect().height() * 0.8);
        ui.set_min_width(ctx.content_rect().width() * 0.5);
        ui.label(RichText::new("Go to step").size(sz.sub).strong());
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (i, step) in list.iter().enumerate() {
                let text = format!(
                    "{}. {} — {}",
                    i + 1,
                    progress_label(state.scenario(), *step),
                    step_title(state.scenario(), *step)
                );
                let response =
                    ui.selectable_label(i == current, RichText::new(text).size(sz.small));
                // Opened far into a lesson, the list shows where the class is (once: then
                // it scrolls freely).
                let scrolled = steps_scrolled();
                if i == current && !ui.ctx().data(|d| d.get_temp::<bool>(scrolled).is_some()) {
                    response.scroll_to_me(Some(egui::Align::Center));
                    ui.ctx().data_mut(|d| d.insert_temp(scrolled, true));
                }
                if response.clicked() {
                    out.send(Msg::Present(PresentCommand::Jump(i)));
                }
            }
        });
    });
}
