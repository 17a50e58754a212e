//! One helper for every field of the inspector: a labelled field whose change becomes one
//! undoable step, named for the field and the item, that merges while the field is typed in.

use crate::app::SelectMsg;
use egui::Ui;

use crate::app::{Edit, Msg, Outbox};
use crate::ui::widgets::{lines_field, name_field, text_area, text_field, ListCommit};

/// The fields of one item (a proposal, a criterion, a source…).
pub(super) struct Fields<'a> {
    /// Where the edits go.
    pub out: &'a mut Outbox,
    /// Names the undo step of a field: "summary of «API»", "source Essay"…
    name: Box<dyn Fn(&str) -> String + 'a>,
    /// Prefix of the gesture key, unique to the item: "proposal:api".
    key: String,
}

impl<'a> Fields<'a> {
    /// Fields whose steps are named "FIELD of ITEM".
    pub fn of(out: &'a mut Outbox, item: String, key: String) -> Self {
        Self {
            out,
            name: Box::new(move |field| format!("{field} of {item}")),
            key,
        }
    }

    /// Fields whose steps all have one name.
    pub fn named(out: &'a mut Outbox, name: String, key: String) -> Self {
        Self {
            out,
            name: Box::new(move |_| name.clone()),
            key,
        }
    }

    /// Fields whose steps are named for the field alone ("title").
    pub fn plain(out: &'a mut Outbox, key: String) -> Self {
        Self {
            out,
            name: Box::new(str::to_owned),
            key,
        }
    }

    /// Sends `edit` as a change of `field`.
    pub fn edit(&mut self, field: &str, edit: Edit) {
        let (label, key) = ((self.name)(field), format!("{}:{field}", self.key));
        self.out.edit(label, Some(key), edit);
    }

    /// A one-line text field.
    pub fn text(
        &mut self,
        ui: &mut Ui,
        (label, field): (&str, &str),
        value: &str,
        hint: &str,
        make: impl FnOnce(String) -> Edit,
    ) {
        if let Some(v) = text_field(ui, label, value, hint) {
            self.edit(field, make(v));
        }
    }

    /// The item's name (or title), which takes the keyboard, its text selected, when the
    /// item is new and `naming` is set, and says so.
    pub fn name(
        &mut self,
        ui: &mut Ui,
        (label, field): (&str, &str),
        value: &str,
        (hint, naming): (&str, bool),
        make: impl FnOnce(String) -> Edit,
    ) {
        if naming {
            self.out.send(Msg::Selection(SelectMsg::NameFocused));
        }
        if let Some(v) = name_field(ui, (label, value, hint), naming) {
            self.edit(field, make(v));
        }
    }

    /// A text area of `rows` lines.
    pub fn area(
        &mut self,
        ui: &mut Ui,
        (label, field): (&str, &str),
        value: &str,
        (hint, rows): (&str, usize),
        make: impl FnOnce(String) -> Edit,
    ) {
        if let Some(v) = text_area(ui, label, value, hint, rows) {
            self.edit(field, make(v));
        }
    }

    /// A list edited one item per line.
    pub fn lines(
        &mut self,
        ui: &mut Ui,
        (label, field): (&str, &str),
        values: &[String],
        hint: &str,
        make: impl FnOnce(Vec<String>) -> Edit,
    ) {
        if let Some(v) = lines_field(ui, label, values, hint, ListCommit::EveryChange) {
            self.edit(field, make(v));
        }
    }
}
