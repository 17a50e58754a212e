//! A criterion's slide: each proposal's score on it, with its reason and sources, and the
//! totals so far.

use egui::{RichText, Ui};

use super::slide::{dim, heading, Fitted, Sizes};
use crate::model::Scenario;
use crate::scoring::Evaluation;
use crate::ui::widgets::{proposal_colour, shown_name};

pub(super) fn criterion_slide(
    ui: &mut Ui,
    s: &Scenario,
    e: &Evaluation,
    k: usize,
    (spot, so_far, fit): (Option<usize>, bool, &Fitted),
    sz: Sizes,
) {
    let shown = fit.shown.clone();
    let c = &s.criteria[k];
    let full = ui.available_width();
    // A slightly smaller heading leaves room for every proposal's score and reason.
    let heading_sz = Sizes {
        heading: sz.heading * 0.7,
        ..sz
    };
    ui.horizontal_top(|ui| {
        if k > 0 && so_far {
            // Earlier criteria stay in view, dimmed, with each proposal's score.
            ui.allocate_ui(egui::vec2(full * 0.24, ui.available_height()), |ui| {
                ui.vertical(|ui| {
                    let weak = dim(ui.visuals().text_color());
                    ui.label(RichText::new("So far").size(sz.small).color(weak));
                    // The last few criteria; older ones are counted so the column fits.
                    const KEEP: usize = 5;
                    let first = k.saturating_sub(KEEP);
                    if first > 0 {
                        ui.label(
                            RichText::new(format!("… {first} earlier"))
                                .size(sz.small)
                                .color(weak),
                        );
                    }
                    for (j, prev) in s.criteria.iter().enumerate().take(k).skip(first) {
                        ui.label(
                            RichText::new(shown_name(&prev.name))
                                .size(sz.small)
                                .color(weak),
                        );
                        let line: Vec<String> = (0..s.proposals.len())
                            .map(|p| {
                                let v = e.score(s, j, p).and_then(|x| x.value);
                                format!("{} {}", s.proposals[p].label(), prev.value_text(v))
                            })
                            .collect();
                        ui.label(RichText::new(line.join(" · ")).size(sz.small).color(weak));
                    }
                });
            });
            ui.separator();
        }
        ui.vertical(|ui| {
            heading(ui, &fit.clip(&c.name), heading_sz);
            if !c.group.is_empty() {
                ui.label(RichText::new(&c.group).size(sz.small).weak());
            }
            ui.label(RichText::new(fit.clip(&c.description)).size(sz.body));
            ui.add_space(12.0 * sz.unit);
            // Four or more proposals go in columns so that all fit on one screen.
            let columns = if shown.len() >= 4 { 2 } else { 1 };
            ui.columns(columns, |cols| {
                for (j, p) in shown.clone().enumerate() {
                    let prop = &s.proposals[p];
                    score_block(&mut cols[j % columns], s, e, (k, p), prop, (spot, fit), sz);
                }
            });
        });
    });
}

fn score_block(
    ui: &mut Ui,
    s: &Scenario,
    e: &Evaluation,
    (k, p): (usize, usize),
    prop: &crate::model::Proposal,
    (spot, fit): (Option<usize>, &Fitted),
    sz: Sizes,
) {
    let c = &s.criteria[k];
    let dimmed = spot.is_some_and(|sp| sp != p);
    let text_colour = if dimmed {
        dim(ui.visuals().text_color())
    } else {
        ui.visuals().text_color()
    };
    let score = e.score(s, k, p);
    let value = score.and_then(|x| x.value);
    ui.horizontal_top(|ui| {
        let colour = proposal_colour(prop, p);
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(10.0 * sz.unit, sz.score * 1.3),
            egui::Sense::hover(),
        );
        ui.painter()
            .rect_filled(rect, 2.0, if dimmed { dim(colour) } else { colour });
        ui.vertical(|ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(shown_name(&fit.clip(prop.label())))
                        .size(sz.sub)
                        .strong()
                        .color(text_colour),
                );
                ui.label(
                    RichText::new(c.value_text(value))
                        .size(sz.score)
                        .strong()
                        .color(text_colour),
                );
                // Colour never carries the score alone: the number is written too.
                let silent = value == Some(crate::model::ScoreValue::Silent);
                let number = match (silent, e.value(k, p)) {
                    (true, Some(v)) => {
                        format!("the text says nothing: counts as {:.0} / 100", v * 100.0)
                    }
                    (true, None) => "the text says nothing: left out of the total".to_owned(),
                    (false, Some(v)) => format!("{:.0} / 100", v * 100.0),
                    (false, None) => "not scored: left out of the total".to_owned(),
                };
                // One piece: "67 / 100" never breaks over two lines.
                ui.add(
                    egui::Label::new(RichText::new(number).size(sz.small).color(text_colour))
                        .extend(),
                );
            });
            if let Some(r) = score
                .map(|x| x.rationale.as_str())
                .filter(|r| !r.is_empty())
            {
                let colour = if dimmed {
                    dim(text_colour)
                } else {
                    ui.visuals().weak_text_color()
                };
                ui.label(RichText::new(fit.clip(r)).size(sz.small).color(colour));
            }
            if let Some(line) = score.and_then(|x| sources_line(s, &x.evidence)) {
                let colour = if dimmed {
                    dim(text_colour)
                } else {
                    ui.visuals().weak_text_color()
                };
                ui.label(
                    RichText::new(line)
                        .size(sz.small * 0.85)
                        .italics()
                        .color(colour),
                );
            }
        });
    });
    ui.add_space(10.0 * sz.unit);
}

/// Where a reason comes from, in one line: "Source: Title, para. 8 and one more".
fn sources_line(s: &Scenario, evidence: &[crate::model::Citation]) -> Option<String> {
    if evidence.is_empty() {
        return None;
    }
    let cite = |c: &crate::model::Citation| {
        let source = s.sources.iter().find(|x| x.id == c.source);
        let title = source.map_or(c.source.as_str(), |x| x.title.as_str());
        // Cut, a title keeps its year: two reports of one series stay apart.
        let mut title = crate::ui::widgets::short_label_of(title, 50);
        if let Some(year) = source.and_then(crate::model::Source::year) {
            title = format!("{title} ({year})");
        }
        if c.locator.is_empty() {
            title
        } else {
            format!("{title}, {}", c.locator)
        }
    };
    // One line on a slide: the first source, and how many more the inspector lists.
    let more = match evidence.len() {
        1 => String::new(),
        2 => " and one more".to_owned(),
        n => format!(" and {} more", n - 1),
    };
    Some(format!("Source: {}{more}", cite(&evidence[0])))
}
