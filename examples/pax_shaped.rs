//! Writes a table of the PA-X shape for timing an import: 1,868 agreements × 266 columns
//! (name, date, two text columns with quoted multi-line fields, 262 provision codes of 0/1,
//! a few blank), with a BOM; about 2.8 MB.
//! `cargo run --release --example pax_shaped /tmp/pax.csv [ROWS COLUMNS]`, then
//! `time target/release/concord import /tmp/pax.csv -o /tmp/pax.ron`.

use std::fmt::Write;

/// The table's text.
pub fn pax_csv(rows: usize, codes: usize) -> String {
    let mut s = String::from("\u{FEFF}AgtId,Agt,Dat,Stage,Notes");
    for c in 0..codes {
        let _ = write!(s, ",Prov{c}");
    }
    s.push('\n');
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for r in 0..rows {
        let _ = write!(
            s,
            "{},\"Agreement {r}, signed in \"\"City {}\"\"\",{}-0{}-1{},Pre,\"Line one of {r}\nline two, with a comma{}\"",
            1000 + r,
            r % 50,
            1990 + r % 30,
            1 + r % 9,
            r % 10,
            // PA-X's text columns are long: about 900 characters a row.
            "; the parties agree to a ceasefire, \"\"monitoring\"\", and talks.\nArticle".repeat(13)
        );
        for _ in 0..codes {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push(',');
            match x % 11 {
                0 => {}
                1..=3 => s.push('1'),
                _ => s.push('0'),
            }
        }
        s.push('\n');
    }
    s
}

#[allow(dead_code)]
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "pax.csv".into());
    let rows = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_868);
    let columns: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(266);
    let text = pax_csv(rows, columns.saturating_sub(5));
    std::fs::write(&path, &text).expect("written");
    println!("wrote {path}: {} bytes", text.len());
}
