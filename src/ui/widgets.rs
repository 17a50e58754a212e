//! Small shared widgets: labelled fields (with accessible names), colours, style.

use egui::{Color32, Response, RichText, Ui};

use crate::model::Proposal;

/// Sets spacing and text sizes for a comfortable desktop layout.
pub fn install_style(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(6.0, 3.0);
        style.interaction.tooltip_delay = 0.3;
    });
}

/// A text field under a small label (its accessible name); returns the new text on change.
fn labelled_edit(
    ui: &mut Ui,
    label: &str,
    value: &str,
    hint: &str,
    edit: impl for<'b> FnOnce(&'b mut String) -> egui::TextEdit<'b>,
) -> Option<String> {
    labelled_edit_taking_keyboard(ui, (label, value, hint), false, edit)
}

/// `labelled_edit`, which first takes the keyboard with all its text selected when
/// `take_keyboard` is set.
fn labelled_edit_taking_keyboard(
    ui: &mut Ui,
    (label, value, hint): (&str, &str, &str),
    take_keyboard: bool,
    edit: impl for<'b> FnOnce(&'b mut String) -> egui::TextEdit<'b>,
) -> Option<String> {
    let mut buf = value.to_owned();
    let changed = ui
        .vertical(|ui| {
            let l = ui.label(RichText::new(label).small().weak());
            let mut output = edit(&mut buf)
                .hint_text(hint)
                .desired_width(f32::INFINITY)
                .show(ui);
            let r = output
                .response
                .response
                .labelled_by(l.id)
                .on_hover_text(hint);
            if take_keyboard {
                r.request_focus();
                r.scroll_to_me(None);
                output
                    .state
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::select_all_str(value)));
                output.state.store(ui.ctx(), r.id);
            }
            r.changed()
        })
        .inner;
    changed.then_some(buf)
}

/// A single-line text field with a label; returns the new text when it changed.
pub fn text_field(ui: &mut Ui, label: &str, value: &str, hint: &str) -> Option<String> {
    labelled_edit(ui, label, value, hint, |buf| {
        egui::TextEdit::singleline(buf)
    })
}

/// A new item's name: when `take_keyboard`, the field takes the keyboard with the name
/// selected, so that typing replaces it. Returns the new text when it changed.
pub fn name_field(
    ui: &mut Ui,
    (label, value, hint): (&str, &str, &str),
    take_keyboard: bool,
) -> Option<String> {
    labelled_edit_taking_keyboard(ui, (label, value, hint), take_keyboard, |buf| {
        egui::TextEdit::singleline(buf)
    })
}

/// A multi-line text field with a label; returns the new text when it changed.
pub fn text_area(ui: &mut Ui, label: &str, value: &str, hint: &str, rows: usize) -> Option<String> {
    labelled_edit(ui, label, value, hint, |buf| {
        egui::TextEdit::multiline(buf).desired_rows(rows)
    })
}

/// When a list field sends its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListCommit {
    /// With every change (the document follows the typing; undo takes the burst).
    EveryChange,
    /// When the field loses the keyboard (a list whose every change costs something, like a
    /// scale's levels, which convert the row's scores).
    OnLeave,
}

/// A multi-line text field with a label and a known id (so the keyboard can be sent to
/// it); returns the new text when it changed.
pub fn text_area_with_id(
    ui: &mut Ui,
    (label, id): (&str, egui::Id),
    value: &str,
    hint: &str,
    rows: usize,
) -> Option<String> {
    labelled_edit(ui, label, value, hint, |buf| {
        egui::TextEdit::multiline(buf).id(id).desired_rows(rows)
    })
}

/// A list of short strings edited one per line. While the field has the keyboard it keeps
/// the text as typed (a line break, a space at the end of a line), whatever it sends; it
/// starts again from the list if that changes elsewhere meanwhile (an undo).
pub fn lines_field(
    ui: &mut Ui,
    label: &str,
    values: &[String],
    hint: &str,
    commit: ListCommit,
) -> Option<Vec<String>> {
    let id = ui.scope_id().with(("lines-field", label));
    let typed: Option<(String, Vec<String>)> = ui.data(|d| d.get_temp(id));
    let mut text = match typed {
        Some((text, list)) if list == values => text,
        _ => values.join("\n"),
    };
    let (output, l) = ui
        .vertical(|ui| {
            let l = ui.label(RichText::new(label).small().weak());
            let output = egui::TextEdit::multiline(&mut text)
                .id(id)
                .desired_rows(values.len().clamp(1, 6))
                .hint_text(hint)
                .desired_width(f32::INFINITY)
                .show(ui);
            (output, l)
        })
        .inner;
    let response = output
        .response
        .response
        .labelled_by(l.id)
        .on_hover_text(format!("{hint}; one per line"));
    let list = parse_lines(&text);
    let due = match commit {
        ListCommit::EveryChange => response.changed(),
        ListCommit::OnLeave => response.lost_focus(),
    };
    let send = due && list != values;
    if response.has_focus() {
        // Kept with the list the document will hold, so the text survives what it sends.
        let holds = if send { list.clone() } else { values.to_vec() };
        ui.data_mut(|d| d.insert_temp(id, (text, holds)));
    } else {
        ui.data_mut(|d| d.remove::<(String, Vec<String>)>(id));
    }
    send.then_some(list)
}

/// A number typed as text, within `range`: returns `Some(Some(x))` for a new number,
/// `Some(None)` when the field is emptied (not scored), `None` when nothing changed. While
/// the field has the keyboard it keeps the text as typed ("7." on the way to "7.5"); a
/// number outside the range is kept within it, and the field says so.
pub fn number_field(
    ui: &mut Ui,
    label: &str,
    value: Option<f64>,
    range: std::ops::RangeInclusive<f64>,
    hint: &str,
) -> Option<Option<f64>> {
    let id = ui.scope_id().with(("number-field", label));
    let typed: Option<(String, Option<f64>)> = ui.data(|d| d.get_temp(id));
    let mut text = match typed {
        Some((text, held)) if held == value => text,
        _ => value.map(format_number).unwrap_or_default(),
    };
    let l = ui.label(RichText::new(label).small().weak());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(80.0)
                .hint_text("not scored"),
        )
        .labelled_by(l.id)
        .on_hover_text(hint);
    let trimmed = text.trim().replace(',', ".");
    let parsed = if trimmed.is_empty() {
        Ok(None)
    } else {
        trimmed
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .map(|x| Some(x.clamp(*range.start(), *range.end())))
            .ok_or(())
    };
    match &parsed {
        Err(()) => {
            ui.label(
                RichText::new("not a number: the score is unchanged")
                    .small()
                    .weak(),
            );
        }
        Ok(Some(x)) if trimmed.parse::<f64>().is_ok_and(|t| t != *x) => {
            ui.label(
                RichText::new(format!("kept within {}–{}", range.start(), range.end()))
                    .small()
                    .weak(),
            );
        }
        _ => {}
    }
    let send = match parsed {
        Ok(new) if response.changed() && new != value => Some(new),
        _ => None,
    };
    if response.has_focus() {
        let holds = send.unwrap_or(value);
        ui.data_mut(|d| d.insert_temp(id, (text, holds)));
    } else {
        ui.data_mut(|d| d.remove::<(String, Option<f64>)>(id));
    }
    send
}

/// A number as people write it: no trailing zeros ("7.5", "3").
fn format_number(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The non-empty lines of `text`, trimmed.
fn parse_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A weight editor (0 or more, fine steps) with an accessible name; true when it changed.
pub fn weight_drag(ui: &mut Ui, weight: &mut f64, accessible_name: String, tooltip: &str) -> bool {
    ui.add(
        egui::DragValue::new(weight)
            // Weights are relative: any size will do, only not below 0.
            .range(0.0..=1_000_000.0)
            .speed(0.05)
            .max_decimals(2),
    )
    .accessible_name(accessible_name)
    .on_hover_text(tooltip)
    .changed()
}

/// A button with a tooltip that is greyed out when `enabled` is false.
pub fn button(ui: &mut Ui, enabled: bool, label: &str, tooltip: &str) -> Response {
    ui.add_enabled(enabled, egui::Button::new(label))
        .on_hover_text(tooltip)
        .on_disabled_hover_text(tooltip)
}

/// Buttons in a row, each sending its message when clicked: (label, tooltip, message).
pub fn answer_buttons(
    ui: &mut Ui,
    out: &mut crate::app::Outbox,
    answers: Vec<(&str, &str, crate::app::Msg)>,
) {
    for (label, tip, msg) in answers {
        if ui.button(label).on_hover_text(tip).clicked() {
            out.send(msg);
        }
    }
}

/// The proposals' colours (for those without their own), in order: Okabe and Ito's colour-blind-safe set (its black a grey, to
/// read on a dark theme). `tests/palette.rs` checks they stay apart under colour blindness.
pub const PALETTE: [Color32; 8] = [
    Color32::from_rgb(0, 114, 178),
    Color32::from_rgb(230, 159, 0),
    Color32::from_rgb(0, 158, 115),
    Color32::from_rgb(204, 121, 167),
    Color32::from_rgb(86, 180, 233),
    Color32::from_rgb(213, 94, 0),
    Color32::from_rgb(240, 228, 66),
    Color32::from_rgb(100, 100, 100),
];

/// The colour of proposal number `index`.
pub fn proposal_colour(p: &Proposal, index: usize) -> Color32 {
    p.rgb()
        .map(|[r, g, b]| Color32::from_rgb(r, g, b))
        .unwrap_or(PALETTE[index % PALETTE.len()])
}

/// Background of a cell with normalised value `v` (0 worst, 1 best): a single-hue ramp, so
/// it reads in grey too; the value is always written in the cell as well.
pub fn score_fill(v: f64, dark: bool) -> Color32 {
    let t = v.clamp(0.0, 1.0) as f32;
    let (lo, hi) = if dark {
        (
            Color32::from_rgb(40, 44, 52),
            Color32::from_rgb(26, 120, 160),
        )
    } else {
        (
            Color32::from_rgb(244, 246, 248),
            Color32::from_rgb(92, 170, 214),
        )
    };
    lerp(lo, hi, t)
}

/// The text colour for a cell filled with `fill`: black or white, whichever reads better
/// (every fill of `score_fill`, and the faint fill of a silent or unscored cell, then meets
/// 4.5 : 1; `tests/contrast.rs`).
pub fn text_on_fill(fill: Color32, visuals: &egui::Visuals) -> Color32 {
    use crate::ui::contrast::{over, ratio};
    // A translucent fill (the faint rows' colour) is seen over the panel.
    let fill = over(fill, visuals.panel_fill);
    if ratio(Color32::WHITE, fill) >= ratio(Color32::BLACK, fill) {
        Color32::WHITE
    } else {
        Color32::BLACK
    }
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}

/// The longest a name is drawn, in characters: whatever is typed, a card, a slide or the
/// inspector keeps its layout (the whole name is in the tooltip and the inspector's field).
pub const NAME_SHOWN: usize = 120;

/// A name as drawn: cut to `NAME_SHOWN` characters, with an ellipsis when cut.
pub fn shown_name(name: &str) -> String {
    short_label_of(name, NAME_SHOWN)
}

/// A name cut to 24 characters, for chart labels.
pub fn short_label(name: &str) -> String {
    short_label_of(name, 24)
}

/// A text cut to `n` characters, with an ellipsis when cut.
pub fn short_label_of(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        text.to_owned()
    } else {
        format!(
            "{}…",
            text.chars().take(n.saturating_sub(1)).collect::<String>()
        )
    }
}

pub use crate::scoring::ordinal;

/// A total as a percentage, or "—" when nothing is scored.
pub fn total_text(total: Option<f64>) -> String {
    total.map_or_else(|| "—".to_owned(), |t| format!("{:.0}", t * 100.0))
}

/// The first sentence of a text (up to 160 characters), for tooltips and slides.
pub fn first_sentence(text: &str) -> String {
    let end = text.find(". ").map_or(text.len(), |i| i + 1);
    let s: String = text[..end].chars().take(160).collect();
    if s.len() < text.len() {
        format!("{s} …")
    } else {
        s
    }
}

/// A chart's text twin: its summary in a sentence (what a screen reader reads first), a
/// "Show the `id` as a table" section with the chart's data row by row, and a Copy button
/// for both (each labelled with the chart's name, so every twin is told apart).
pub fn text_twin(ui: &mut Ui, id: &str, summary: &str, header: &[String], rows: &[Vec<String>]) {
    ui.horizontal_wrapped(|ui| {
        ui.label(summary);
        if ui
            .add(egui::Button::new("Copy").small())
            .accessible_name(format!("Copy the {id} as text"))
            .on_hover_text(format!("Copy this summary and the {id} as text"))
            .clicked()
        {
            let mut text = format!("{summary}\n{}\n", header.join("\t"));
            for row in rows {
                text.push_str(&row.join("\t"));
                text.push('\n');
            }
            ui.ctx().copy_text(text);
        }
    });
    egui::CollapsingHeader::new(format!("Show the {id} as a table"))
        .id_salt(("text-twin", id))
        .show(ui, |ui| {
            egui::Grid::new(("text-twin-grid", id))
                .striped(true)
                .show(ui, |ui| {
                    for h in header {
                        ui.label(egui::RichText::new(h).strong());
                    }
                    ui.end_row();
                    for row in rows {
                        for cell in row {
                            ui.label(cell);
                        }
                        ui.end_row();
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::ordinal;

    #[test]
    fn ordinals() {
        let v: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101]
            .iter()
            .map(|&n| ordinal(n))
            .collect();
        assert_eq!(
            v,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
        );
    }
}
