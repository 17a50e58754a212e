//! Writes a generated lesson of the kind the slide-fit property test walks (long names in
//! four scripts, every scale kind, parties with red lines, a class round), to look at it:
//! `cargo run --example teaching_lesson -- FILE [PROPOSALS CRITERIA PARTIES STUDENTS SEED]`.
//! `docs/generated-lesson-1024x768.png` is its ranking slide with the defaults below.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first() else {
        eprintln!("usage: teaching_lesson FILE [PROPOSALS CRITERIA PARTIES STUDENTS SEED]");
        std::process::exit(2);
    };
    let n = |i: usize, default: u64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let s = concord::synth::teaching_lesson(
        n(1, 8) as usize,
        n(2, 12) as usize,
        n(3, 6) as usize,
        n(4, 24) as usize,
        n(5, 28),
    );
    let problems = concord::io::validate(&s);
    if !problems.is_empty() {
        eprintln!("the generated lesson is invalid: {problems:?}");
        std::process::exit(1);
    }
    if let Err(e) = concord::io::save_path(&s, std::path::Path::new(file)) {
        eprintln!("{file}: {e}");
        std::process::exit(1);
    }
    println!("wrote {file}");
}
