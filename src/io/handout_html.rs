//! The printable handout: one self-contained HTML page (print CSS for A4 and Letter) with
//! the title and sources, a block per proposal, the criteria table with every score and its
//! reason, citations as numbered notes, totals and contributions as inline SVG, and the
//! perspectives side by side. No script and no external request: every text from the
//! scenario is escaped, and names in Arabic or Hebrew keep their direction (`dir="auto"`).

use std::fmt::Write;

use crate::analysis::perspectives::{column_name, Matrix};
use crate::model::{Citation, Scenario};
use crate::scoring::{Evaluation, WeightSet};

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Bidi controls from a file would reorder the page's own text around them.
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                let _ = write!(out, "&#x{:X};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text in its own direction: `<bdi>` isolates it from the text around it.
fn bdi(s: &str) -> String {
    format!("<bdi dir=\"auto\">{}</bdi>", escape(s))
}

/// A link, only when the address is http(s); anything else is shown as text.
fn link(url: &str) -> String {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        format!("<a href=\"{}\">{}</a>", escape(u), escape(u))
    } else {
        escape(u)
    }
}

const STYLE: &str = "
body{font-family:'Noto Sans',system-ui,sans-serif;font-size:11pt;line-height:1.4;color:#111;max-width:180mm;margin:0 auto;padding:8mm}
h1{font-size:20pt;margin:0 0 4pt}h2{font-size:14pt;margin:14pt 0 4pt;border-bottom:1px solid #999}
h3{font-size:12pt;margin:10pt 0 2pt}.muted{color:#555}.small{font-size:9pt}
table{border-collapse:collapse;width:100%;font-size:9pt}th,td{border:1px solid #bbb;padding:3pt;vertical-align:top;text-align:left}
th{background:#eee}.score{font-weight:bold;display:block}.reason{display:block}
.proposal{break-inside:avoid;border-left:4pt solid #888;padding-left:6pt;margin:8pt 0}
ol.notes li{margin-bottom:2pt}svg{max-width:100%;height:auto}
@page{margin:15mm}
@media print{body{padding:0;max-width:none}a{color:inherit;text-decoration:none}h2{break-after:avoid}tr{break-inside:avoid}}
";

/// Numbered notes for the citations, in order of first use.
#[derive(Default)]
struct Notes {
    list: Vec<String>,
}

impl Notes {
    /// The note marks for these citations, adding each to the list.
    fn refs(&mut self, s: &Scenario, citations: &[Citation]) -> String {
        let mut marks = Vec::new();
        for c in citations {
            let title = s
                .sources
                .iter()
                .find(|x| x.id == c.source)
                .map_or_else(|| c.source.clone(), |x| x.title.clone());
            let mut text = bdi(&title);
            if !c.locator.is_empty() {
                let _ = write!(text, ", {}", escape(&c.locator));
            }
            if !c.note.is_empty() {
                let _ = write!(text, ": {}", escape(&c.note));
            }
            self.list.push(text);
            let n = self.list.len();
            marks.push(format!("<a href=\"#note-{n}\">{n}</a>"));
        }
        // Separated, so that notes 1, 2 and 3 do not read as note 123.
        if marks.is_empty() {
            String::new()
        } else {
            format!("<sup>{}</sup>", marks.join(","))
        }
    }
}

/// The whole handout, scored with `weights`.
pub fn handout_html(s: &Scenario, weights: WeightSet<'_>) -> String {
    let e = Evaluation::new(s, weights);
    let mut notes = Notes::default();
    let mut h = String::with_capacity(64 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    // No request leaves the page: no script, no external style, image or font.
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    let _ = writeln!(
        h,
        "<title>{}</title><style>{STYLE}</style></head><body>",
        escape(&s.title)
    );
    let _ = writeln!(h, "<h1>{}</h1>", bdi(&s.title));
    if !s.authors.is_empty() {
        let names: Vec<String> = s.authors.iter().map(|a| bdi(a)).collect();
        let _ = writeln!(h, "<p class=\"muted\">By {}</p>", names.join(", "));
    }
    for para in s.description.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(h, "<p>{}</p>", escape(para));
    }
    let _ = writeln!(
        h,
        "<p class=\"small muted\">Scores are readings of the sources, not verdicts; a ranking is a reading, never the truth. Weights: {}.</p>",
        escape(match weights {
            WeightSet::Base => "the criteria's own",
            WeightSet::Perspective(p) => &p.name,
        })
    );

    // Ranking and contributions.
    h.push_str("<h2>Ranking</h2>\n");
    h.push_str(&totals_svg(s, &e));
    h.push_str("<h3>What each criterion adds to each total</h3>\n<p class=\"small muted\">Each bar is a proposal's total, built of what each scored criterion adds (its weight times its score, over the weight scored); colours are the criteria's groups.</p>\n");
    h.push_str(&contributions_svg(s, &e));

    // Proposals.
    h.push_str("<h2>Proposals</h2>\n");
    for (i, p) in s.proposals.iter().enumerate() {
        let st = e.standings[i];
        let _ = write!(
            h,
            "<div class=\"proposal\" style=\"border-left-color:{}\"><h3>{}",
            safe_colour(&p.colour),
            bdi(&p.name)
        );
        if !p.original_name.is_empty() {
            let _ = write!(h, " · {}", bdi(&p.original_name));
        }
        h.push_str("</h3>\n");
        let rank = st
            .rank
            .map_or_else(|| "not ranked".to_owned(), |r| format!("rank {r}"));
        let total = st.total.map_or_else(
            || "not scored".to_owned(),
            |t| format!("{:.0} of 100", t * 100.0),
        );
        let _ = writeln!(
            h,
            "<p class=\"small muted\">{}{} · {total}, {rank}, {:.0}% of the weight scored</p>",
            escape(&p.date),
            if p.proposer.is_empty() {
                String::new()
            } else {
                format!(" · {}", escape(&p.proposer))
            },
            st.coverage * 100.0
        );
        if !p.status.is_empty() {
            let _ = writeln!(h, "<p><i>{}</i></p>", escape(&p.status));
        }
        if !p.summary.is_empty() {
            let _ = writeln!(
                h,
                "<p>{}{}</p>",
                escape(&p.summary),
                notes.refs(s, &p.sources)
            );
        }
        if !p.provisions.is_empty() {
            h.push_str("<ul>");
            for pr in &p.provisions {
                let _ = write!(h, "<li>{}</li>", escape(&pr.text));
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</div>\n");
    }

    // The table.
    h.push_str("<h2>Criteria and scores</h2>\n<table><thead><tr><th>Criterion</th><th>Weight</th>");
    for p in &s.proposals {
        let _ = write!(h, "<th>{}</th>", bdi(p.label()));
    }
    h.push_str("</tr></thead><tbody>\n");
    let n_p = s.proposals.len();
    for (k, c) in s.criteria.iter().enumerate() {
        let _ = write!(
            h,
            "<tr><th>{}<br><span class=\"small muted\">{}</span></th><td>{:.0}%</td>",
            escape(&c.name),
            escape(&c.description),
            e.weights[k] * 100.0
        );
        for (j, _) in s.proposals.iter().enumerate() {
            match e.score(s, k, j) {
                Some(sc) => {
                    let _ = write!(
                        h,
                        "<td><span class=\"score\">{}</span><span class=\"reason\">{}{}</span></td>",
                        escape(&c.value_text(sc.value)),
                        escape(&sc.rationale),
                        notes.refs(s, &sc.evidence)
                    );
                }
                None => h.push_str("<td class=\"muted\">not scored</td>"),
            }
        }
        h.push_str("</tr>\n");
        let _ = n_p;
    }
    h.push_str("<tr><th>Total (0–100)</th><td></td>");
    for st in &e.standings {
        let _ = write!(
            h,
            "<td><b>{}</b></td>",
            st.total
                .map_or_else(|| "—".to_owned(), |t| format!("{:.1}", t * 100.0))
        );
    }
    h.push_str("</tr></tbody></table>\n");
    if s.has_silent() {
        let _ = writeln!(
            h,
            "<p class=\"small muted\">{}</p>",
            escape(s.silence.explained())
        );
    }

    // Perspectives.
    if !s.perspectives.is_empty() {
        let base = Evaluation::new(s, WeightSet::Base);
        let m = Matrix::compute(s, &base);
        h.push_str("<h2>Through each perspective</h2>\n<table><thead><tr><th>Proposal</th>");
        for col in &m.columns {
            let _ = write!(h, "<th>{}</th>", bdi(&column_name(s, col)));
        }
        h.push_str("</tr></thead><tbody>\n");
        for (p, prop) in s.proposals.iter().enumerate() {
            let _ = write!(h, "<tr><th>{}</th>", bdi(prop.label()));
            for col in &m.columns {
                let st = col.eval.standings[p];
                let out = match col.eval.verdicts.get(p) {
                    Some(crate::scoring::Verdict::RuledOut(_)) => " · ruled out",
                    Some(crate::scoring::Verdict::NotAddressed(_)) => " · not addressed",
                    _ => "",
                };
                let _ = write!(
                    h,
                    "<td>{}{}{out}</td>",
                    st.rank.map_or_else(|| "—".to_owned(), |r| format!("{r}")),
                    st.total
                        .map_or_else(String::new, |t| format!(" · {:.0}", t * 100.0)),
                );
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody></table>\n<p class=\"small muted\">Each cell: rank · total (0–100); \"ruled out\": one of that perspective's red lines is crossed; \"not addressed\": the text is silent on one of its red lines, which is then neither met nor crossed.</p>\n");
        for part in super::perspective_parts::parts(s) {
            let p = part.view;
            let _ = writeln!(
                h,
                "<h3>{}</h3>\n<p>{}{}</p>",
                bdi(&p.name),
                escape(&p.description),
                notes.refs(s, &p.sources)
            );
            h.push_str("<p class=\"small\"><b>Weights:</b> ");
            let weights: Vec<String> = part
                .weights
                .iter()
                .map(|(c, w)| format!("{} {}", escape(c), escape(w)))
                .collect();
            h.push_str(&weights.join("; "));
            h.push_str("</p>\n");
            if part.red_lines.is_empty() {
                h.push_str("<p class=\"small\"><b>Red lines:</b> none stated.</p>\n");
            } else {
                h.push_str("<p class=\"small\"><b>Red lines</b></p>\n<ul class=\"small\">\n");
                for line in &part.red_lines {
                    let _ = writeln!(
                        h,
                        "<li><b>{}</b>: accepts {}. {} {}{}</li>",
                        escape(&line.criterion),
                        escape(&line.accepts),
                        escape(line.reason),
                        escape(&line.silence_sentence()),
                        notes.refs(s, line.evidence)
                    );
                }
                h.push_str("</ul>\n");
            }
            if !part.readings.is_empty() {
                h.push_str(
                    "<p class=\"small\"><b>Its own readings</b></p>\n<ul class=\"small\">\n",
                );
                for r in &part.readings {
                    let _ = writeln!(
                        h,
                        "<li>{}: <b>{}</b>. {}{}</li>",
                        bdi(&r.cell),
                        escape(&r.value),
                        escape(r.reason),
                        notes.refs(s, r.evidence)
                    );
                }
                h.push_str("</ul>\n");
            }
        }
    }

    // Notes and sources.
    if !notes.list.is_empty() {
        h.push_str("<h2>Notes</h2>\n<ol class=\"notes small\">\n");
        for (i, n) in notes.list.iter().enumerate() {
            let _ = writeln!(h, "<li id=\"note-{}\">{n}</li>", i + 1);
        }
        h.push_str("</ol>\n");
    }
    if !s.sources.is_empty() {
        h.push_str("<h2>Sources</h2>\n<ul class=\"small\">\n");
        for src in &s.sources {
            let authors: Vec<String> = src.authors.iter().map(|a| bdi(a)).collect();
            let _ = writeln!(
                h,
                "<li>{}{}. <i>{}</i>{}. {}</li>",
                authors.join(", "),
                if authors.is_empty() { "" } else { ":" },
                bdi(&src.title),
                if src.publication.is_empty() {
                    String::new()
                } else {
                    format!(", {}", escape(&src.publication))
                },
                [escape(&src.date), link(&src.url)]
                    .iter()
                    .filter(|x| !x.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(". ")
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("<p class=\"small muted\">Made with Concord.</p>\n</body></html>\n");
    h
}

/// Totals as horizontal bars, best first.
fn totals_svg(s: &Scenario, e: &Evaluation) -> String {
    let row = 22.0;
    let height = row * s.proposals.len() as f64 + 10.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 {height}\" width=\"600\" height=\"{height}\" role=\"img\" aria-label=\"Totals\">\n"
    );
    for (n, &p) in e.order.iter().enumerate() {
        let y = 5.0 + row * n as f64;
        let total = e.standings[p].total.unwrap_or(0.0);
        let colour = safe_colour(&s.proposals[p].colour);
        let _ = writeln!(
            svg,
            "<text x=\"0\" y=\"{:.1}\" font-size=\"11\">{}</text><rect x=\"200\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{:.1}</text>",
            y + 14.0,
            escape(s.proposals[p].label()),
            total * 350.0,
            row - 6.0,
            205.0 + total * 350.0,
            y + 14.0,
            total * 100.0
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// Colours for criteria groups that stay apart in print and for colour-blind readers
/// (Okabe and Ito's palette, then two of Tol's).
const GROUP_COLOURS: [&str; 10] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999",
    "#882255", "#44AA99",
];

/// What each criterion adds to each total: one stacked bar per proposal, the tallest
/// filling the chart, segments coloured by the criterion's group with a legend.
fn contributions_svg(s: &Scenario, e: &Evaluation) -> String {
    let n_p = s.proposals.len().max(1);
    let width = 600.0;
    let bar = (width - 40.0) / n_p as f64;
    let mut groups: Vec<&str> = Vec::new();
    for c in &s.criteria {
        if !groups.contains(&c.group.as_str()) {
            groups.push(&c.group);
        }
    }
    let colour = |k: usize| {
        let g = groups
            .iter()
            .position(|g| *g == s.criteria[k].group)
            .unwrap_or(0);
        GROUP_COLOURS[g % GROUP_COLOURS.len()]
    };
    let top = e
        .standings
        .iter()
        .filter_map(|x| x.total)
        .fold(0.0_f64, f64::max)
        .max(0.01);
    let legend_rows = groups.len().div_ceil(3);
    let height = 230.0 + 16.0 * legend_rows as f64;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"What each criterion adds to each total\">\n"
    );
    for p in 0..s.proposals.len() {
        let x = 20.0 + bar * p as f64;
        let mut y = 200.0;
        let covered: f64 = (0..s.criteria.len())
            .filter(|&k| e.value(k, p).is_some())
            .map(|k| e.weights[k])
            .sum();
        for k in 0..s.criteria.len() {
            let Some(v) = e.value(k, p) else { continue };
            if covered <= 0.0 {
                continue;
            }
            let part = e.weights[k] * v / covered / top * 170.0;
            if part <= 0.0 {
                continue;
            }
            y -= part;
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{part:.2}\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"0.6\"><title>{}: {:.1}</title></rect>",
                bar * 0.7,
                colour(k),
                escape(&s.criteria[k].name),
                e.weights[k] * v / covered * 100.0
            );
        }
        if let Some(t) = e.standings[p].total {
            let _ = write!(
                svg,
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"10\">{:.1}</text>",
                y - 3.0,
                t * 100.0
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{x:.1}\" y=\"218\" font-size=\"10\">{}</text>",
            escape(s.proposals[p].label())
        );
    }
    for (g, name) in groups.iter().enumerate() {
        let (col, row) = (g % 3, g / 3);
        let (x, y) = (20.0 + 190.0 * col as f64, 232.0 + 16.0 * row as f64);
        let name = if name.is_empty() { "Other" } else { name };
        let _ = writeln!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\">{}</text>",
            GROUP_COLOURS[g % GROUP_COLOURS.len()],
            x + 14.0,
            y + 9.0,
            escape(name)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// A colour from the file, used only when it is a plain `#rrggbb`.
fn safe_colour(c: &str) -> String {
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|x| x.is_ascii_hexdigit());
    if ok {
        c.to_owned()
    } else {
        "#888888".to_owned()
    }
}
