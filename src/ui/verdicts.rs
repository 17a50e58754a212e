//! What the chosen perspective's red lines say of a proposal, in words for cards, columns
//! and the matrix: ruled out (by whom, on what), or unknown (which cell is not scored).

use egui::{Color32, RichText, Ui};

use crate::model::{Perspective, Scenario};
use crate::scoring::Verdict;

/// A verdict in words: a short line, and the reasons for the hover.
pub struct Said {
    /// The line on the card ("Ruled out by X: Borders").
    pub line: String,
    /// Each red line with its reason, for the hover.
    pub detail: String,
    /// True when ruled out (false: unknown).
    pub ruled_out: bool,
}

/// The verdict of `perspective` on proposal `p` in words; `None` when accepted.
pub fn said(s: &Scenario, perspective: &Perspective, verdict: &Verdict) -> Option<Said> {
    let (lines, ruled_out) = match verdict {
        Verdict::Accepted => return None,
        Verdict::RuledOut(lines) => (lines, true),
        Verdict::Unknown(lines) => (lines, false),
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
        if !ruled_out {
            d.push_str(" (this cell is not scored, so nobody can say)");
        }
        if !line.reason.is_empty() {
            d.push_str(&format!("\n{}", line.reason));
        }
        for e in &line.evidence {
            d.push_str(&format!("\n— {} {}", e.source, e.locator));
        }
        detail.push(d);
    }
    let line = if ruled_out {
        format!("Ruled out by {}: {}", perspective.name, names.join(", "))
    } else {
        format!(
            "Unknown for {}: {} not scored",
            perspective.name,
            names.join(", ")
        )
    };
    Some(Said {
        line,
        detail: detail.join("\n\n"),
        ruled_out,
    })
}

/// The colour of a verdict line.
pub fn colour(ui: &Ui, ruled_out: bool) -> Color32 {
    if ruled_out {
        ui.visuals().error_fg_color
    } else {
        ui.visuals().warn_fg_color
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
    let mut text = RichText::new(&said.line).color(colour(ui, said.ruled_out));
    if small {
        text = text.small();
    }
    ui.add(egui::Label::new(text).truncate())
        .on_hover_text(format!("{}\n\n{}", said.line, said.detail));
}
