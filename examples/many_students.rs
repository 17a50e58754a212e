//! Writes the default lesson as `template.ron` and N made-up students' copies of it
//! (every weight changed, about a third of the cells re-scored) into a folder, for timing
//! a round: `cargo run --release --example many_students /tmp/round 200`, then
//! `time target/release/concord round /tmp/round/template.ron /tmp/round/s*.ron`.

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "round".into()));
    let n: u64 = args.next().and_then(|x| x.parse().ok()).unwrap_or(200);
    std::fs::create_dir_all(&dir).expect("the folder");
    let template = concord::seeds::default_scenario().expect("the default lesson");
    concord::io::save_path(&template, &dir.join("template.ron")).expect("template");
    for i in 0..n {
        let name = format!("S{i:03}");
        let copy = concord::analysis::round::sample_copy(&template, i, &name);
        concord::io::save_path(&copy, &dir.join(format!("s{i:03}.ron"))).expect("copy");
    }
    println!("wrote {} copies to {}", n, dir.display());
}
