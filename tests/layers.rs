//! The layers hold: the core (model, scoring, analysis, io, live) and the app state know nothing of
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
        "model", "scoring", "analysis", "io", "app", "seeds", "synth", "live",
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
        "ui/web/mod.rs",
        "ui/window/start.rs",
        "ui/dialogs/native.rs",
        "ui/dialogs/file_access.rs",
        // The live round's server exists only natively.
        "live/mod.rs",
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

/// The module path of a source file: `src/ui/present/mod.rs` is `ui::present`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// The modules each file's code names (`crate::a::b`, `super::x`, `self::x`), resolved to
/// the longest path that is a module file. Edges to or from a module's own ancestors are
/// left out: a folder's `mod.rs` is its hall (the types its rooms share and its re-exports).
fn module_graph() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    use std::collections::{BTreeMap, BTreeSet};
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    let modules: BTreeMap<Vec<String>, PathBuf> = files
        .iter()
        .filter(|f| !f.ends_with("main.rs"))
        .map(|f| (module_of(&src, f), f.clone()))
        .collect();
    let known: BTreeSet<Vec<String>> = modules.keys().cloned().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut graph = BTreeMap::new();
    for (module, file) in &modules {
        let text = std::fs::read_to_string(file).expect("source is UTF-8");
        let is_dir_module = file.ends_with("mod.rs") || file.ends_with("lib.rs");
        let mut edges = BTreeSet::new();
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or_default();
            for (at, _) in code
                .match_indices("crate::")
                .chain(code.match_indices("super::"))
                .chain(code.match_indices("self::"))
            {
                if at > 0 && code[..at].ends_with(|c: char| word(c) || c == ':') {
                    continue; // `$crate::` or a longer path's tail
                }
                let rest = &code[at..];
                let mut path: Vec<String> = Vec::new();
                let mut segments = rest.split("::");
                let head = segments.next().unwrap_or_default();
                let base: Vec<String> = match head {
                    "crate" => Vec::new(),
                    // `super` from a file module is its parent; from `mod.rs` the grandparent.
                    "super" => {
                        let up = if is_dir_module { 2 } else { 1 };
                        module[..module.len().saturating_sub(up)].to_vec()
                    }
                    _ => {
                        if is_dir_module {
                            module.clone()
                        } else {
                            module[..module.len().saturating_sub(1)].to_vec()
                        }
                    }
                };
                path.extend(base);
                for segment in segments {
                    let name: String = segment.chars().take_while(|&c| word(c)).collect();
                    if name.is_empty() || name == "super" {
                        break;
                    }
                    path.push(name);
                }
                while !path.is_empty() && !known.contains(&path) {
                    path.pop();
                }
                let ancestor =
                    |a: &[String], b: &[String]| a.len() <= b.len() && b[..a.len()] == *a;
                if path.is_empty() || ancestor(&path, module) || ancestor(module, &path) {
                    continue;
                }
                edges.insert(path.join("::"));
            }
        }
        graph.insert(module.join("::"), edges);
    }
    graph
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    // Found by walking the graph from each module: a circle shows as a path back to it.
    let graph = module_graph();
    assert!(graph.len() > 50, "the scan found the modules");
    let mut circles = std::collections::BTreeSet::new();
    for start in graph.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = std::collections::BTreeSet::new();
        while let Some((at, trail)) = stack.pop() {
            for next in graph.get(&at).into_iter().flatten() {
                if next == start {
                    let mut circle = trail.clone();
                    circle.push(start.clone());
                    let mut key = circle[..circle.len() - 1].to_vec();
                    key.sort();
                    circles.insert((key, circle.join(" → ")));
                } else if seen.insert(next.clone()) {
                    let mut t = trail.clone();
                    t.push(next.clone());
                    stack.push((next.clone(), t));
                }
            }
        }
    }
    let found: Vec<String> = circles.into_iter().map(|(_, c)| c).collect();
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

#[test]
fn the_circle_check_sees_imports() {
    // The scanner itself works: a slide imports the slide kit, the table its actions.
    let graph = module_graph();
    assert!(graph["ui::present::round"].contains("ui::present::slide"));
    assert!(graph["ui::table::cell_keys"].contains("ui::table::action"));
    assert!(graph["app::saving"].contains("app::jobs"));
}

/// The lines of the files under `src/<dir>` (`""`: all of `src`), except the files `except`
/// (paths relative to `src`), whose code outside comments contains any of `needles`.
fn lines_outside(dir: &str, except: &[&str], needles: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for file in rust_files(&src.join(dir)) {
        let relative = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if except.contains(&relative.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source is UTF-8");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if needles.iter().any(|w| code.contains(w)) {
                found.push(format!("{relative}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    found
}

/// Files of the ui layer that build the state before the first frame or run the frame.
const SHELL: [&str; 3] = ["ui/mod.rs", "ui/window/start.rs", "ui/web/mod.rs"];

#[test]
fn views_read_the_state_and_only_the_shell_applies_messages() {
    // A view gets `&AppState` and an `Outbox`; only the shell (`ConcordApp::ui`) calls
    // `update_all` and takes the effects the state hands over.
    let writes = [
        "&mut AppState",
        "mut state: AppState",
        ".update_all(",
        ".update(Msg",
        ".take_effects(",
        "state_mut",
    ];
    let found = lines_outside("ui", &SHELL, &writes);
    assert!(
        found.is_empty(),
        "views send messages instead of writing the state:\n{}",
        found.join("\n")
    );
}

#[test]
fn background_work_runs_only_through_the_job_runner() {
    // One runner (app::jobs) starts every job, so each result comes back through `update`
    // and a result for another document is dropped in one place. Scoped threads that split
    // one computation (and end before it returns) are not jobs. The native file dialog is a
    // GUI call the app layer cannot make: it waits on its own thread and answers with
    // `Msg::File(FileMsg::DialogAnswered)`.
    let allowed = ["platform.rs", "app/jobs.rs", "ui/dialogs/native.rs"];
    let starts = [
        "platform::spawn",
        "Task::start",
        "mpsc::channel",
        "thread::spawn",
    ];
    let found = lines_outside("", &allowed, &starts);
    assert!(
        found.is_empty(),
        "start background work with AppState's job runner:\n{}",
        found.join("\n")
    );
}
