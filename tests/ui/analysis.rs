//! "Why this ranking?" and quick weights.

use super::*;

#[test]
fn why_this_ranking_follows_a_weight_change() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    assert!(h.state().state.shows_analysis());
    let first =
        "No clear leader: «Oslo» is ahead of «Confederation» by 4 points of 100, less than 10.";
    h.get_by_label(first);
    h.get_by_label(
        "It stays first while the weight of Accountability for civilian casualties stays below 13% (now 7%); above that, «Confederation» takes the lead.",
    );
    // Choose the criterion to sweep, then raise its weight past the reported bound.
    click_role(&mut h, Role::ComboBox, "Criterion:");
    let name = "Accountability for civilian casualties";
    let option = h
        .get_all_by_label(name)
        .find(|n| n.accesskit_node().role() != Role::Label)
        .expect("the list entry")
        .rect();
    h.hover_at(option.center());
    h.run();
    h.get_all_by_label(name)
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap()
        .click();
    h.run();
    assert_eq!(h.state().analysis.criterion, 4);
    h.get_by_label(&format!("Weight of {name} (analysis)"))
        .set_value_accesskit(3.0);
    h.run();
    // More weight on a criterion that favours the confederation, past the reported bound,
    // puts it first.
    assert_eq!(rank_of(&h, "land-for-all"), Some(1));
    assert_eq!(rank_of(&h, "oslo"), Some(2));
    assert!(h.query_by_label(first).is_none());
    let s = &h.state().state;
    let expected = concord::analysis::explain(s.scenario(), s.eval()).sentences[0].clone();
    assert!(
        expected.contains("«Confederation» is ahead of «Oslo»")
            || expected.starts_with("«Confederation» leads"),
        "{expected}"
    );
    h.get_by_label(&expected);
    ctrl(&mut h, Key::Z);
    h.get_by_label(first);
}

#[test]
fn quick_weights_by_rank_order_are_one_undo_step() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    click(&mut h, "Quick weights…");
    h.get_by_label("Rank the criteria");
    click(&mut h, "Apply rank-order weights");
    let s = &h.state().state;
    // Equal weights keep file order: the first criterion gets the largest ROC weight.
    let roc = concord::analysis::rank_order_centroid(15);
    assert!(
        (s.eval().weights[0] - roc[0]).abs() < 1e-3,
        "{:?}",
        s.eval().weights
    );
    assert_eq!(s.history().undo_label(), Some("quick weights (rank order)"));
    ctrl(&mut h, Key::Z);
    assert!(h
        .state()
        .state
        .scenario()
        .criteria
        .iter()
        .all(|c| c.weight == 1.0));
}

#[test]
fn opening_another_lesson_while_the_analysis_shows_describes_the_new_one() {
    // Regression: the analysis's caches were keyed by a version that restarts at 0 for
    // every document, so the new lesson crashed the window or showed the old one's words.
    let mut h = harness();
    h.key_press(Key::F6);
    h.run();
    let old_id = h.state().state.doc().id();
    let old_sentence = {
        let s = &h.state().state;
        concord::analysis::explain(s.scenario(), s.eval()).sentences[0].clone()
    };
    h.get_by_label(&old_sentence);
    click(&mut h, "File");
    click(&mut h, "Open bundled scenario");
    click(&mut h, "Final-status plans, 2000–2020");
    let s = &h.state().state;
    assert_ne!(s.doc().id(), old_id, "a new document has a new identity");
    assert!(s.shows_analysis(), "the analysis stays in view");
    let new_sentence = concord::analysis::explain(s.scenario(), s.eval()).sentences[0].clone();
    assert_ne!(new_sentence, old_sentence);
    h.get_by_label(&new_sentence);
    assert!(h.query_by_label(&old_sentence).is_none());
    // And back again, to a document of another size.
    click(&mut h, "File");
    click(&mut h, "Open bundled scenario");
    click(&mut h, "After the Gaza cease-fire (Duss & Okail, 2023)");
    h.get_by_label(&old_sentence);
}

#[test]
fn quick_weights_follow_criteria_added_and_deleted_while_open() {
    // Regression: the window kept criterion indices from when it opened, and the
    // shortcuts still ran while it was open.
    let mut h = harness();
    h.key_press(Key::F6);
    h.run();
    click(&mut h, "Quick weights…");
    ctrl_shift(&mut h, Key::C);
    assert_eq!(
        h.state().state.scenario().criteria.len(),
        15,
        "editing shortcuts do nothing while the window is open"
    );
    ctrl(&mut h, Key::Z);
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().state.scenario().criteria.len(), 15);
    // The toolbar still adds a criterion, and the window lists it.
    click(&mut h, "+ Criterion");
    assert_eq!(h.state().state.scenario().criteria.len(), 16);
    h.get_by_label("16. New criterion 16");
    // Undoing the add takes it out of the window again.
    h.state_mut().state.undo();
    h.run();
    assert!(h.query_by_label("16. New criterion 16").is_none());
    h.get_by_label("15. Implementation and enforcement");
    click(&mut h, "Apply rank-order weights");
    let s = &h.state().state;
    assert!(s.quick().is_none(), "applying closes the window");
    let roc = concord::analysis::rank_order_centroid(15);
    assert!(
        (s.eval().weights[0] - roc[0]).abs() < 1e-3,
        "{:?}",
        s.eval().weights
    );
}

#[test]
fn quick_weights_under_a_perspective_set_that_perspectives_weights_after_asking() {
    let mut h = harness();
    h.state_mut()
        .state
        .update(concord::app::Msg::Doc(DocMsg::SetPerspective(Some(
            "plo-pa".into(),
        ))));
    h.run();
    let before = h.state().state.scenario().clone();
    click(&mut h, "Why this ranking?");
    click(&mut h, "Quick weights…");
    h.get_by_label(
        "These set the weights of «PLO / Palestinian Authority (stated positions, late 2023)».",
    );
    click(&mut h, "Apply rank-order weights");
    click(&mut h, "Start my own weights");
    let s = &h.state().state;
    assert_eq!(
        s.scenario().criteria,
        before.criteria,
        "the criteria's own weights are untouched"
    );
    assert_eq!(
        s.scenario().perspective_by_id("plo-pa"),
        before.perspective_by_id("plo-pa")
    );
    let mine = s
        .scenario()
        .perspective_by_id(s.perspective().unwrap())
        .unwrap();
    assert_eq!(mine.name, "My weights");
}

#[test]
fn what_each_criterion_adds_has_a_key_to_its_colours() {
    let mut h = harness();
    h.key_press(Key::F6);
    h.run();
    h.get_by_label("Colours of the criteria:");
    // The radar's key is under it too, where it covers none of the labels around it.
    h.get_by_label("Colours of the proposals:");
    let names: Vec<String> = h
        .state()
        .state
        .scenario()
        .criteria
        .iter()
        .map(|c| concord::ui::widgets::short_label(&c.name))
        .collect();
    for name in &names {
        h.get_by_label(&format!("■ {name}"));
    }
}

/// As in a browser, which has no threads: rank acceptability is drawn a few hundred draws
/// at a time between frames, with its progress bar counting, and comes out the same as
/// drawn at once.
#[test]
fn rank_acceptability_is_drawn_between_frames_as_in_a_browser() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    h.get_by_label_contains("10000 draws, seed 1");
    concord::platform::run_tasks_in_slices(true);
    h.get_by_label("Draws").set_value_accesskit(300_000.0);
    h.step();
    h.step();
    let mut counted = Vec::new();
    let mut frames = 0;
    while h.query_by_label_contains("300000 draws, seed 1").is_none() {
        assert!(frames < 5_000, "never finished");
        if let Some(bar) = h.query_by_label_contains(" of 300000 draws") {
            let text = bar.accesskit_node().label().unwrap_or_default().to_owned();
            counted.push(text);
        }
        h.step();
        frames += 1;
    }
    concord::platform::run_tasks_in_slices(false);
    assert!(
        counted.len() > 1,
        "the bar moved over several frames: {counted:?}"
    );
    assert!(counted.first() != counted.last(), "{counted:?}");
    let s = &h.state().state;
    let at_once = concord::analysis::smaa(
        s.eval(),
        concord::analysis::SmaaOptions {
            draws: 300_000,
            seed: 1,
            constraint: concord::analysis::WeightConstraint::Free,
        },
    );
    let settings = h.state().analysis.options;
    let shown = s.acceptability(settings);
    assert_eq!(shown, Some((&at_once, true)));
}

#[test]
fn the_totals_chart_has_a_sentence_and_a_table_with_its_data() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    let s = &h.state().state;
    let summary = concord::app::spoken::totals_summary(s.scenario(), s.eval());
    assert!(summary.starts_with("Oslo leads with 56, "), "{summary}");
    assert!(summary.ends_with("Abraham is last, at 18."), "{summary}");
    h.get_by_label(&summary);
    // The table twin holds what the chart draws: every proposal's rank, total and share.
    let rows = concord::app::spoken::totals_rows(s.scenario(), s.eval());
    assert_eq!(rows.len(), s.scenario().proposals.len());
    for row in &rows {
        let i = s
            .scenario()
            .proposals
            .iter()
            .position(|p| p.label() == row[0])
            .expect("a proposal's row");
        let st = s.eval().standings[i];
        assert_eq!(row[2], format!("{:.0}", st.total.unwrap() * 100.0));
        assert_eq!(row[1], concord::ui::widgets::ordinal(st.rank.unwrap()));
        assert_eq!(row[3], format!("{:.0}%", st.coverage * 100.0));
    }
    scroll_and_click(&mut h, "Show the totals as a table");
    for row in &rows {
        for cell in row {
            assert!(h.query_all_by_label(cell).count() >= 1, "{cell} is shown");
        }
    }
    // Copy puts the sentence and the rows on the clipboard (in the frame of the click).
    common::node(&h, "Copy the totals as text").scroll_to_me();
    h.run();
    common::node(&h, "Copy the totals as text").hover();
    h.run();
    common::node(&h, "Copy the totals as text").click();
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        });
    let text = copied.expect("the text was copied");
    assert!(
        text.starts_with(&summary) && text.contains(&rows[0].join("\t")),
        "{text}"
    );
}

#[test]
fn the_tornado_has_a_sentence_and_a_table_with_its_bars() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    let s = &h.state().state;
    let bars = s.explained().tornado.clone();
    let summary = concord::app::spoken::tornado_summary(s.scenario(), s.eval(), &bars);
    assert!(
        summary.starts_with("The lead of Oslo over Confederation moves most with the weight of "),
        "{summary}"
    );
    h.get_by_label(&summary);
    let rows = concord::app::spoken::tornado_rows(s.scenario(), &bars);
    assert_eq!(rows.len(), bars.len());
    for (row, bar) in rows.iter().zip(&bars) {
        assert_eq!(row[0], s.scenario().criteria[bar.criterion].name);
        assert_eq!(row[1], format!("{:.1}", bar.low * 100.0));
        assert_eq!(row[2], format!("{:.1}", bar.high * 100.0));
    }
    scroll_and_click(&mut h, "Show the tornado as a table");
    assert!(h.query_all_by_label(&rows[0][1]).count() >= 1);
}

/// Scrolls the widget into view, as a person scrolls down to it, then clicks it.
fn scroll_and_click(h: &mut H, label: &str) {
    common::node(h, label).scroll_to_me();
    h.run();
    click(h, label);
}

#[test]
fn the_contributions_chart_has_a_sentence_and_a_table_of_every_bar() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    let s = &h.state().state;
    let summary = concord::app::spoken::contributions_summary(s.scenario(), s.eval());
    assert!(
        summary.starts_with("Oslo's total of 56 owes most to "),
        "{summary}"
    );
    h.get_by_label(&summary);
    let (header, rows) = concord::app::spoken::contributions_table(s.scenario(), s.eval());
    assert_eq!(header.len(), s.scenario().proposals.len() + 1);
    assert_eq!(
        rows.len(),
        s.scenario().criteria.len(),
        "every criterion is weighted"
    );
    // The bars of a proposal add up to its total, as the chart's stack does.
    for (i, p) in s.scenario().proposals.iter().enumerate() {
        let sum: f64 = (0..s.scenario().criteria.len())
            .filter_map(|k| concord::app::spoken::contribution(s.eval(), k, i))
            .sum();
        let total = s.eval().standings[i].total.unwrap() * 100.0;
        assert!(
            (sum - total).abs() < 1e-6,
            "{}: {sum} vs {total}",
            p.label()
        );
    }
    scroll_and_click(&mut h, "Show the contributions as a table");
    assert!(h.query_all_by_label(&rows[0][1]).count() >= 1);
}

#[test]
fn rank_acceptability_has_a_sentence_and_a_table_of_its_shares() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    h.get_by_label_contains("10000 draws, seed 1");
    let s = &h.state().state;
    let settings = h.state().analysis.options;
    let (r, current) = s.acceptability(settings).expect("worked out");
    assert!(current);
    let summary = concord::app::spoken::acceptability_summary(s.scenario(), r);
    assert!(
        summary.starts_with("Over 10000 random weightings, first is "),
        "{summary}"
    );
    h.get_by_label(&summary);
    let (header, rows) = concord::app::spoken::acceptability_table(s.scenario(), r);
    assert_eq!(header.len(), s.scenario().proposals.len() + 1);
    for (i, row) in rows.iter().enumerate() {
        for (rank, cell) in row.iter().skip(1).enumerate() {
            assert_eq!(*cell, format!("{:.0}%", r.acceptability[i][rank] * 100.0));
        }
    }
}

#[test]
fn the_radar_has_a_sentence_and_a_table_of_every_spoke() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    let s = &h.state().state;
    let (sc, e) = (s.scenario(), s.eval());
    let shown: Vec<usize> = (0..sc.proposals.len()).collect();
    let summary = concord::app::spoken::radar_summary(sc, e, &shown);
    assert!(
        summary.starts_with(&format!("Across {} criteria, ", sc.criteria.len())),
        "{summary}"
    );
    h.get_by_label(&summary);
    let (header, rows) = concord::app::spoken::radar_table(sc, e, &shown);
    assert_eq!(header.len(), sc.proposals.len() + 1);
    assert_eq!(rows.len(), sc.criteria.len());
    // Each spoke's reach is the normalised score of the cell, as the table says.
    for (k, row) in rows.iter().enumerate() {
        assert_eq!(row[0], sc.criteria[k].name);
        for (i, cell) in row.iter().skip(1).enumerate() {
            match e.value(k, i) {
                Some(v) => assert_eq!(*cell, format!("{:.0}", v * 100.0)),
                None => assert_eq!(cell, "—"),
            }
        }
    }
    scroll_and_click(&mut h, "Show the radar as a table");
    assert!(h.query_all_by_label(&rows[0][0]).count() >= 1);
}

#[test]
fn the_sweep_has_a_sentence_and_a_table_of_its_lines() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    let s = &h.state().state;
    let k = h.state().analysis.criterion;
    let sc = s.scenario();
    let stability = concord::analysis::sweep::stability(s.eval(), k).expect("sweepable");
    let swept = s.sweep(k);
    let summary = concord::app::spoken::sweep_summary(sc, k, Some(&stability), &swept.1);
    assert!(
        summary.starts_with(&format!(
            "The leader stays first while the weight of {} is between {:.0}% and {:.0}%",
            sc.criteria[k].name,
            stability.leader.0 * 100.0,
            stability.leader.1 * 100.0
        )),
        "{summary}"
    );
    h.get_by_label(&summary);
    let (header, rows) = concord::app::spoken::sweep_table(sc, k, &swept.0);
    assert_eq!(header.len(), sc.proposals.len() + 1);
    assert_eq!(rows.len(), 11, "every 10% from 0 to 100");
    // At each tenth, a proposal's total is the one its line has there, worked out again
    // from the totals the sweep gives at that weight.
    let again = concord::analysis::sweep::sweep_totals(s.eval(), k, 11);
    for (step, row) in rows.iter().enumerate() {
        assert_eq!(row[0], format!("{}", step * 10));
        for (i, cell) in row.iter().skip(1).enumerate() {
            match again[i].get(step).and_then(|(_, v)| *v) {
                Some(v) => assert_eq!(*cell, format!("{:.1}", v * 100.0)),
                None => assert_eq!(cell, "—"),
            }
        }
    }
    scroll_and_click(&mut h, "Show the sweep as a table");
    assert!(h.query_all_by_label(&rows[10][1]).count() >= 1);
}
