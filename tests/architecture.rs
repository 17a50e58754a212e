//! docs/ARCHITECTURE.md stays true: every path it names in backticks exists, and every
//! folder of the views it describes is named there.

use std::path::Path;

fn architecture() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ARCHITECTURE.md"))
        .expect("docs/ARCHITECTURE.md is there")
}

/// The backticked spans of `text` that look like paths in the repository.
fn named_paths(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|span| {
            ["src/", "tests/", "docs/", "benches/"]
                .iter()
                .any(|p| span.starts_with(p))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_path_the_architecture_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let named = named_paths(&architecture());
    assert!(named.len() > 30, "the page names the files: {named:?}");
    let missing: Vec<&String> = named.iter().filter(|p| !root.join(p).exists()).collect();
    assert!(missing.is_empty(), "named but not there: {missing:?}");
}

#[test]
fn every_room_of_the_views_is_described() {
    let text = architecture();
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut undescribed = Vec::new();
    for entry in std::fs::read_dir(ui).expect("src/ui") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if !text.contains(&format!("`src/ui/{name}/`")) {
                undescribed.push(name);
            }
        }
    }
    assert!(
        undescribed.is_empty(),
        "rooms not in ARCHITECTURE.md: {undescribed:?}"
    );
}
