//! The class round: what became of the students' files, the sentences a class reads (the
//! group's ranking, agreement on the order, what to discuss first), a heat map of the cells
//! (median, spread, how many chose), each student's value and reason for the cell clicked,
//! and the spread of every proposal's totals.

pub(crate) mod live;

use crate::app::{RoundMsg, SelectMsg};
use egui::{Color32, RichText, Ui};
use egui_plot::{BoxElem, BoxPlot, BoxSpread, Plot};

use crate::analysis::round::{counts_by_level, spread_words, Round};
use crate::app::jobs::{JobKind, JobMsg};
use crate::app::{AppState, Command, Msg, Outbox, Selection};
use crate::io::round_files::Outcome;
use crate::model::{Criterion, PerspectiveKind, Scale, Scenario};
use crate::ui::widgets::{ordinal, proposal_colour};

/// A proposal's short name for narrow places.
fn short_label(p: &crate::model::Proposal) -> &str {
    p.label()
}

/// The round view.
/// The statistics come from the app's cache (`AppState::round_result`).
pub fn round_ui(ui: &mut Ui, state: &AppState, out: &mut Outbox) {
    let worked_out = state.round_result();
    let (r, said) = (&worked_out.round, &worked_out.sentences);
    // While a live round runs, the students' ballots so far are read as readings.
    let s = worked_out.live.as_ref().unwrap_or(state.scenario());
    egui::ScrollArea::vertical()
        .id_salt("round")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Class round");
                // The round's two steps, in the order a teacher takes them.
                for command in [Command::HandOut, Command::AddStudents] {
                    if ui
                        .button(command.label())
                        .on_hover_text(command.tooltip())
                        .clicked()
                    {
                        out.send(Msg::Command(command));
                    }
                }
            });
            ui.label(
                RichText::new(
                    "Each student's copy is one reading: their weights and the cells they \
                     scored or reasoned differently. Cells left as handed out are counted \
                     apart, so agreement is not just untouched copies.",
                )
                .weak(),
            );
            if let Some((done, total)) = state.round_progress() {
                ui.horizontal(|ui| {
                    ui.add(
                        egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                            .text(format!("Reading students' files: {done} of {total}"))
                            .desired_width(320.0),
                    );
                    if ui
                        .button("Cancel")
                        .on_hover_text("Stop reading; files read so far are added")
                        .clicked()
                    {
                        out.send(Msg::Job(JobMsg::Cancel(JobKind::StudentsFiles)));
                    }
                });
            }
            live::live_panel_ui(ui, state, out);
            for line in said {
                ui.label(line);
            }
            files_ui(ui, state, out);
            if r.students.is_empty() {
                return;
            }
            ui.add_space(8.0);
            ui.strong("Cells: median, spread (interquartile range, of 100) and how many chose");
            heat_map_ui(ui, s, r, state.selection(), out);
            if let Selection::Cell(c, p) = state.selection() {
                if let (Some(k), Some(j)) = (s.criterion_index(c), s.proposal_index(p)) {
                    cell_detail_ui(ui, s, r, k, j);
                }
            }
            ui.add_space(8.0);
            agenda_ui(ui, s, r, out);
            ui.add_space(8.0);
            ui.strong("Totals of the students, per proposal (0–100)");
            totals_plot_ui(ui, s, r);
            ranks_ui(ui, s, r);
            readings_ui(ui, s, r, out);
            copied_ui(ui, s, r);
        });
}

/// What became of each file last added, problems first in the warning colour.
fn files_ui(ui: &mut Ui, state: &AppState, out: &mut Outbox) {
    subfolders_ui(ui, state, out);
    let files = state.round_files();
    if files.is_empty() {
        return;
    }
    let problems = files
        .iter()
        .filter(|f| !matches!(&f.outcome, Outcome::Added(x) if x.mismatches.is_empty()))
        .count();
    egui::CollapsingHeader::new(format!(
        "Files last added: {} ({problems} with something to say)",
        files.len()
    ))
    .default_open(problems > 0)
    .show(ui, |ui| {
        for f in files {
            let clean = matches!(&f.outcome, Outcome::Added(x) if x.mismatches.is_empty());
            for line in f.lines() {
                if clean {
                    ui.label(line);
                } else {
                    ui.label(RichText::new(line).color(ui.visuals().warn_fg_color));
                }
            }
        }
    });
}

/// The median in the criterion's words: a level's name, or the two levels it lies between.
fn median_words(c: &Criterion, median: f64) -> String {
    match &c.scale {
        Scale::Levels(levels) if levels.len() >= 2 => {
            let at = median * (levels.len() - 1) as f64;
            let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
            if lo == hi || (at - lo as f64) < 1e-9 {
                levels[lo].clone()
            } else {
                format!("{}–{}", levels[lo], levels[hi.min(levels.len() - 1)])
            }
        }
        Scale::YesNo => {
            if median >= 0.5 {
                "yes".into()
            } else {
                "no".into()
            }
        }
        _ => format!("{:.0}", median * 100.0),
    }
}

/// The subfolders of the folder last given that hold `.ron` files: named, with a button
/// that adds them (a class often keeps each group's files in a folder of its own).
fn subfolders_ui(ui: &mut Ui, state: &AppState, out: &mut Outbox) {
    let subfolders = state.round_subfolders();
    if subfolders.is_empty() {
        return;
    }
    let n: usize = subfolders.iter().map(|(_, n)| n).sum();
    let names: Vec<String> = subfolders
        .iter()
        .map(|(d, k)| {
            let name = d.file_name().map_or_else(
                || d.display().to_string(),
                |x| x.to_string_lossy().into_owned(),
            );
            format!("{name} ({k})")
        })
        .collect();
    ui.label(format!(
        "The folder's subfolders hold {n} .ron file{} too: {}.",
        if n == 1 { "" } else { "s" },
        names.join(", ")
    ));
    if ui
        .button(format!("Add the files in its subfolders ({n})"))
        .on_hover_text("Read them as students' readings; files that are not (the lesson, a backup, the blank hand-out) are skipped and listed")
        .clicked()
    {
        out.send(Msg::Round(RoundMsg::AddStudents(
            subfolders.iter().map(|(d, _)| d.clone()).collect(),
        )));
    }
}

/// A colour from calm (the class agrees) to warm (it splits), by the spread.
fn spread_colour(ui: &Ui, iqr: f64) -> Color32 {
    let calm = ui.visuals().faint_bg_color;
    let warm = if ui.visuals().dark_mode {
        Color32::from_rgb(150, 60, 30)
    } else {
        Color32::from_rgb(250, 170, 120)
    };
    calm.lerp_to_gamma(warm, iqr.clamp(0.0, 1.0) as f32)
}

fn heat_map_ui(ui: &mut Ui, s: &Scenario, r: &Round, selection: &Selection, out: &mut Outbox) {
    let n_p = s.proposals.len();
    egui::ScrollArea::horizontal().id_salt("round-heat").show(ui, |ui| {
        egui::Grid::new("round-heat-map")
            .striped(false)
            .spacing([6.0, 4.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Criterion").strong());
                for p in &s.proposals {
                    ui.label(RichText::new(short_label(p)).strong());
                }
                ui.end_row();
                for (k, c) in s.criteria.iter().enumerate() {
                    ui.label(&c.name);
                    for (j, p) in s.proposals.iter().enumerate() {
                        let cell = &r.cells[k * n_p + j];
                        // Each scale in its own language: counts of Yes, the levels
                        // chosen, points of 100 only for numbers.
                        let counts = counts_by_level(c, cell);
                        let text = match (cell.median, &counts) {
                            (Some(_), Some(counts)) if matches!(c.scale, Scale::YesNo) => {
                                let yes = counts.iter().find(|(n, _)| n == "Yes").map_or(0, |x| x.1);
                                format!("{yes} of {} Yes", cell.chosen.len())
                            }
                            (Some(_), Some(counts)) => counts
                                .iter()
                                .map(|(name, k)| format!("{} {k}", crate::ui::widgets::short_label_of(name, 12)))
                                .collect::<Vec<_>>()
                                .join(" · "),
                            (Some(m), None) => format!(
                                "{} · ±{:.0} · {}",
                                median_words(c, m),
                                cell.iqr.unwrap_or(0.0) * 100.0,
                                cell.chosen.len()
                            ),
                            (None, _) => format!("— · {}", cell.chosen.len()),
                        };
                        let words = match cell.median {
                            Some(m) => format!(
                                "median {}, {}, {} chose, {} left it as handed out, {} left it blank",
                                median_words(c, m),
                                spread_words(c, cell),
                                cell.chosen.len(),
                                cell.untouched,
                                cell.unscored
                            ),
                            None => format!(
                                "no student chose a value, {} left it as handed out, {} left it blank",
                                cell.untouched, cell.unscored
                            ),
                        };
                        let label = format!("Round: {} × {}: {words}", short_label(p), c.name);
                        let selected = *selection == Selection::Cell(c.id.clone(), p.id.clone());
                        let button = egui::Button::selectable(selected, text)
                            .fill(spread_colour(ui, cell.iqr.unwrap_or(0.0)))
                            .min_size(egui::vec2(120.0, 0.0));
                        let response = ui
                            .push_id(("round", k, j), |ui| ui.add(button))
                            .inner
                            .on_hover_text(&label)
                            .accessible_name(&label);
                        if response.clicked() {
                            out.send(Msg::Selection(SelectMsg::Select(Selection::Cell(c.id.clone(), p.id.clone()))));
                        }
                    }
                    ui.end_row();
                }
            });
    });
}

/// Each student's value and reason for one cell; who left it as handed out, or blank.
fn cell_detail_ui(ui: &mut Ui, s: &Scenario, r: &Round, k: usize, j: usize) {
    let (c, p) = (&s.criteria[k], &s.proposals[j]);
    ui.add_space(6.0);
    ui.strong(format!(
        "Each student's reading of {} × {}",
        short_label(p),
        c.name
    ));
    let handed_out = s.score(&c.id, &p.id);
    let mut kept = Vec::new();
    for &i in &r.students {
        let reading = &s.perspectives[i];
        match reading
            .readings
            .iter()
            .find(|x| x.criterion == c.id && x.proposal == p.id)
        {
            Some(x) => {
                let value = match x.value {
                    Some(_) => c.value_text(x.value),
                    None => "left blank".into(),
                };
                let reason = if x.rationale.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", x.rationale)
                };
                ui.label(format!("{}: {value}{reason}", reading.name));
            }
            None => kept.push(reading.name.as_str()),
        }
    }
    if !kept.is_empty() {
        ui.label(
            RichText::new(format!(
                "Left as handed out ({}): {}",
                c.value_text(handed_out.and_then(|x| x.value)),
                kept.join(", ")
            ))
            .weak(),
        );
    }
}

fn agenda_ui(ui: &mut Ui, s: &Scenario, r: &Round, out: &mut Outbox) {
    if r.agenda.is_empty() {
        return;
    }
    ui.strong("To discuss first: where the class splits most");
    for (n, &(k, j)) in r.agenda.iter().enumerate() {
        let (c, p) = (&s.criteria[k], &s.proposals[j]);
        let label = format!("{}. {} × {}", n + 1, short_label(p), c.name);
        if ui
            .link(&label)
            .on_hover_text("Show each student's reading of this cell")
            .clicked()
        {
            out.send(Msg::Selection(SelectMsg::Select(Selection::Cell(
                c.id.clone(),
                p.id.clone(),
            ))));
        }
    }
}

/// The quartiles of the students' totals per proposal, as a box plot, with its text twin.
fn totals_plot_ui(ui: &mut Ui, s: &Scenario, r: &Round) {
    let (header, rows) = crate::app::spoken::round_totals_table(s, r);
    crate::ui::widgets::text_twin(
        ui,
        "students' totals",
        &crate::app::spoken::round_totals_summary(s, r),
        &header,
        &rows,
    );
    let boxes: Vec<BoxElem> = s
        .proposals
        .iter()
        .enumerate()
        .filter_map(|(j, p)| {
            let x = r.totals_spread(j)?;
            let spread = BoxSpread::new(x.min, x.q1, x.median, x.q3, x.max);
            let colour = proposal_colour(p, j);
            Some(
                BoxElem::new(j as f64, spread)
                    .name(short_label(p))
                    .fill(colour.gamma_multiply(0.5))
                    .stroke(egui::Stroke::new(1.5, colour)),
            )
        })
        .collect();
    let names: Vec<String> = s
        .proposals
        .iter()
        .map(|p| short_label(p).to_owned())
        .collect();
    Plot::new("round-totals")
        .height(180.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .include_y(0.0)
        .include_y(100.0)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| plot.box_plot(BoxPlot::new("Totals", boxes)));
}

/// How many students put each proposal in each place (competition ranks: ties share the
/// better place).
fn ranks_ui(ui: &mut Ui, s: &Scenario, r: &Round) {
    let n = s.proposals.len();
    ui.strong("Places the students gave each proposal");
    egui::Grid::new("round-ranks").striped(true).show(ui, |ui| {
        ui.label("");
        for place in 1..=n {
            ui.label(RichText::new(ordinal(place)).strong());
        }
        ui.end_row();
        for (j, p) in s.proposals.iter().enumerate() {
            ui.label(short_label(p));
            let mut counts = vec![0usize; n];
            for t in &r.totals {
                let Some(mine) = t[j] else { continue };
                let place = 1 + t.iter().filter(|x| x.is_some_and(|v| v > mine)).count();
                counts[place - 1] += 1;
            }
            for (place, count) in counts.iter().enumerate() {
                let text = if *count == 0 {
                    "·".to_owned()
                } else {
                    count.to_string()
                };
                ui.label(text).on_hover_text(format!(
                    "{count} student{} put {} {}",
                    if *count == 1 { "" } else { "s" },
                    short_label(p),
                    ordinal(place + 1)
                ));
            }
            ui.end_row();
        }
    });
}

/// The readings in the round, each with how much the student chose and a Remove button.
fn readings_ui(ui: &mut Ui, s: &Scenario, r: &Round, out: &mut Outbox) {
    egui::CollapsingHeader::new(format!("Readings in this round: {}", r.students.len()))
        .id_salt("round-readings")
        .show(ui, |ui| {
            for &i in &r.students {
                let p = &s.perspectives[i];
                debug_assert_eq!(p.kind, PerspectiveKind::Student);
                let chosen = p.readings.iter().filter(|x| x.value.is_some()).count();
                ui.horizontal(|ui| {
                    ui.label(format!("{}: {chosen} cells chosen", p.name))
                        .on_hover_text(&p.origin.file);
                    let label = format!("Remove {}'s reading", p.name);
                    if ui
                        .small_button("Remove")
                        .on_hover_text(&label)
                        .accessible_name(&label)
                        .clicked()
                    {
                        out.send(Msg::Round(RoundMsg::RemoveReading(p.id.clone())));
                    }
                });
            }
        });
}

fn copied_ui(ui: &mut Ui, s: &Scenario, r: &Round) {
    if r.copied.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!(
        "For the teacher: {} identical reason{} in several files (a note, not a judgement)",
        r.copied.len(),
        if r.copied.len() == 1 { "" } else { "s" }
    ))
    .id_salt("round-copied")
    .show(ui, |ui| {
        for c in &r.copied {
            let who = r.names(s, c);
            ui.label(format!(
                "{} × {}: {} — \"{}\"",
                short_label(&s.proposals[c.proposal]),
                s.criteria[c.criterion].name,
                who.join(", "),
                c.text
            ));
        }
    });
}
