//! Analysis benchmarks: SMAA-2 with 10,000 draws on 10 × 20 (single thread), and all of
//! S1–S4 on 2,000 × 300.

use std::hint::black_box;
use std::time::Duration;

use concord::analysis::sweep::{stability_with, sweep_totals_with, Sums};
use concord::analysis::{score_flips, smaa, tornado, SmaaOptions};
use concord::scoring::{Evaluation, WeightSet};
use criterion::{criterion_group, criterion_main, Criterion};

fn analysis(c: &mut Criterion) {
    let small = concord::synth::scenario(10, 20, 3);
    let e = Evaluation::new(&small, WeightSet::Base);
    c.bench_function("smaa/10000 draws/10x20", |b| {
        b.iter(|| smaa(black_box(&e), SmaaOptions::default()))
    });

    let big = concord::synth::scenario(2_000, 300, 4);
    let e = Evaluation::new(&big, WeightSet::Base);
    let mut g = c.benchmark_group("sensitivity/2000x300");
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    g.bench_function("S1 sweep lines (21 points, every criterion)", |b| {
        b.iter(|| {
            let sums = Sums::new(&e);
            for k in 0..big.criteria.len() {
                black_box(sweep_totals_with(&e, &sums, k, 21));
            }
        })
    });
    g.bench_function("S2 stability (every criterion)", |b| {
        b.iter(|| {
            let sums = Sums::new(&e);
            for k in 0..big.criteria.len() {
                black_box(stability_with(&e, &sums, k));
            }
        })
    });
    g.bench_function("S3 tornado", |b| b.iter(|| tornado(black_box(&e), 0.1)));
    g.bench_function("S4 score flips", |b| {
        b.iter(|| score_flips(black_box(&big), &e))
    });
    g.bench_function("S1-S4 together", |b| {
        b.iter(|| {
            let sums = Sums::new(&e);
            for k in 0..big.criteria.len() {
                black_box(sweep_totals_with(&e, &sums, k, 21));
            }
            for k in 0..big.criteria.len() {
                black_box(stability_with(&e, &sums, k));
            }
            black_box(tornado(&e, 0.1));
            black_box(score_flips(&big, &e))
        })
    });
    g.finish();
}

/// Every perspective at once on 2,000 × 300 with 20 perspectives, each with 10 red lines
/// and 100 readings: the matrix (each perspective's totals, ranks and verdicts) and its
/// sentences.
fn perspectives(c: &mut Criterion) {
    use concord::analysis::perspectives::{sentences, Matrix};
    let mut s = concord::synth::scenario(2_000, 300, 5);
    concord::synth::add_perspectives(&mut s, 20, 10, 100, 0, 6);
    let base = Evaluation::new(&s, WeightSet::Base);
    let mut g = c.benchmark_group("perspectives/2000x300x20");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("matrix", |b| {
        b.iter(|| Matrix::compute(black_box(&s), &base))
    });
    let m = Matrix::compute(&s, &base);
    g.bench_function("sentences", |b| b.iter(|| sentences(black_box(&s), &m)));
    g.finish();
}

/// A class round: 200 students' copies of the default lesson (every weight changed, about
/// a third of the cells re-scored) read from files and merged, then the round worked out.
fn class_round(c: &mut Criterion) {
    use std::collections::BTreeSet;
    use std::sync::atomic::AtomicBool;
    let template = concord::seeds::default_scenario().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<std::path::PathBuf> = (0..200u64)
        .map(|i| {
            let path = dir.path().join(format!("s{i:03}.ron"));
            let copy = concord::analysis::round::sample_copy(&template, i, &format!("S{i:03}"));
            concord::io::save_path(&copy, &path).unwrap();
            path
        })
        .collect();
    let mut g = c.benchmark_group("round/200 students of the default lesson");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("read and merge the files", |b| {
        b.iter(|| {
            let mut known = BTreeSet::new();
            concord::io::round_files::read_students(
                &template,
                black_box(&paths),
                &mut known,
                &AtomicBool::new(false),
                |_| {},
            )
        })
    });
    let mut merged = template.clone();
    let mut known = BTreeSet::new();
    for r in concord::io::round_files::read_students(
        &template,
        &paths,
        &mut known,
        &AtomicBool::new(false),
        |_| {},
    ) {
        if let concord::io::round_files::Outcome::Added(x) = r.outcome {
            merged.perspectives.push(x.perspective);
        }
    }
    g.bench_function("work out the round", |b| {
        b.iter(|| concord::analysis::round::round(black_box(&merged)))
    });
    g.finish();
}

criterion_group!(benches, analysis, perspectives, class_round);
criterion_main!(benches);
