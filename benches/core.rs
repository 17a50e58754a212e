//! Core benchmarks: load+validate, save and rank on generated scenarios of three sizes,
//! plus the whole open path (load, validate, rank) at 2,000 × 300 and at twice that.

use std::hint::black_box;
use std::time::Duration;

use concord::io::{load_str, save_path, to_ron_string};
use concord::scoring::{Evaluation, WeightSet};
use concord::synth;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

const SIZES: &[(usize, usize)] = &[(5, 15), (200, 100), (2_000, 300)];

fn label((p, c): (usize, usize)) -> String {
    format!("{p}x{c}")
}

fn core(cr: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    for &size in SIZES {
        let scenario = synth::scenario(size.0, size.1, 42);
        let text = to_ron_string(&scenario).expect("serialises");
        let mut g = cr.benchmark_group("core");
        if size.0 * size.1 > 100_000 {
            g.sample_size(10).measurement_time(Duration::from_secs(20));
        }
        g.bench_with_input(
            BenchmarkId::new("load_validate", label(size)),
            &text,
            |b, t| b.iter(|| load_str("bench.ron", black_box(t)).expect("loads")),
        );
        let path = dir.path().join(format!("{}.ron", label(size)));
        g.bench_with_input(BenchmarkId::new("save", label(size)), &scenario, |b, s| {
            b.iter(|| save_path(black_box(s), &path).expect("saves"))
        });
        g.bench_with_input(BenchmarkId::new("rank", label(size)), &scenario, |b, s| {
            b.iter(|| Evaluation::new(black_box(s), WeightSet::Base))
        });
        g.finish();
    }
}

/// The open path as a user meets it: parse, validate and rank. Doubling the proposals
/// doubles the cells, so the second figure over the first is the scaling ratio.
fn open_path(cr: &mut Criterion) {
    let mut g = cr.benchmark_group("open");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    for size in [(2_000, 300), (4_000, 300)] {
        let text = to_ron_string(&synth::scenario(size.0, size.1, 7)).expect("serialises");
        g.bench_with_input(
            BenchmarkId::new("load_validate_rank", label(size)),
            &text,
            |b, t| {
                b.iter(|| {
                    let s = load_str("bench.ron", black_box(t)).expect("loads");
                    Evaluation::new(&s, WeightSet::Base)
                })
            },
        );
    }
    g.finish();
}

/// The printable handout and the workbook, at 50 × 30 and at 2,000 × 300.
fn exports(cr: &mut Criterion) {
    let mut g = cr.benchmark_group("export");
    for (p, c) in [(50, 30), (2_000, 300)] {
        let s = synth::scenario(p, c, 42);
        if p * c > 100_000 {
            g.sample_size(10).measurement_time(Duration::from_secs(20));
        }
        g.bench_function(BenchmarkId::new("handout html", label((p, c))), |b| {
            b.iter(|| concord::io::handout_html::handout_html(black_box(&s), WeightSet::Base))
        });
        g.bench_function(BenchmarkId::new("workbook xlsx", label((p, c))), |b| {
            b.iter(|| concord::io::workbook::workbook(black_box(&s)).expect("a workbook"))
        });
    }
    g.finish();
}

/// Importing a table of the PA-X shape (1,868 × 266, quoted multi-line fields, a BOM):
/// reading, inferring the scales and building the scenario, in-process.
fn import(cr: &mut Criterion) {
    #[path = "../examples/pax_shaped.rs"]
    mod pax;
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("pax.csv");
    std::fs::write(&path, pax::pax_csv(1_868, 261)).expect("written");
    let mut g = cr.benchmark_group("import");
    g.sample_size(20);
    g.bench_function("pax-shaped 1868x266: read, infer", |b| {
        b.iter(|| {
            let t = concord::io::import::read_table(black_box(&path), None).expect("a table");
            concord::io::import::suggest(&t)
        })
    });
    g.bench_function("pax-shaped 1868x266: read, infer, build", |b| {
        b.iter(|| {
            let t = concord::io::import::read_table(black_box(&path), None).expect("a table");
            let m = concord::io::import::suggest(&t);
            concord::io::import::build(&t, &m, "pax.csv")
        })
    });
    g.finish();
}

criterion_group!(benches, core, open_path, exports, import);
criterion_main!(benches);
