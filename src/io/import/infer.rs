//! The scale of a column, as its values suggest: yes/no, levels coded 0…n, or numbers;
//! every scale a column fits; and whether its header says that less of it is better.

/// A column's scale, as its values suggest.
#[derive(Clone, Debug, PartialEq)]
pub enum Inferred {
    /// 0/1, or yes/no: whether something is present.
    YesNo,
    /// A few small integer codes (0 to 9): levels.
    Levels(u32),
    /// Other numbers: their range.
    Numeric {
        /// Lowest value.
        min: f64,
        /// Highest value.
        max: f64,
    },
    /// Text: left out as a criterion (or kept as provisions).
    Text,
}

/// Words in a column's header that say less of it is better: a guess the user confirms.
const LESS_IS_BETTER: &[&str] = &[
    "troop",
    "soldier",
    "forces stationed",
    "casualt",
    "death",
    "dead",
    "killed",
    "fatalit",
    "injur",
    "violen",
    "displace",
    "cost",
    "delay",
    "incident",
    "attack",
    "checkpoint",
    "detain",
    "arrest",
    "demolition",
    "poverty",
    "unemploy",
    "debt",
    "emission",
];

/// Whether a column headed `header` is likely one where less is better.
pub fn guess_lower_is_better(header: &str) -> bool {
    let h = header.to_lowercase();
    LESS_IS_BETTER.iter().any(|w| h.contains(w))
}

pub(super) fn yes_no(s: &str) -> Option<bool> {
    yes_no_trimmed(s.trim())
}

/// [`yes_no`] of a value already trimmed.
fn yes_no_trimmed(s: &str) -> Option<bool> {
    // Most coded datasets use 0 and 1: answered without comparing words.
    match s.as_bytes() {
        b"1" => return Some(true),
        b"0" => return Some(false),
        _ => {}
    }
    let is = |w: &str| s.eq_ignore_ascii_case(w);
    if is("yes") || is("y") || is("true") {
        Some(true)
    } else if is("no") || is("n") || is("false") {
        Some(false)
    } else {
        None
    }
}

/// A cell as a number: a finite number, or yes/no as 1/0 (a yes/no column read as levels
/// or numbers).
pub(super) fn number(raw: &str) -> Option<f64> {
    raw.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .or_else(|| yes_no(raw).map(|b| f64::from(u8::from(b))))
}

/// The scale of a column of values (blank cells ignored).
pub fn infer(values: &[&str]) -> Inferred {
    // Two passes without copying the column: yes/no first (a coded dataset's usual case,
    // answered without parsing numbers), then numbers.
    let present = || values.iter().map(|v| v.trim()).filter(|v| !v.is_empty());
    if present().next().is_none() {
        return Inferred::Text;
    }
    if present().all(|v| yes_no_trimmed(v).is_some()) {
        return Inferred::YesNo;
    }
    let (mut min, mut max, mut integers) = (f64::INFINITY, f64::NEG_INFINITY, true);
    for v in present() {
        let Some(x) = v.parse::<f64>().ok().filter(|x| x.is_finite()) else {
            return Inferred::Text;
        };
        min = min.min(x);
        max = max.max(x);
        integers &= x.fract() == 0.0;
    }
    if integers && min >= 0.0 && max <= 9.0 {
        // A column of zeros is still two levels: a scale needs at least two (fuzzing).
        return Inferred::Levels((max as u32 + 1).max(2));
    }
    if min == max {
        let (min, max) = around(min);
        return Inferred::Numeric { min, max };
    }
    Inferred::Numeric { min, max }
}

/// A scale around a column's one value: ±1, or where ±1 is lost in rounding (a value of
/// 1e46; fuzzing found it made a scale whose min was not below its max) the nearest numbers
/// either side that are finite.
fn around(x: f64) -> (f64, f64) {
    if x - 1.0 < x + 1.0 {
        return (x - 1.0, x + 1.0);
    }
    let (below, above) = (x.next_down(), x.next_up());
    match (below.is_finite(), above.is_finite()) {
        (true, true) => (below, above),
        (false, _) => (x, above),
        (_, false) => (below, x),
    }
}

/// Every scale a column's values fit, the inferred one first: yes/no codes can also be
/// read as levels (0 and 1) or numbers; small integer codes as numbers; a column of text
/// fits none.
pub fn scales(values: &[&str]) -> Vec<Inferred> {
    let first = infer(values);
    if first == Inferred::Text {
        return Vec::new();
    }
    let numbers: Option<Vec<f64>> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .map(number)
        .collect();
    let mut out = vec![first.clone()];
    if let Some(numbers) = numbers.filter(|n| !n.is_empty()) {
        let (min, max) = numbers
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
                (a.min(x), b.max(x))
            });
        let integers = numbers.iter().all(|x| x.fract() == 0.0);
        if integers && min >= 0.0 && max <= 20.0 {
            out.push(Inferred::Levels((max as u32 + 1).max(2)));
        }
        let (min, max) = if min == max { around(min) } else { (min, max) };
        out.push(Inferred::Numeric { min, max });
    }
    let mut distinct: Vec<Inferred> = Vec::new();
    for k in out {
        if !distinct.contains(&k) {
            distinct.push(k);
        }
    }
    distinct
}

impl Inferred {
    /// The scale in a few words, for the dialog and the command line.
    pub fn describe(&self) -> String {
        match self {
            Inferred::YesNo => "yes/no (weight 0: presence is not merit)".to_owned(),
            Inferred::Levels(n) => format!("{n} levels (codes 0–{})", n - 1),
            Inferred::Numeric { min, max } => format!("numbers {min}–{max}"),
            Inferred::Text => "text: left out".to_owned(),
        }
    }
}
