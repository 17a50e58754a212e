//! Beside the cards: search, sort and filter the proposals (the table follows the cards).

use crate::app::ViewMsg;
use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::app::browse::{groups, BrowseMsg, Filter, SortBy};
use crate::app::{AppState, Msg, Outbox};
use crate::ui::ViewState;

/// Ctrl+F (⌘F) puts the cursor in the search field.
pub(crate) const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// The search field, the sort and filter menus, and how many are shown, one under the
/// other in the column left of the cards.
pub fn browse_ui(ui: &mut Ui, state: &AppState, view: &mut ViewState, out: &mut Outbox) {
    let browse = state.browse();
    let total = state.scenario().proposals.len();
    let shown = state.shown_proposals().len();
    egui::Grid::new("proposal-browse")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Find");
            let mut query = browse.query.clone();
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut query)
                        .id_salt("proposal-search")
                        .hint_text("Search proposals (Ctrl+F)")
                        .desired_width(ui.available_width()),
                )
                .labelled_by(label.id)
                .on_hover_text(
                    "Shows the proposals whose name, short name, group, proposer, parties or date \
                 hold every word typed; Esc clears",
                );
            if ui.input_mut(|i| i.consume_shortcut(&FIND)) {
                search.request_focus();
            }
            // The field gives up the keyboard on Esc in the same frame.
            let esc = ui.input(|i| i.key_pressed(Key::Escape));
            if (search.has_focus() || search.lost_focus()) && esc {
                query.clear();
            }
            if query != browse.query {
                view.first_proposal = 0;
                out.send(Msg::View(ViewMsg::Browse(BrowseMsg::Query(query))));
            }
            ui.end_row();
            let label = ui.label("Sort");
            egui::ComboBox::from_id_salt("proposal-sort")
                .selected_text(browse.sort.label())
                .show_ui(ui, |ui| {
                    for by in SortBy::ALL {
                        if ui.selectable_label(browse.sort == by, by.label()).clicked()
                            && browse.sort != by
                        {
                            view.first_proposal = 0;
                            out.send(Msg::View(ViewMsg::Browse(BrowseMsg::Sort(by))));
                        }
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("The order of the cards and of the table's columns");
            ui.end_row();
            let label = ui.label("Show");
            let choices = filters(state);
            egui::ComboBox::from_id_salt("proposal-filter")
                .selected_text(filter_label(state, &browse.filter))
                .width(ui.available_width() - ui.spacing().icon_width)
                .show_ui(ui, |ui| {
                    for f in choices {
                        let text = filter_label(state, &f);
                        if ui.selectable_label(browse.filter == f, text).clicked()
                            && browse.filter != f
                        {
                            view.first_proposal = 0;
                            out.send(Msg::View(ViewMsg::Browse(BrowseMsg::Filter(f))));
                        }
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(
                    "Only some proposals: one group, those no perspective's red lines rule out, \
                 or those one perspective rules out",
                );
            ui.end_row();
            if !browse.is_identity() {
                ui.label("");
                ui.horizontal_wrapped(|ui| {
                    if shown == 0 {
                        ui.label(
                            RichText::new(format!("No proposal of {total} matches"))
                                .color(ui.visuals().warn_fg_color),
                        );
                    } else if shown < total {
                        ui.label(format!("{shown} of {total} proposals"));
                    }
                    if ui
                        .button("Show all")
                        .on_hover_text("Clear the search, sort and filter")
                        .clicked()
                    {
                        out.send(Msg::View(ViewMsg::Browse(BrowseMsg::Clear)));
                    }
                });
                ui.end_row();
            }
        });
}

/// The filters that mean something here: groups only where proposals have them, red-line
/// filters only where perspectives have red lines.
fn filters(state: &AppState) -> Vec<Filter> {
    let s = state.scenario();
    let mut out = vec![Filter::All];
    let judging: Vec<_> = s
        .perspectives
        .iter()
        .filter(|v| !v.red_lines.is_empty())
        .collect();
    if !judging.is_empty() {
        out.push(Filter::AcceptableToAll);
        out.extend(judging.iter().map(|v| Filter::RuledOutBy(v.id.clone())));
        out.extend(
            judging
                .iter()
                .map(|v| Filter::NotAddressedFor(v.id.clone())),
        );
    }
    out.extend(groups(s).into_iter().map(Filter::Group));
    out
}

/// A filter in words.
fn filter_label(state: &AppState, f: &Filter) -> String {
    match f {
        Filter::All => "All proposals".to_owned(),
        Filter::Group(g) => format!("Group: {g}"),
        Filter::AcceptableToAll => "Acceptable to all (no red line crossed)".to_owned(),
        Filter::RuledOutBy(id) => {
            let name = state
                .scenario()
                .perspective_by_id(id)
                .map_or(id.as_str(), |v| v.name.as_str());
            format!("Ruled out by {name}")
        }
        Filter::NotAddressedFor(id) => {
            let name = state
                .scenario()
                .perspective_by_id(id)
                .map_or(id.as_str(), |v| v.name.as_str());
            format!("Not addressed for {name} (silent on a red line)")
        }
    }
}
