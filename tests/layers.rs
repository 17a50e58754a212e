//! The layers hold: the core (model, scoring, analysis, io) and the app state know nothing of
//! the GUI toolkit, and the window writes no file itself (it hands bytes to the app).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("the source folder is readable") {
            let path = entry.expect("a readable entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The lines of the files under `src/<layer>` (or the file `src/<layer>.rs`) that contain
/// any of `needles`, outside comments.
fn offending_lines(layer: &str, needles: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    if src.join(layer).is_dir() {
        files.extend(rust_files(&src.join(layer)));
    }
    let single = src.join(format!("{layer}.rs"));
    if single.is_file() {
        files.push(single);
    }
    assert!(!files.is_empty(), "no source found for layer {layer}");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source is UTF-8");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if needles.iter().any(|needle| code.contains(needle)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

/// Ways a file can name the GUI crates.
const GUI: [&str; 8] = [
    "egui",
    "eframe",
    "rfd::",
    "rfd ",
    "winit",
    "use rfd",
    "egui_extras",
    "egui_plot",
];

#[test]
fn the_core_and_the_app_state_import_no_gui() {
    for layer in [
        "model", "scoring", "analysis", "io", "app", "seeds", "synth",
    ] {
        let found = offending_lines(layer, &GUI);
        assert!(
            found.is_empty(),
            "{layer} must not depend on the GUI:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn the_window_writes_no_file_itself() {
    let writes = [
        "fs::write",
        "File::create",
        "OpenOptions",
        "write_atomically",
        "save_path",
        "remove_file",
        "create_dir",
        "fs::rename",
    ];
    let found = offending_lines("ui", &writes);
    assert!(
        found.is_empty(),
        "ui hands bytes to app instead of writing files:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_a_violation() {
    // The scanner itself works: the ui layer does name egui.
    assert!(!offending_lines("ui", &GUI).is_empty());
}

#[test]
fn threads_and_time_go_through_the_platform_module() {
    // std's threads and clock panic on wasm32; src/platform.rs has a side for each.
    let needles = [
        "thread::Builder",
        "thread::spawn",
        "std::time::Instant",
        "Instant::now",
        "SystemTime",
    ];
    let mut found = Vec::new();
    for layer in ["model", "scoring", "analysis", "io", "app", "ui", "cli"] {
        found.extend(offending_lines(layer, &needles));
    }
    // `Instant::now` is fine when it is the platform's Instant.
    found.retain(|line| !line.contains("Instant::now") || !uses_platform_instant(line));
    assert!(
        found.is_empty(),
        "use crate::platform instead:\n{}",
        found.join("\n")
    );
}

/// True when the file of a found line imports Instant from the platform module.
fn uses_platform_instant(found: &str) -> bool {
    let file = found.split(':').next().unwrap_or_default();
    std::fs::read_to_string(file).is_ok_and(|text| {
        text.contains("use crate::platform::{Duration, Instant}")
            || text.contains("use crate::platform::Instant")
    })
}

#[test]
fn what_differs_in_a_browser_is_decided_in_the_platform_seam_only() {
    // The web build's differences live in a few files; the views, the app state and the
    // core ask `host::IN_BROWSER` or the platform module instead of testing the target.
    let seam = [
        "platform.rs",
        "main.rs",
        "ui/mod.rs",
        "ui/host.rs",
        "ui/web.rs",
        "ui/start.rs",
        "ui/file_dialogs.rs",
        "ui/file_access.rs",
        // A lint, not a difference: std's File has nothing to drop on wasm32.
        "io/save.rs",
    ];
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for file in rust_files(&src) {
        let relative = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if seam.contains(&relative.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source is UTF-8");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if code.contains("target_arch") || code.contains("target_family") {
                found.push(format!("{relative}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "ask ui::host or crate::platform instead:\n{}",
        found.join("\n")
    );
}
