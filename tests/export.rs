//! The handout, Markdown and the workbook: what they hold, and that nothing from a file can
//! become code in them (a corpus of hostile text in every field of a scenario).

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use concord::io::handout_html::handout_html;
use concord::io::handout_md::handout_md;
use concord::io::workbook::workbook;
use concord::model::{Citation, Perspective, Provision, Scenario};
use concord::scoring::{Evaluation, WeightSet};

/// Text that would run, load or mislead if it were not escaped.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">x</a>",
    "&lt;script&gt; &amp &#x3c;script",
    "<iframe src=\"https://evil.example\"></iframe>",
    "</style><script>x</script>",
    "\u{202E}gnp.exe \u{2066}isolate",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<style>@import 'https://evil.example';</style>",
];

/// The default lesson with hostile text in every text field.
fn hostile_lesson() -> Scenario {
    let mut s = concord::seeds::default_scenario().unwrap();
    let pick = |i: usize| HOSTILE[i % HOSTILE.len()].to_owned();
    let mut n = 0;
    let mut next = || {
        n += 1;
        pick(n)
    };
    s.title = next();
    s.description = next();
    s.authors = vec![next(), next()];
    for src in &mut s.sources {
        src.title = next();
        src.publication = next();
        src.date = next();
        src.url = next();
        src.authors = vec![next()];
    }
    for p in &mut s.proposals {
        p.name = next();
        p.original_name = next();
        p.short_name = next();
        p.date = next();
        p.proposer = next();
        p.status = next();
        p.summary = next();
        p.colour = next();
        p.provisions.push(Provision {
            text: next(),
            criteria: vec![],
        });
        for c in &mut p.sources {
            c.locator = next();
            c.note = next();
        }
    }
    for c in &mut s.criteria {
        c.name = next();
        c.description = next();
        c.group = next();
    }
    for sc in &mut s.scores {
        sc.rationale = next();
        sc.evidence.push(Citation {
            source: s.sources[0].id.clone(),
            locator: next(),
            note: next(),
            kind: None,
        });
    }
    for p in &mut s.perspectives {
        p.name = next();
        p.description = next();
    }
    s
}

#[test]
fn the_handout_never_holds_anything_that_runs_or_loads() {
    let s = hostile_lesson();
    let html = handout_html(&s, WeightSet::Base);
    let doc = scraper::Html::parse_document(&html);
    let all = scraper::Selector::parse("*").unwrap();
    let mut elements = 0;
    for el in doc.select(&all) {
        elements += 1;
        let name = el.value().name();
        assert!(
            !matches!(
                name,
                "script"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "img"
                    | "link"
                    | "base"
                    | "form"
                    | "meta2"
            ),
            "a <{name}> element"
        );
        if name == "style" {
            // Only the page's own style sheet, which imports nothing.
            assert!(!el.inner_html().contains("@import"));
        }
        for (attr, value) in el.value().attrs() {
            assert!(!attr.starts_with("on"), "an event handler: {attr}={value}");
            if matches!(attr, "href" | "src" | "xlink:href" | "action") {
                let v = value.trim().to_ascii_lowercase();
                assert!(
                    v.starts_with("https://")
                        || v.starts_with("http://")
                        || v.starts_with("#note-"),
                    "{attr}={value}"
                );
                assert!(
                    !v.contains("evil.example") || attr == "href",
                    "{attr}={value}"
                );
            }
            if attr == "style" {
                assert!(!value.contains("url("), "style={value}");
            }
        }
    }
    assert!(elements > 100);
    // The hostile text is there, as text.
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("<script>alert(1)</script>"));
    assert!(text.contains("javascript:alert(1)"));
    // Bidi overrides from the file are written as references, not as raw controls.
    assert!(!html.contains('\u{202E}') && !html.contains('\u{2066}'));
    // A link only where the address is http(s): the javascript: one is plain text.
    let links = scraper::Selector::parse("a[href]").unwrap();
    for a in doc.select(&links) {
        let href = a.value().attr("href").unwrap();
        assert!(
            href.starts_with("http") || href.starts_with("#note-"),
            "{href}"
        );
    }
}

#[test]
fn the_handout_holds_the_lesson() {
    let s = concord::seeds::default_scenario().unwrap();
    let html = handout_html(&s, WeightSet::Base);
    let doc = scraper::Html::parse_document(&html);
    let text: String = doc.root_element().text().collect();
    for p in &s.proposals {
        assert!(text.contains(&p.name), "{}", p.name);
    }
    for c in &s.criteria {
        assert!(text.contains(&c.name));
    }
    // Every scored cell's reason, and a numbered note per citation of a cell.
    let e = Evaluation::new(&s, WeightSet::Base);
    for sc in &s.scores {
        assert!(text.contains(sc.rationale.as_str()));
    }
    let notes = scraper::Selector::parse("ol.notes li").unwrap();
    let cited: usize = s.scores.iter().map(|x| x.evidence.len()).sum();
    assert!(doc.select(&notes).count() >= cited);
    // Totals as the window has them, and an inline chart with no request.
    let first = e.order[0];
    let total = format!("{:.1}", e.standings[first].total.unwrap() * 100.0);
    assert!(text.contains(&total));
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    // Names in their own script keep their direction.
    assert!(html.contains("<bdi dir=\"auto\">مبادرة السلام العربية</bdi>"));
    // The perspectives side by side, one column per weight set.
    assert!(text.contains("Through each perspective"));
}

#[test]
fn markdown_keeps_markup_and_html_out() {
    let md = handout_md(&hostile_lesson(), WeightSet::Base);
    // Every "<" is escaped, except an autolink to an http(s) address.
    for (i, _) in md.match_indices('<') {
        let escaped = i > 0 && md.as_bytes()[i - 1] == b'\\';
        let autolink = md[i + 1..].starts_with("http://") || md[i + 1..].starts_with("https://");
        assert!(
            escaped || autolink,
            "raw HTML at {i}: {}",
            &md[i..(i + 40).min(md.len())]
        );
    }
    assert!(md.contains("\\<script\\>"));
    // Every table row has as many cells as the header.
    let lesson = concord::seeds::default_scenario().unwrap();
    let md = handout_md(&lesson, WeightSet::Base);
    let rows: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("| Criterion |"))
        .take_while(|l| l.starts_with('|'))
        .collect();
    let cells = |l: &str| l.replace("\\|", "").matches('|').count();
    assert_eq!(rows.len(), 2 + lesson.criteria.len());
    assert!(rows.iter().all(|r| cells(r) == cells(rows[0])));
}

#[test]
fn the_workbook_has_live_totals_and_text_stays_text() {
    let mut s = concord::seeds::default_scenario().unwrap();
    s.proposals[0].name = "=cmd|' /C calc'!A0".into();
    s.criteria[0].name = "+SUM(1,1)".into();
    s.perspectives.push(Perspective {
        id: "a-b".into(),
        name: "A/B: [test]?".into(),
        ..Perspective::default()
    });
    // One cell left unscored (the lesson scores every cell now).
    let gap = s
        .scores
        .iter()
        .position(|sc| sc.criterion == "jerusalem" && sc.proposal == "oslo")
        .unwrap();
    s.scores[gap].value = None;
    let bytes = workbook(&s).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names.len(), 1 + s.perspectives.len());
    assert_eq!(names[0], "Criteria weights");
    assert!(names.contains(&"A B   test".to_owned()));
    let values = wb.worksheet_range("Criteria weights").unwrap();
    let formulas = wb.worksheet_formula("Criteria weights").unwrap();
    // Names are text, never formulas.
    assert_eq!(
        values.get_value((0, 3)),
        Some(&Data::String("API".to_owned())) // the short name heads the column
    );
    assert_eq!(
        values.get_value((1, 0)),
        Some(&Data::String("+SUM(1,1)".to_owned()))
    );
    let n_c = s.criteria.len() as u32;
    let f = |r: u32, c: u32| formulas.get_value((r, c)).cloned().unwrap_or_default();
    assert_eq!(f(1, 0), "", "a name is not a formula");
    // The totals are formulas over the weights column and the scored cells.
    let total = f(n_c + 1, 3);
    assert!(total.contains("SUMPRODUCT($C$2:$C$16,D2:D16)"), "{total}");
    assert!(total.contains("ISNUMBER(D2:D16)"), "{total}");
    assert!(f(n_c + 2, 4).contains("SUM($C$2:$C$16)"));
    assert!(
        f(n_c + 3, 5).contains("RANK(F17,$D$17:$H$17)"),
        "{}",
        f(n_c + 3, 5)
    );
    // Weights are numbers in cells; a score is its value on 0–100.
    assert_eq!(values.get_value((1, 2)), Some(&Data::Float(1.0)));
    let e = Evaluation::new(&s, WeightSet::Base);
    let v = e.value(0, 0).unwrap() * 100.0;
    assert_eq!(values.get_value((1, 3)), Some(&Data::Float(v)));
    // An unscored cell is blank, not 0.
    let (k, p) = (0..s.criteria.len())
        .flat_map(|k| (0..s.proposals.len()).map(move |p| (k, p)))
        .find(|&(k, p)| e.value(k, p).is_none())
        .unwrap();
    let cell = values.get_value((1 + k as u32, 3 + p as u32));
    assert!(matches!(cell, None | Some(Data::Empty)), "{cell:?}");
}
