//! File ▸ Import table…: the mapping from a sheet's columns to a scenario, with a preview.

use egui::RichText;

use crate::app::{DialogMsg, Msg, Outbox};

/// An optional column of the import: its label, id salt, choice, message and tooltip.
type OptionalColumn<'a> = (
    &'a str,
    &'a str,
    Option<usize>,
    fn(Option<usize>) -> crate::app::import::ImportMsg,
    &'a str,
);

/// File ▸ Import table…: the sheet, which way the table runs, the name, date, id and group
/// columns, which columns become criteria on which scale and which text is kept as
/// provisions, with what that makes and the first rows as a preview.
pub(super) fn import_ui(ui: &mut egui::Ui, st: &crate::app::import::ImportState, out: &mut Outbox) {
    use crate::app::import::ImportMsg;
    let t = &st.table;
    let m = &st.mapping;
    ui.heading(format!(
        "Import table: {}",
        st.path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    ));
    ui.horizontal(|ui| {
        ui.label("Proposals are the table's");
        if ui.radio(m.proposals_as_rows, "rows").clicked() {
            out.send(Msg::Dialog(DialogMsg::Import(ImportMsg::ProposalsAsRows(
                true,
            ))));
        }
        if ui.radio(!m.proposals_as_rows, "columns").clicked() {
            out.send(Msg::Dialog(DialogMsg::Import(ImportMsg::ProposalsAsRows(
                false,
            ))));
        }
    });
    if let Some(sheets) = st.sheets.as_ref().filter(|s| s.len() > 1) {
        ui.horizontal(|ui| {
            let label = ui.label("Sheet");
            let current = t.sheet.clone().unwrap_or_default();
            egui::ComboBox::from_id_salt("import-sheet")
                .selected_text(&current)
                .show_ui(ui, |ui| {
                    for name in sheets {
                        if ui.selectable_label(*name == current, name).clicked() && *name != current
                        {
                            out.send(Msg::Dialog(DialogMsg::Import(ImportMsg::Sheet(
                                name.clone(),
                            ))));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
    egui::Grid::new("import-roles")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Names from");
            egui::ComboBox::from_id_salt("import-name")
                .selected_text(t.header.get(m.name).cloned().unwrap_or_default())
                .show_ui(ui, |ui| {
                    for (c, h) in t.header.iter().enumerate() {
                        if ui.selectable_label(c == m.name, h).clicked() {
                            out.send(Msg::Dialog(DialogMsg::Import(ImportMsg::Name(c))));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            let optional: [OptionalColumn; 3] = [
                (
                    "Dates from",
                    "import-date",
                    m.date,
                    ImportMsg::Date,
                    "Each proposal's year or date (the cards can be sorted by it)",
                ),
                (
                    "Ids from",
                    "import-id",
                    m.id,
                    ImportMsg::Id,
                    "Each row's id in the dataset (short ids keep a large file small)",
                ),
                (
                    "Groups from",
                    "import-group",
                    m.group,
                    ImportMsg::Group,
                    "Each proposal's group, a region or a stage (the cards can be filtered by it)",
                ),
            ];
            for (text, salt, chosen, make, tip) in optional {
                let label = ui.label(text);
                egui::ComboBox::from_id_salt(salt)
                    .selected_text(
                        chosen
                            .and_then(|c| t.header.get(c).cloned())
                            .unwrap_or_else(|| "(none)".into()),
                    )
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(chosen.is_none(), "(none)").clicked() {
                            out.send(Msg::Dialog(DialogMsg::Import(make(None))));
                        }
                        for (c, h) in t.header.iter().enumerate().filter(|(c, _)| *c != m.name) {
                            if ui.selectable_label(chosen == Some(c), h).clicked() {
                                out.send(Msg::Dialog(DialogMsg::Import(make(Some(c)))));
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id)
                    .on_hover_text(tip);
                ui.end_row();
            }
        });
    ui.label(RichText::new("Columns").strong()).on_hover_text(
        "Columns of codes or numbers become criteria, on the scale their values suggest (which can be changed); \
         columns of text can be kept as each proposal's provisions",
    );
    egui::ScrollArea::vertical()
        .id_salt("import-columns")
        .max_height(220.0)
        .show(ui, |ui| {
            egui::Grid::new("import-column-grid").num_columns(2).striped(true).show(ui, |ui| {
                for (c, h) in t.header.iter().enumerate() {
                    if c == m.name || [m.date, m.id, m.group].contains(&Some(c)) {
                        continue;
                    }
                    let scales = st.scales.get(c).cloned().unwrap_or_default();
                    if scales.is_empty() {
                        let mut kept = m.provisions.contains(&c);
                        if ui
                            .checkbox(&mut kept, format!("{h}: keep as provisions"))
                            .on_hover_text("A column of text: its cells become each proposal's provisions (left out otherwise)")
                            .changed()
                        {
                            out.send(Msg::Dialog(DialogMsg::Import(ImportMsg::Provisions(c, kept))));
                        }
                        ui.label(RichText::new("text").weak());
                        ui.end_row();
                        continue;
                    }
                    let chosen = m.criteria.iter().find(|(x, _)| *x == c).map(|(_, k)| k.clone());
                    let mut on = chosen.is_some();
                    let check = ui
                        .checkbox(&mut on, h)
                        .on_hover_text("Count this column as a criterion");
                    if check.changed() {
                        out.send(Msg::Dialog(DialogMsg::Import(ImportMsg::Criterion(c, on))));
                    }
                    match chosen {
                        Some(kind) => {
                            egui::ComboBox::from_id_salt(("import-scale", c))
                                .selected_text(kind.describe())
                                .width(260.0)
                                .show_ui(ui, |ui| {
                                    for k in scales {
                                        if ui.selectable_label(k == kind, k.describe()).clicked() && k != kind {
                                            out.send(Msg::Dialog(DialogMsg::Import(ImportMsg::Scale(c, k))));
                                        }
                                    }
                                })
                                .response
                                .labelled_by(check.id)
                                .on_hover_text("The scale this column is read on: what its values suggest, or another they fit");
                            let mut lower = m.lower_is_better.contains(&c);
                            if ui
                                .checkbox(&mut lower, format!("{h}: lower is better"))
                                .on_hover_text("Tick where less of this is better (troops, casualties, cost): guessed from the column's name, yours to confirm")
                                .changed()
                            {
                                out.send(Msg::Dialog(DialogMsg::Import(ImportMsg::LowerIsBetter(c, lower))));
                            }
                        }
                        None => {
                            ui.label(RichText::new("left out").weak());
                        }
                    }
                    ui.end_row();
                }
            });
        });
    ui.separator();
    for line in st.preview() {
        ui.label(RichText::new(line).small());
    }
    egui::Grid::new("import-preview")
        .striped(true)
        .show(ui, |ui| {
            for h in t.header.iter().take(8) {
                ui.label(RichText::new(h).strong().small());
            }
            ui.end_row();
            for row in t.rows().take(5) {
                for cell in row.cells().take(8) {
                    let shown: String = cell.chars().take(24).collect();
                    ui.label(RichText::new(shown.replace(['\n', '\r'], " ")).small());
                }
                ui.end_row();
            }
        });
    ui.horizontal(|ui| {
        if ui
            .button("Import as a new scenario")
            .on_hover_text(
                "Opens as a new scenario, not saved yet (asks first about unsaved changes)",
            )
            .clicked()
        {
            out.send(Msg::Dialog(DialogMsg::Import(ImportMsg::AsNew)));
        }
        if ui
            .button("Add to this scenario")
            .on_hover_text("Adds the rows as proposals of the open scenario (Ctrl+Z undoes)")
            .clicked()
        {
            out.send(Msg::Dialog(DialogMsg::Import(ImportMsg::AddToOpen)));
        }
        if ui.button("Cancel").clicked() {
            out.send(Msg::Dialog(DialogMsg::CloseDialog));
        }
    });
}
