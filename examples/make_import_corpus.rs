//! Writes `tests/data/import/`: the tables an import must read (or refuse in words). Run
//! from the repository root: `cargo run --example make_import_corpus`. Large cases (a 60 MB
//! cell, 100,000 columns) are made by the tests themselves, not kept in the repository.

use std::path::Path;

fn main() {
    let dir = Path::new("tests/data/import");
    std::fs::create_dir_all(dir).unwrap();
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    // A BOM, semicolons, Windows line ends, a quoted field with a semicolon, quotes and a
    // line break, header names with stray spaces, trailing empty columns, a blank cell.
    w(
        "bom-semicolon-crlf.csv",
        b"\xEF\xBB\xBFAgreement; Year ;Ceasefire;Elections;Notes;;\r\n\"Accord A; first\";1998;1;0;\"line one\r\nline \"\"two\"\"\";;\r\nAccord B;2001;0;1;;;\r\nAccord C;2005;;1;;;\r\n",
    );
    // Ragged rows and duplicate header names.
    w(
        "ragged-duplicates.csv",
        b"Name,Score,Score,Level\nAlpha,3.5,1\nBeta,7.25,2,2\nGamma\n",
    );
    // Tab-separated, proposals across the columns.
    w(
        "criteria-as-rows.tsv",
        b"Criterion\tPlan X\tPlan Y\tPlan Z\nBorders\t2\t3\t1\nRefugees\t0\t1\t3\n",
    );
    // A legacy encoding (Latin-1 "é" in row 3).
    w("latin1.csv", b"Name,Value\nAlpha,1\nCaf\xE9,2\n");
    // Not text.
    let junk: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    w("binary.csv", &junk);
    w("empty.csv", b"");
    w("header-only.csv", b"Name,Value,Other\n");
    // A zip that is not a workbook.
    w(
        "not-a-workbook.xlsx",
        b"PK\x03\x04this is not a workbook at all",
    );
    // A sheet whose cells are formulas with cached values.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Coded").unwrap();
    ws.write_string(0, 0, "Agreement").unwrap();
    ws.write_string(0, 1, "Power sharing").unwrap();
    ws.write_string(0, 2, "Score").unwrap();
    for (r, (name, ps, a, b)) in [("Accord A", 1, 2, 3), ("Accord B", 0, 4, 1)]
        .into_iter()
        .enumerate()
    {
        let row = 1 + r as u32;
        ws.write_string(row, 0, name).unwrap();
        ws.write_number(row, 1, ps).unwrap();
        let formula =
            rust_xlsxwriter::Formula::new(format!("={a}+{b}")).set_result((a + b).to_string());
        ws.write_formula(row, 2, formula).unwrap();
    }
    // A second sheet: a year, a region, a column of text and a yes/no code.
    let ws = wb.add_worksheet();
    ws.set_name("Regions").unwrap();
    for (c, h) in ["Agreement", "Year", "Region", "Summary", "Ceasefire"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (name, year, region, summary, cf)) in [
        (
            "Accord North",
            1994,
            "Europe",
            "Power sharing and a ceasefire.",
            1,
        ),
        ("Accord South", 2003, "Africa", "A ceasefire only.", 1),
        ("Accord East", 2011, "Asia", "", 0),
    ]
    .into_iter()
    .enumerate()
    {
        let row = 1 + r as u32;
        ws.write_string(row, 0, name).unwrap();
        ws.write_number(row, 1, year).unwrap();
        ws.write_string(row, 2, region).unwrap();
        if !summary.is_empty() {
            ws.write_string(row, 3, summary).unwrap();
        }
        ws.write_number(row, 4, cf).unwrap();
    }
    wb.save(dir.join("formulas.xlsx")).unwrap();
    println!("wrote {}", dir.display());
    workbook_seeds(&dir.join("formulas.xlsx"));
}

/// Seeds for the `import_workbook` fuzz target: real workbooks of several shapes, and
/// damaged ones.
fn workbook_seeds(formulas: &Path) {
    let seeds = Path::new("fuzz/corpus/import_workbook");
    std::fs::create_dir_all(seeds).unwrap();
    let w = |name: &str, bytes: &[u8]| std::fs::write(seeds.join(name), bytes).unwrap();
    let book = |fill: &dyn Fn(&mut rust_xlsxwriter::Workbook)| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        fill(&mut wb);
        wb.save_to_buffer().unwrap()
    };
    let good = std::fs::read(formulas).unwrap();
    w("seed-formulas.xlsx", &good);
    w("seed-truncated.xlsx", &good[..good.len() / 2]);
    let mut flipped = good.clone();
    for i in (40..flipped.len()).step_by(97) {
        flipped[i] ^= 0x5a;
    }
    w("seed-flipped-bytes.xlsx", &flipped);
    w(
        "seed-not-a-zip.xlsx",
        b"PK\x03\x04this is not a workbook at all",
    );
    w("seed-empty.xlsx", b"");
    w(
        "seed-no-cells.xlsx",
        &book(&|wb| {
            wb.add_worksheet();
        }),
    );
    w(
        "seed-header-only.xlsx",
        &book(&|wb| {
            let ws = wb.add_worksheet();
            ws.write_string(0, 0, "Name").unwrap();
            ws.write_string(0, 1, "Code").unwrap();
        }),
    );
    w(
        "seed-wide.xlsx",
        &book(&|wb| {
            let ws = wb.add_worksheet();
            for c in 0..300u16 {
                ws.write_string(0, c, format!("Prov{c}")).unwrap();
                for r in 1..4u32 {
                    ws.write_number(r, c, f64::from((r + u32::from(c)) % 2))
                        .unwrap();
                }
            }
        }),
    );
    w(
        "seed-mixed-types.xlsx",
        &book(&|wb| {
            let ws = wb.add_worksheet();
            for (c, h) in ["Name", "Flag", "Value", "When", "Text"].iter().enumerate() {
                ws.write_string(0, c as u16, *h).unwrap();
            }
            ws.write_string(1, 0, "A \u{202e}reversed").unwrap();
            ws.write_boolean(1, 1, true).unwrap();
            ws.write_number(1, 2, -1.5e300).unwrap();
            ws.write_formula(1, 3, "=1/0").unwrap();
            ws.write_string(1, 4, "=cmd|' /C calc'!A0").unwrap();
            ws.write_string(2, 0, "").unwrap();
            ws.write_boolean(2, 1, false).unwrap();
            ws.write_number(2, 2, f64::MIN_POSITIVE).unwrap();
        }),
    );
    w(
        "seed-first-sheet-empty.xlsx",
        &book(&|wb| {
            wb.add_worksheet();
            let ws = wb.add_worksheet();
            ws.write_string(0, 0, "Name").unwrap();
            ws.write_string(1, 0, "Only").unwrap();
        }),
    );
    w("seed-text.csv", b"Name,Code\nA,1\n");
    println!("wrote {}", seeds.display());
}
