//! What the chosen perspective's red lines say of a proposal, in words for cards, columns
//! and the matrix: ruled out (by whom, on what), unknown (which cell is not scored), or
//! not addressed (the text is silent: neither met nor crossed).

use egui::{Color32, RichText, Ui};

use crate::model::{Perspective, Scenario};
use crate::scoring::Verdict;

/// A verdict in words: a short line, and the reasons for the hover.
pub struct Said {
    /// The line on the card ("Ruled out by X: Borders").
    pub line: String,
    /// Each red line with its reason, for the hover.
    pub detail: String,
    /// Which verdict it is.
    pub kind: Kind,
}

/// The verdicts that are worth a line (acceptable is not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A red line is crossed.
    RuledOut,
    /// A red line cannot be tested: its cell is not scored.
    Unknown,
    /// The text is silent on a red line's matter: neither met nor crossed.
    NotAddressed,
}

/// The verdict of `perspective` on proposal `p` in words; `None` when accepted.
pub fn said(s: &Scenario, perspective: &Perspective, verdict: &Verdict) -> Option<Said> {
    let (lines, kind) = match verdict {
        Verdict::Accepted => return None,
        Verdict::RuledOut(lines) => (lines, Kind::RuledOut),
        Verdict::Unknown(lines) => (lines, Kind::Unknown),
        Verdict::NotAddressed(lines) => (lines, Kind::NotAddressed),
    };
    let mut names = Vec::new();
    let mut detail = Vec::new();
    for &j in lines {
        let Some(line) = perspective.red_lines.get(j) else {
            continue;
        };
        let Some(c) = s.criteria.iter().find(|c| c.id == line.criterion) else {
            continue;
        };
        names.push(c.name.clone());
        let mut d = format!("{}: accepts {}", c.name, line.accepts.describe(c));
        match kind {
            Kind::Unknown => d.push_str(" (this cell is not scored, so nobody can say)"),
            Kind::NotAddressed => d.push_str(&format!(
                " (the text says nothing on {}: the line is neither met nor crossed)",
                c.name
            )),
            Kind::RuledOut => {}
        }
        if !line.reason.is_empty() {
            d.push_str(&format!("\n{}", line.reason));
        }
        for e in &line.evidence {
            d.push_str(&format!("\n— {} {}", e.source, e.locator));
        }
        detail.push(d);
    }
    let line = match kind {
        Kind::RuledOut => format!("Ruled out by {}: {}", perspective.name, names.join(", ")),
        Kind::Unknown => format!(
            "Unknown for {}: {} not scored",
            perspective.name,
            names.join(", ")
        ),
        Kind::NotAddressed => format!(
            "Not addressed for {}: silent on {}",
            perspective.name,
            names.join(", ")
        ),
    };
    Some(Said {
        line,
        detail: detail.join("\n\n"),
        kind,
    })
}

/// The colour of a verdict line: its own for each kind.
pub fn colour(ui: &Ui, kind: Kind) -> Color32 {
    match kind {
        Kind::RuledOut => ui.visuals().error_fg_color,
        Kind::Unknown => ui.visuals().warn_fg_color,
        Kind::NotAddressed => not_addressed_colour(ui),
    }
}

/// The colour of "not addressed" and of silent cells: a muted blue, neither the warning's
/// amber nor the error's red, legible on the theme's panel.
pub fn not_addressed_colour(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(130, 170, 220)
    } else {
        Color32::from_rgb(35, 75, 135)
    }
}

/// Draws the verdict of the chosen perspective on proposal `p`, if it is not accepted.
pub fn verdict_ui(ui: &mut Ui, state: &crate::app::AppState, p: usize, small: bool) {
    let Some(perspective) = state
        .perspective()
        .and_then(|id| state.scenario().perspective_by_id(id))
    else {
        return;
    };
    let Some(verdict) = state.eval().verdicts.get(p) else {
        return;
    };
    let Some(said) = said(state.scenario(), perspective, verdict) else {
        return;
    };
    let mut text = RichText::new(&said.line).color(colour(ui, said.kind));
    if small {
        text = text.small();
    }
    ui.add(egui::Label::new(text).truncate())
        .on_hover_text(format!("{}\n\n{}", said.line, said.detail));
}
