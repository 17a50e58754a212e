//! The live round in the round view: the form that starts one (address, seats, names,
//! scores; what to do when phones cannot reach the laptop), and while it runs the address,
//! its QR code, the join code, who joined and sent, Lock, Reveal and Close.

use egui::{Color32, RichText, Ui};

use crate::app::live_round::{CheckView, LiveMsg, LiveView};
use crate::app::{AppState, Command, Msg, Outbox};
use crate::live::net::{interfaces, Interface, DEFAULT_PORT};
use crate::live::Settings;

/// The start form's fields, kept by the window while it is open.
#[derive(Clone, Debug)]
struct Form {
    interfaces: Vec<Interface>,
    chosen: usize,
    port: u16,
    settings: Settings,
}

impl Form {
    fn new() -> Form {
        Form {
            interfaces: interfaces(),
            chosen: 0,
            port: DEFAULT_PORT,
            settings: Settings::default(),
        }
    }
}

/// The live round's part of the round view.
pub(super) fn live_panel_ui(ui: &mut Ui, state: &AppState, out: &mut Outbox) {
    if let Some(live) = state.live() {
        running_ui(ui, &live, out);
    } else if state.live_setup() {
        start_form_ui(ui, state, out);
    }
}

/// Seconds a check waits for a phone before it says what to try.
const CHECK_PATIENCE: u64 = 30;

fn start_form_ui(ui: &mut Ui, state: &AppState, out: &mut Outbox) {
    let id = egui::Id::unique("live-round-form");
    let mut form: Form = ui.data_mut(|d| d.get_temp_mut_or_insert_with(id, Form::new).clone());
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong("Start a live round");
        ui.label(
            "Students open an address on their phones, type the join code and send their \
             weights (and, if you allow, their scores with a reason). Nothing leaves this \
             network: this computer is the server.",
        );
        let label = ui.label("Serve on:");
        let shown = form
            .interfaces
            .get(form.chosen)
            .map_or_else(|| "no network".to_owned(), Interface::label);
        egui::ComboBox::from_id_salt("live-interface")
            .selected_text(shown)
            .width(360.0)
            .show_ui(ui, |ui| {
                for (i, it) in form.interfaces.iter().enumerate() {
                    ui.selectable_value(&mut form.chosen, i, it.label());
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("The network the students' phones are on: usually the Wi-Fi");
        ui.horizontal(|ui| {
            let l = ui.label("Port:");
            ui.add(egui::DragValue::new(&mut form.port).range(1024..=65535))
                .labelled_by(l.id);
            let l = ui.label("Seats:");
            ui.add(egui::DragValue::new(&mut form.settings.seats).range(1..=200))
                .labelled_by(l.id)
                .on_hover_text("At most this many students can join");
        });
        ui.checkbox(
            &mut form.settings.anonymous,
            "Anonymous (names are not asked)",
        );
        ui.checkbox(
            &mut form.settings.scores,
            "Students may score cells, with a reason (not only set weights)",
        );
        let ready = !form.interfaces.is_empty();
        let chosen = ready.then(|| form.interfaces[form.chosen].ip);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(ready, egui::Button::new("Start the round"))
                .clicked()
            {
                if let Some(ip) = chosen {
                    out.send(Msg::Live(LiveMsg::Start {
                        ip,
                        port: form.port,
                        settings: form.settings.clone(),
                        limits: crate::live::Limits::default(),
                    }));
                }
            }
            if ui
                .add_enabled(ready, egui::Button::new("Can a phone reach me?"))
                .on_hover_text(
                    "Before the class: serve a test page on this address and open it on a \
                     phone on the same Wi-Fi",
                )
                .clicked()
            {
                if let Some(ip) = chosen {
                    out.send(Msg::Live(LiveMsg::Check(Some((ip, form.port)))));
                }
            }
            if ui.button("Cancel").clicked() {
                out.send(Msg::Live(LiveMsg::Setup(false)));
            }
        });
        if let Some(why) = state.live_error() {
            ui.colored_label(ui.visuals().error_fg_color, why);
        }
        if let Some(check) = state.live_check() {
            check_ui(ui, &check, out);
        }
        egui::CollapsingHeader::new("When phones cannot reach this computer")
            .id_salt("live-help")
            .show(ui, |ui| help_ui(ui, out));
    });
    ui.data_mut(|d| d.insert_temp(id, form));
}

/// What to try when phones cannot reach the laptop, and the file round instead.
fn help_ui(ui: &mut Ui, out: &mut Outbox) {
    ui.label(
        "Before the class, press \"Can a phone reach me?\" and open the address on your \
         own phone, on the same Wi-Fi (mobile data off). If the page does not load:",
    );
    ui.label(
        "• The Wi-Fi may keep devices apart (\"client isolation\", common on school and \
         guest networks): ask for a network without it, or share a phone's hotspot with the \
         laptop and the class.",
    );
    ui.label(
        "• The firewall may block Concord: on Windows, allow it on private networks when \
         asked (or mark the network as private); on macOS, allow incoming connections for \
         Concord.",
    );
    ui.label("• Or do the round with files: hand out copies and add them back.");
    if ui.button(Command::HandOut.label()).clicked() {
        out.send(Msg::Command(Command::HandOut));
    }
}

/// The check that phones reach this computer: its address and QR code, and who got
/// through (or, after a while with no one, what to try).
fn check_ui(ui: &mut Ui, check: &CheckView, out: &mut Outbox) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            qr_ui(ui, &check.address, 3.0);
            ui.vertical(|ui| {
                ui.strong("Can a phone reach me?");
                ui.label("On a phone on the same Wi-Fi (mobile data off), open");
                ui.label(RichText::new(&check.address).size(18.0).strong());
                let phones = check.phones();
                if !phones.is_empty() {
                    let from: Vec<String> = phones.iter().map(ToString::to_string).collect();
                    ui.label(
                        RichText::new(format!(
                            "✔ Reached from {}: devices on this network can join.",
                            from.join(", ")
                        ))
                        .strong(),
                    );
                } else if check.reached.is_empty() {
                    ui.label(format!("Waiting for a phone… ({} s)", check.waited));
                } else if check.is_trial() {
                    ui.label(
                        RichText::new("✔ Reached on this computer: the trial works.").strong(),
                    );
                } else {
                    ui.label(format!(
                        "Reached from this computer; now open it on a phone… ({} s)",
                        check.waited
                    ));
                }
                if ui.button("End the check").clicked() {
                    out.send(Msg::Live(LiveMsg::Check(None)));
                }
            });
        });
        if check.phones().is_empty() && !check.is_trial() && check.waited >= CHECK_PATIENCE {
            ui.separator();
            ui.label(
                RichText::new(format!(
                    "No phone has reached this computer in {CHECK_PATIENCE} seconds."
                ))
                .strong(),
            );
            help_ui(ui, out);
        }
    });
}

fn running_ui(ui: &mut Ui, live: &LiveView, out: &mut Outbox) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            qr_ui(ui, &live.address, 4.0);
            ui.vertical(|ui| {
                ui.strong("Live round: students open");
                ui.label(RichText::new(&live.address).size(22.0).strong());
                ui.label("and type the code");
                ui.label(RichText::new(&live.code).size(30.0).strong().monospace())
                    .on_hover_text("A new code each round");
                let (joined, sent) = live.counts;
                ui.label(format!(
                    "{joined} of {} seats taken; {sent} sent their answers",
                    live.settings.seats
                ));
                if !live.here {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        "This round was started for a lesson that is no longer open: its \
                         answers cannot be added to this one.",
                    );
                }
            });
        });
        ui.horizontal(|ui| {
            let mut locked = live.locked;
            if ui
                .checkbox(&mut locked, "Lock the room")
                .on_hover_text("No one new can join; those in can still send")
                .changed()
            {
                out.send(Msg::Live(LiveMsg::Lock(locked)));
            }
            let mut revealed = live.revealed;
            if ui
                .checkbox(&mut revealed, "Show the results to the students")
                .on_hover_text("Their pages show the class's mean totals")
                .changed()
            {
                out.send(Msg::Live(LiveMsg::Reveal(revealed)));
            }
            if ui
                .button("Close the round")
                .on_hover_text(
                    "End the round: every student's answers are added as their reading, in \
                     one step that Undo takes back",
                )
                .clicked()
            {
                out.send(Msg::Live(LiveMsg::Close));
            }
        });
        if !live.students.is_empty() {
            egui::CollapsingHeader::new(format!("Students: {}", live.students.len()))
                .id_salt("live-students")
                .show(ui, |ui| {
                    for (name, sent) in &live.students {
                        let mark = if *sent {
                            "sent"
                        } else {
                            "joined, not sent yet"
                        };
                        ui.label(format!("{name}: {mark}"));
                    }
                });
        }
    });
}

/// The address's QR code, its side at most `side` points (for the projector's slide).
pub(crate) fn qr_fitting(ui: &mut Ui, address: &str, side: f32) {
    let modules = qrcode::QrCode::new(address.as_bytes()).map_or(25, |c| c.width()) + 4;
    qr_ui(ui, address, (side / modules as f32).floor().max(2.0));
}

/// The address as a QR code a phone's camera opens, black on white whatever the theme.
fn qr_ui(ui: &mut Ui, address: &str, module: f32) {
    let Ok(code) = qrcode::QrCode::new(address.as_bytes()) else {
        return;
    };
    let n = code.width();
    let quiet = 2;
    let side = (n + 2 * quiet) as f32 * module;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    response
        .on_hover_text("Point a phone's camera here to open the round")
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Image, true, format!("QR code of {address}"))
        });
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    for y in 0..n {
        for x in 0..n {
            if code[(x, y)] == qrcode::Color::Dark {
                let min =
                    rect.min + egui::vec2((x + quiet) as f32 * module, (y + quiet) as f32 * module);
                painter.rect_filled(
                    egui::Rect::from_min_size(min, egui::vec2(module, module)),
                    0.0,
                    Color32::BLACK,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::check_ui;
    use crate::app::live_round::CheckView;
    use crate::app::{Command, Msg, Outbox};

    fn shown(address: &str, reached: &[&str], waited: u64) -> egui_kittest::Harness<'static> {
        let view = CheckView {
            address: address.into(),
            reached: reached.iter().map(|ip| ip.parse().unwrap()).collect(),
            waited,
        };
        harness().build_ui(move |ui| check_ui(ui, &view, &mut Outbox::default()))
    }

    /// A harness with the app's fonts (the check's ✔ is in them).
    fn harness() -> egui_kittest::HarnessBuilder {
        egui_kittest::Harness::builder().with_context_setup(crate::ui::window::fonts::install_fonts)
    }

    const HELP: &str = "No phone has reached this computer in 30 seconds.";

    #[test]
    fn after_thirty_seconds_without_a_phone_it_says_what_to_try() {
        let h = shown("http://192.168.1.20:8737/", &[], 12);
        h.get_by_label_contains("Waiting for a phone… (12 s)");
        assert!(h.query_by_label(HELP).is_none(), "not yet");
        let h = shown("http://192.168.1.20:8737/", &["192.168.1.20"], 31);
        h.get_by_label_contains("Reached from this computer; now open it on a phone");
        h.get_by_label(HELP);
        h.get_by_label_contains("client isolation");
        h.get_by_label_contains("firewall");
        h.get_by_label(Command::HandOut.label());
    }

    #[test]
    fn a_phone_or_a_trial_needs_no_help() {
        let h = shown("http://192.168.1.20:8737/", &["192.168.1.31"], 60);
        h.get_by_label("✔ Reached from 192.168.1.31: devices on this network can join.");
        assert!(h.query_by_label(HELP).is_none());
        let h = shown("http://127.0.0.1:8737/", &[], 60);
        assert!(
            h.query_by_label(HELP).is_none(),
            "no phone is expected on a trial"
        );
    }

    #[test]
    fn the_file_round_is_one_click_away() {
        let mut out = Outbox::default();
        let view = CheckView {
            address: "http://192.168.1.20:8737/".into(),
            reached: Vec::new(),
            waited: 45,
        };
        let mut h = harness().build_ui(|ui| check_ui(ui, &view, &mut out));
        h.get_by_label(Command::HandOut.label()).click();
        h.run();
        drop(h);
        assert!(out
            .take()
            .iter()
            .any(|m| matches!(m, Msg::Command(Command::HandOut))));
    }
}
