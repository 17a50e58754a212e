//! The student's pages: plain HTML and a little CSS, no script, readable on a phone. Every
//! text from the scenario or from a student is escaped.

use std::fmt::Write;

use super::room::{Room, Seat, WEIGHT_MAX};
use crate::model::{Scale, Scenario, ScoreValue};

/// The style every page shares: large touch targets, one column, the system's fonts.
const STYLE: &str = "body{font:17px/1.45 system-ui,sans-serif;max-width:40rem;margin:0 auto;\
padding:1rem;color:#111;background:#fff}h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.6rem}\
label{display:block;margin:.8rem 0 .2rem;font-weight:600}input,select,textarea,button{font:inherit;\
width:100%;box-sizing:border-box;padding:.5rem;min-height:2.75rem}input[type=range]{padding:0}\
button{background:#0b5cad;color:#fff;border:0;border-radius:.4rem;margin-top:1.2rem;font-weight:600}\
button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #b35900;outline-offset:2px}\
.note{background:#eef4fb;padding:.6rem;border-radius:.4rem}.err{background:#fdecea;padding:.6rem;\
border-radius:.4rem}.hint{color:#444;font-size:.9rem;margin:0}details{border:1px solid #999;\
border-radius:.4rem;padding:.4rem .6rem;margin:.6rem 0}summary{font-weight:600;min-height:2.75rem;\
display:flex;align-items:center}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #999;\
padding:.3rem;text-align:left}@media (prefers-color-scheme:dark){body{background:#111;color:#eee}\
.note{background:#1d2a38}.err{background:#3a1d1d}.hint{color:#bbb}button{background:#4d9de0;color:#000}}";

/// Escapes text for HTML (element content and quoted attributes alike).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A whole page around `body`.
fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{} — Concord live round</title><style>{STYLE}</style></head><body>{body}</body></html>",
        esc(title)
    )
}

/// The page a student opens first: the join code and (unless anonymous) a name.
pub fn join_page(room: &Room, problem: Option<&str>) -> String {
    let mut b = String::new();
    let _ = write!(b, "<h1>{}</h1>", esc(&room.template().title));
    b.push_str("<p>Join your class's round: type the code shown on the board.</p>");
    if let Some(p) = problem {
        let _ = write!(b, "<p class=\"err\" role=\"alert\">{}</p>", esc(p));
    }
    b.push_str("<form method=\"post\" action=\"/join\">");
    b.push_str(
        "<label for=\"code\">Join code</label><input id=\"code\" name=\"code\" required \
         maxlength=\"12\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\">",
    );
    if room.settings.anonymous {
        b.push_str("<p class=\"hint\">This round is anonymous: your name is not asked.</p>");
    } else {
        b.push_str(
            "<label for=\"name\">Your name</label><input id=\"name\" name=\"name\" required \
             maxlength=\"60\" autocomplete=\"name\">",
        );
    }
    b.push_str("<button type=\"submit\">Join</button></form>");
    page("Join", &b)
}

/// A short page that says one thing (the round has ended, a problem).
pub fn message_page(title: &str, text: &str) -> String {
    page(
        title,
        &format!("<h1>{}</h1><p>{}</p>", esc(title), esc(text)),
    )
}

/// The slider's place for criterion weight `w` when the student has not moved it: the
/// hand-out's weights, as a share of the largest, on 0–[`WEIGHT_MAX`].
fn starting_weight(s: &Scenario, w: f64) -> u32 {
    let top = s.criteria.iter().map(|c| c.weight).fold(0.0_f64, f64::max);
    if top <= 0.0 {
        return WEIGHT_MAX / 2;
    }
    ((w / top) * f64::from(WEIGHT_MAX))
        .round()
        .clamp(0.0, f64::from(WEIGHT_MAX)) as u32
}

/// The form's value for a score (the inverse of `room::parse_value`).
fn form_value(v: ScoreValue) -> String {
    match v {
        ScoreValue::Silent => "silent".into(),
        ScoreValue::Level(i) => i.to_string(),
        ScoreValue::Bool(true) => "yes".into(),
        ScoreValue::Bool(false) => "no".into(),
        ScoreValue::Number(x) => format!("{x}"),
    }
}

/// The student's ballot: the proposals, a weight slider per criterion, and (if the teacher
/// allows) a value and reason per cell, filled with what they last sent.
pub fn ballot_page(
    room: &Room,
    seat: &Seat,
    notice: Option<&str>,
    results: Option<&str>,
) -> String {
    let s = room.template();
    let last = seat.ballot.as_ref();
    let mut b = String::with_capacity(24 * 1024);
    let _ = write!(b, "<h1>{}</h1>", esc(&s.title));
    let _ = write!(
        b,
        "<p>Signed in as <strong>{}</strong>. Send your answers; until your teacher closes the \
         round you can change them and send again.</p>",
        esc(&seat.name)
    );
    if let Some(n) = notice {
        let _ = write!(b, "<p class=\"note\" role=\"status\">{}</p>", esc(n));
    }
    if let Some(r) = results {
        b.push_str(r);
    }
    b.push_str("<h2>The proposals</h2>");
    for p in &s.proposals {
        let _ = write!(
            b,
            "<details><summary>{}</summary><p>{}</p></details>",
            esc(p.label()),
            esc(&p.summary)
        );
    }
    let _ = write!(
        b,
        "<form method=\"post\" action=\"/seat/{}\">",
        esc(&seat.token)
    );
    b.push_str(
        "<h2>How much each criterion matters to you</h2><p class=\"hint\">0: not at all; \
         10: most of all.</p>",
    );
    for (k, c) in s.criteria.iter().enumerate() {
        let w = last
            .and_then(|l| l.weights.get(&c.id).copied())
            .unwrap_or_else(|| starting_weight(s, c.weight));
        let _ = write!(
            b,
            "<label for=\"w{k}\">{}</label><input type=\"range\" id=\"w{k}\" name=\"w.{k}\" \
             min=\"0\" max=\"{WEIGHT_MAX}\" value=\"{w}\">",
            esc(&c.name)
        );
        if !c.description.is_empty() {
            let _ = write!(b, "<p class=\"hint\">{}</p>", esc(&c.description));
        }
    }
    if room.settings.scores {
        b.push_str(
            "<h2>Your reading of each proposal</h2><p class=\"hint\">Leave a cell \"as handed \
             out\" to keep the lesson's score; give a reason for the ones you change.</p>",
        );
        for (j, p) in s.proposals.iter().enumerate() {
            let _ = write!(b, "<details><summary>{}</summary>", esc(p.label()));
            for (k, c) in s.criteria.iter().enumerate() {
                let key = (c.id.clone(), p.id.clone());
                let (mine, reason) = last
                    .and_then(|l| l.scores.get(&key).cloned())
                    .unwrap_or_default();
                let handed = s.score(&c.id, &p.id).and_then(|x| x.value);
                let field = format!("{k}.{j}");
                let _ = write!(b, "<label for=\"s{field}\">{}</label>", esc(&c.name));
                cell_input(&mut b, &field, &c.scale, c.value_text(handed), mine);
                // A screen reader names it by its placeholder; its label is the one above.
                let _ = write!(
                    b,
                    "<input name=\"r.{field}\" maxlength=\"600\" placeholder=\"Reason\" \
                     value=\"{}\">",
                    esc(&reason)
                );
            }
            b.push_str("</details>");
        }
    }
    b.push_str("<button type=\"submit\">Send my answers</button></form>");
    page("Your answers", &b)
}

/// The control for one cell's value: a list of the scale's values, or a number field.
fn cell_input(
    b: &mut String,
    field: &str,
    scale: &Scale,
    handed: String,
    mine: Option<ScoreValue>,
) {
    let chosen = mine.map(form_value).unwrap_or_default();
    if let Scale::Numeric { min, max, step } = scale {
        let _ = write!(
            b,
            "<input type=\"number\" id=\"s{field}\" name=\"s.{field}\" min=\"{min}\" \
             max=\"{max}\" step=\"{step}\" placeholder=\"As handed out: {}\" value=\"{}\">",
            esc(&handed),
            esc(&chosen)
        );
        return;
    }
    let _ = write!(b, "<select id=\"s{field}\" name=\"s.{field}\">");
    let mut option = |value: &str, text: &str| {
        let sel = if value == chosen { " selected" } else { "" };
        let _ = write!(
            b,
            "<option value=\"{}\"{sel}>{}</option>",
            esc(value),
            esc(text)
        );
    };
    option("", &format!("As handed out: {handed}"));
    match scale {
        Scale::Levels(levels) => {
            for (i, l) in levels.iter().enumerate() {
                option(&i.to_string(), l);
            }
        }
        Scale::YesNo => {
            option("yes", "Yes");
            option("no", "No");
        }
        Scale::Numeric { .. } => {}
    }
    option("silent", "Silent");
    b.push_str("</select>");
}

/// The class's results as the students see them once revealed: each proposal's mean total
/// over the students' readings, best first.
pub fn results_section(s: &Scenario, round: &crate::analysis::round::Round) -> String {
    let mut b = String::from(
        "<h2>The class's results</h2><p class=\"hint\">The mean of everyone's totals \
         (0–100): a reading of the class's answers, not a verdict.</p><table><tr><th>Proposal</th>\
         <th>Mean total</th></tr>",
    );
    for &j in &round.by_mean {
        let total =
            round.mean_totals[j].map_or_else(|| "—".to_owned(), |t| format!("{:.0}", t * 100.0));
        let _ = write!(
            b,
            "<tr><td>{}</td><td>{total}</td></tr>",
            esc(s.proposals[j].label())
        );
    }
    b.push_str("</table>");
    b
}
