//! A fast reader for the `scores` list as Concord writes it.
//!
//! In a large scenario almost all of the file is the `scores` list, and RON's general
//! parser reads it at about 150 MB/s, so a 2,000 × 300 scenario took over a second to open.
//! This reader understands only the narrow shape that Concord itself writes (plus the usual
//! freedoms of hand editing: any ASCII whitespace, fields in any order, struct names left
//! out, a trailing comma) and reads it an order of magnitude faster, in parallel chunks.
//! Anything else — comments, escapes, `Some(…)`, unknown or repeated fields, an error —
//! makes it decline, and the caller hands the whole file to RON, which stays the
//! reference: on every text this reader accepts, it gives exactly what RON gives.
//!
//! Long (about 700 lines, a third of them tests against RON's own reader): a parser is
//! one piece, and split it would only scatter its grammar.

use super::locate::{locate, offset_of, Seg};
use super::ron_options;
use crate::model::{Citation, Scenario, Score, ScoreValue};

/// Lists shorter than this are read on one thread: starting threads would cost more.
const PARALLEL_FROM_BYTES: usize = 1 << 20;

/// Files shorter than this go straight to RON, which reads them in well under a
/// millisecond (5 × 15: 0.09 ms); the fast reader pays off on long score lists.
pub(crate) const FAST_FROM_BYTES: usize = 256 * 1024;

/// Reads a file in the shape Concord writes, with its large `scores` list read by the
/// fast reader and the rest by RON; `None` sends the whole file to RON.
pub(crate) fn read_scenario(src: &str) -> Option<Scenario> {
    if !extensions_are_default(src) {
        return None;
    }
    let at = locate(src, &[Seg::field("scores")])?;
    let start = offset_of(src, at);
    // The located value must follow `scores:` directly, as RON itself would read it.
    let before = src.get(..start)?.trim_end().strip_suffix(':')?.trim_end();
    if !before.ends_with("scores") {
        return None;
    }
    let (scores, end) = read_scores(src, start)?;
    let rest = format!("{}[]{}", &src[..start], &src[end..]);
    let mut scenario: Scenario = ron_options().from_str(&rest).ok()?;
    scenario.scores = scores;
    Some(scenario)
}

/// True when the file enables no RON extension but `implicit_some`, which Concord's
/// options turn on anyway; others (say, `explicit_struct_names`) change what is valid.
fn extensions_are_default(src: &str) -> bool {
    let mut rest = src;
    loop {
        rest = rest.trim_start();
        let Some(attribute) = rest.strip_prefix("#![enable(") else {
            // A comment could hide an attribute after it: leave such files to RON.
            return !rest.starts_with(['#', '/']);
        };
        let Some(close) = attribute.find(")]") else {
            return false;
        };
        if attribute[..close]
            .split(',')
            .any(|name| !matches!(name.trim(), "implicit_some" | ""))
        {
            return false;
        }
        rest = &attribute[close + 2..];
    }
}

/// Reads the list that starts at `src[start]` (a `[`) and must be the scenario's last
/// field. Returns the scores and the offset just past the closing `]`, or `None` when the
/// text is not in the shape this reader knows; then nothing is lost but time.
fn read_scores(src: &str, start: usize) -> Option<(Vec<Score>, usize)> {
    let bytes = src.as_bytes();
    if bytes.get(start) != Some(&b'[') {
        return None;
    }
    let end = last_list_end(bytes)?;
    let body = src.get(start + 1..end)?;
    let threads = crate::platform::parallelism();
    let scores = if body.len() < PARALLEL_FROM_BYTES || threads == 1 {
        read_entries(body)?
    } else {
        read_in_parallel(body, threads.clamp(1, 8))?
    };
    Some((scores, end + 1))
}

/// Where the scenario's last field, a list, closes: the file ends `] ,? ) ` plus
/// whitespace. Found from the end, so the list need not be scanned twice; if another
/// field follows the scores, the body holds more than entries and reading declines.
fn last_list_end(bytes: &[u8]) -> Option<usize> {
    let mut i = bytes.len();
    let back_over_ws = |i: &mut usize| {
        while *i > 0 && matches!(bytes[*i - 1], b' ' | b'\n' | b'\t' | b'\r') {
            *i -= 1;
        }
    };
    back_over_ws(&mut i);
    i = i.checked_sub(1).filter(|&j| bytes[j] == b')')?;
    back_over_ws(&mut i);
    if i > 0 && bytes[i - 1] == b',' {
        i -= 1;
        back_over_ws(&mut i);
    }
    i.checked_sub(1).filter(|&j| bytes[j] == b']')
}

/// The entries of a list body read in one piece (for the fuzz target).
pub(crate) fn read_body(body: &str) -> Option<Vec<Score>> {
    read_entries(body)
}

/// The entries of a list body read in `threads` chunks, whatever its length (for the
/// fuzz target: it must agree with [`read_body`]).
pub(crate) fn read_body_in_parallel(body: &str, threads: usize) -> Option<Vec<Score>> {
    read_in_parallel(body, threads)
}

/// Splits the list body at entry boundaries into `threads` chunks and reads them at once.
fn read_in_parallel(body: &str, threads: usize) -> Option<Vec<Score>> {
    let bounds = split_points(body, threads);
    let parts: Vec<Option<Vec<Score>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = bounds
            .windows(2)
            .map(|w| {
                let chunk = &body[w[0]..w[1]];
                scope.spawn(move || read_entries(chunk))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let total: usize = parts.iter().flatten().map(Vec::len).sum();
    let mut parts = parts.into_iter();
    // Growing the first part in place spares copying it (large blocks are remapped).
    let mut scores = parts.next()??;
    scores.reserve_exact(total - scores.len());
    for part in parts {
        scores.extend(part?);
    }
    Some(scores)
}

/// Chunk boundaries near each `len / n` mark: after a `),` that ends a line when the next
/// line opens a `Score(`. A boundary inside a multi-line string makes a chunk fail to
/// read, which declines the whole list rather than misreading it.
fn split_points(body: &str, n: usize) -> Vec<usize> {
    let bytes = body.as_bytes();
    let mut points = vec![0];
    for i in 1..n {
        let mut from = (body.len() * i / n).max(*points.last().unwrap_or(&0));
        let found = loop {
            let Some(p) = find(&bytes[from..], b"),\n") else {
                break None;
            };
            let boundary = from + p + 2;
            let next_line = bytes[boundary..].trim_ascii_start();
            if next_line.starts_with(b"Score(") {
                break Some(boundary);
            }
            from = boundary;
        };
        match found {
            Some(p) => points.push(p),
            None => break,
        }
    }
    points.push(body.len());
    points.dedup();
    points
}

/// Reads a run of comma-separated entries that makes up the whole of `text`.
fn read_entries(text: &str) -> Option<Vec<Score>> {
    let bytes = text.as_bytes();
    // A rough guess from the size of a typical entry saves regrowing.
    let mut scores = Vec::with_capacity(text.len() / 256 + 1);
    let mut r = Reader::new(bytes, 0);
    loop {
        r.ws()?;
        if r.pos == bytes.len() {
            return Some(scores);
        }
        scores.push(r.score(text)?);
        r.ws()?;
        match r.peek() {
            None => return Some(scores),
            Some(b',') => r.pos += 1,
            Some(_) => return None,
        }
    }
}

/// A cursor over the bytes of the list; every method returns `None` to decline.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], pos: usize) -> Self {
        Self { bytes, pos }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips ASCII whitespace; declines on a comment (`/`), which RON must handle.
    fn ws(&mut self) -> Option<()> {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b' ' | b'\n' | b'\t' | b'\r' => self.pos += 1,
                b'/' => return None,
                _ => break,
            }
        }
        Some(())
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek() == Some(b)).then(|| self.pos += 1)
    }

    /// Eats `word` when it is followed by something that cannot continue an identifier.
    fn eat_word(&mut self, word: &[u8]) -> bool {
        let end = self.pos + word.len();
        let matches = self.bytes.get(self.pos..end) == Some(word)
            && !self.bytes.get(end).is_some_and(|&b| is_ident_byte(b));
        if matches {
            self.pos = end;
        }
        matches
    }

    /// `Name(` or `(`: the optional struct name and the opening parenthesis.
    fn open_struct(&mut self, name: &[u8]) -> Option<()> {
        let _ = self.eat_word(name);
        self.eat(b'(')
    }

    /// Reads `name:` and returns the name; `None` at anything else.
    fn field_name(&mut self) -> Option<&'a [u8]> {
        let start = self.pos;
        while self.peek().is_some_and(is_ident_byte) {
            self.pos += 1;
        }
        let name = &self.bytes[start..self.pos];
        if name.is_empty() || name[0].is_ascii_digit() {
            return None;
        }
        self.eat(b':')?;
        self.ws()?;
        Some(name)
    }

    /// After a field's value: a comma, or the struct's closing parenthesis next.
    fn field_end(&mut self) -> Option<()> {
        self.ws()?;
        if self.eat(b',').is_some() {
            self.ws()
        } else {
            (self.peek() == Some(b')')).then_some(())
        }
    }

    fn score(&mut self, text: &'a str) -> Option<Score> {
        self.open_struct(b"Score")?;
        self.ws()?;
        let (mut criterion, mut proposal) = (None, None);
        let (mut value, mut rationale, mut evidence) = (None, None, None);
        while self.eat(b')').is_none() {
            let name = self.field_name()?;
            let slot_was_empty = match name {
                b"criterion" => criterion.replace(self.string(text)?).is_none(),
                b"proposal" => proposal.replace(self.string(text)?).is_none(),
                b"value" => value.replace(self.value()?).is_none(),
                b"rationale" => rationale.replace(self.string(text)?).is_none(),
                b"evidence" => evidence.replace(self.evidence(text)?).is_none(),
                _ => return None,
            };
            if !slot_was_empty {
                return None;
            }
            self.field_end()?;
        }
        Some(Score {
            criterion: criterion?.to_owned(),
            proposal: proposal?.to_owned(),
            value,
            rationale: rationale.unwrap_or_default().to_owned(),
            evidence: evidence.unwrap_or_default(),
            // The mark is rare: a cell that has one sends the file to RON (unknown field).
            reason_written_for: None,
        })
    }

    fn evidence(&mut self, text: &'a str) -> Option<Vec<Citation>> {
        self.eat(b'[')?;
        // Most cells cite one source; the default first growth would reserve four.
        let mut list = Vec::with_capacity(1);
        loop {
            self.ws()?;
            if self.eat(b']').is_some() {
                return Some(list);
            }
            list.push(self.citation(text)?);
            self.ws()?;
            if self.eat(b',').is_none() {
                self.ws()?;
                return self.eat(b']').map(|()| list);
            }
        }
    }

    fn citation(&mut self, text: &'a str) -> Option<Citation> {
        self.open_struct(b"Citation")?;
        self.ws()?;
        let (mut source, mut locator, mut note) = (None, None, None);
        while self.eat(b')').is_none() {
            let name = self.field_name()?;
            let slot_was_empty = match name {
                b"source" => source.replace(self.string(text)?).is_none(),
                b"locator" => locator.replace(self.string(text)?).is_none(),
                b"note" => note.replace(self.string(text)?).is_none(),
                _ => return None,
            };
            if !slot_was_empty {
                return None;
            }
            self.field_end()?;
        }
        Some(Citation {
            source: source?.to_owned(),
            locator: locator.unwrap_or_default().to_owned(),
            note: note.unwrap_or_default().to_owned(),
            // Kinds mark a perspective's evidence, not cells': a cell with one goes to RON.
            kind: None,
        })
    }

    /// `Number(f)`, `Level(n)`, `Bool(b)` or `Silent`, written as Concord writes them.
    fn value(&mut self) -> Option<ScoreValue> {
        if self.eat_word(b"Silent") {
            return Some(ScoreValue::Silent);
        }
        let value = if self.eat_word(b"Number") {
            self.eat(b'(')?;
            self.ws()?;
            ScoreValue::Number(self.number()?)
        } else if self.eat_word(b"Level") {
            self.eat(b'(')?;
            self.ws()?;
            let digits = self.digits();
            if digits.is_empty() || digits.len() > 9 || has_leading_zero(digits) {
                return None;
            }
            ScoreValue::Level(std::str::from_utf8(digits).ok()?.parse().ok()?)
        } else if self.eat_word(b"Bool") {
            self.eat(b'(')?;
            self.ws()?;
            if self.eat_word(b"true") {
                ScoreValue::Bool(true)
            } else if self.eat_word(b"false") {
                ScoreValue::Bool(false)
            } else {
                return None;
            }
        } else {
            return None;
        };
        self.ws()?;
        self.eat(b')')?;
        Some(value)
    }

    fn digits(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        &self.bytes[start..self.pos]
    }

    /// A plain decimal `-?d+(.d+)?([eE][+-]?d+)?`, parsed as RON parses it (`str::parse`).
    fn number(&mut self) -> Option<f64> {
        let start = self.pos;
        let _ = self.eat(b'-');
        let whole = self.digits();
        if whole.is_empty() || has_leading_zero(whole) {
            return None;
        }
        if self.eat(b'.').is_some() && self.digits().is_empty() {
            return None;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits().is_empty() {
                return None;
            }
        }
        // Suffixes (`f32`), underscores and the like are RON's business.
        if self.peek().is_some_and(|b| is_ident_byte(b) || b == b'.') {
            return None;
        }
        let literal = &self.bytes[start..self.pos];
        if literal.len() > 40 {
            return None;
        }
        std::str::from_utf8(literal).ok()?.parse().ok()
    }

    /// A string as a slice of the text: `"…"` without escapes, or a raw `r#"…"#`.
    fn string(&mut self, text: &'a str) -> Option<&'a str> {
        let (content_start, terminator): (usize, &[u8]) = match self.peek()? {
            b'"' => (self.pos + 1, b"\""),
            b'r' => {
                let hashes = self.bytes[self.pos + 1..]
                    .iter()
                    .take_while(|&&b| b == b'#')
                    .count();
                let quote = self.pos + 1 + hashes;
                if self.bytes.get(quote) != Some(&b'"') || hashes > 16 {
                    return None;
                }
                // The terminator is `"` followed by as many `#` as opened the string.
                let closing = &RAW_CLOSINGS[..=hashes];
                (quote + 1, closing)
            }
            _ => return None,
        };
        let rest = &self.bytes[content_start..];
        let len = if terminator.len() == 1 {
            let len = memchr(b'"', rest)?;
            if memchr(b'\\', &rest[..len]).is_some() {
                return None; // escapes: RON decodes them
            }
            len
        } else {
            find(rest, terminator)?
        };
        self.pos = content_start + len + terminator.len();
        // Quotes and hashes are ASCII, so these are character boundaries.
        text.get(content_start..content_start + len)
    }
}

/// `"` followed by up to 16 `#`: the closing of a raw string.
const RAW_CLOSINGS: &[u8] = b"\"################";

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// `007`: RON's reading of leading zeros is not this reader's to guess.
fn has_leading_zero(digits: &[u8]) -> bool {
    digits.len() > 1 && digits[0] == b'0'
}

use memchr::memchr;

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::to_ron_string;
    use crate::synth;
    use proptest::prelude::*;

    fn by_ron(src: &str) -> Option<Scenario> {
        ron_options().from_str(src).ok()
    }

    /// The reader's one promise: whatever it accepts, RON reads the same way.
    fn assert_agrees(src: &str) -> Option<Scenario> {
        let fast = read_scenario(src);
        if let Some(fast) = &fast {
            assert_eq!(
                Some(fast),
                by_ron(src).as_ref(),
                "fast reader accepted:\n{src}"
            );
        }
        fast
    }

    #[test]
    fn reads_what_concord_writes() {
        let text = to_ron_string(&synth::scenario(7, 5, 1)).expect("serialises");
        let read = assert_agrees(&text).expect("the canonical form is read fast");
        assert_eq!(read.scores.len(), 35);
    }

    #[test]
    fn reads_the_bundled_scenarios_in_canonical_form() {
        for seed in crate::seeds::BUNDLED {
            let scenario = by_ron(seed.text).expect("seed parses");
            let text = to_ron_string(&scenario).expect("serialises");
            let read = assert_agrees(&text).expect("read fast");
            assert_eq!(read, scenario, "{}", seed.file);
        }
    }

    #[test]
    fn declines_what_only_ron_knows() {
        let text = to_ron_string(&synth::scenario(2, 2, 3)).expect("serialises");
        let cell = "rationale: \"Generated rationale for p0 on criterion 0.\",";
        assert!(text.contains(cell));
        let variants = [
            "rationale: \"A \\\"quoted\\\" word\",",
            "rationale: \"x\", // a comment",
            "rationale: \"x\", /* a comment */",
            "rationale: \"x\", colour: \"red\",",
            "rationale: \"x\", rationale: \"y\",",
            "rationale: \"x\", value: None,",
            "rationale : \"x\",",
            "r#rationale: \"x\",",
            "rationale: b\"x\",",
            "rationale: \"x\"",
        ];
        for variant in variants {
            let changed = text.replacen(cell, variant, 1);
            assert!(assert_agrees(&changed).is_none(), "accepted {variant}");
        }
        // The first number in the file, whatever the generator made it.
        let at = text.find("Number(").expect("a numeric cell") + "Number(".len();
        let literal = &text[at..at + text[at..].find(')').expect("closed")];
        let number = format!("Number({literal})");
        let (first, rest) = literal.split_at(1);
        for (from, to) in [
            (
                "value: Number(".to_owned(),
                "value: Some(Number(".to_owned(),
            ),
            ("Score(".to_owned(), "Score (".to_owned()),
            (number.clone(), format!("Number({first}_{rest})")),
            (number.clone(), format!("Number(0{literal})")),
            (number.clone(), "Number(inf)".to_owned()),
            (number.clone(), format!("Number({literal}f64)")),
            ("Level(".to_owned(), "Level(+".to_owned()),
        ] {
            let changed = text.replacen(&from, &to, 1);
            assert_ne!(changed, text, "the file has {from}");
            assert!(assert_agrees(&changed).is_none(), "accepted {to}");
        }
    }

    #[test]
    fn declines_files_that_enable_other_extensions() {
        let text = to_ron_string(&synth::scenario(2, 2, 3)).expect("serialises");
        assert!(text.starts_with("#![enable(implicit_some)]"));
        let unnamed = text.replace("Score(", "(");
        assert!(assert_agrees(&unnamed).is_some());
        for header in [
            "#![enable(explicit_struct_names)]",
            "#![enable(implicit_some, explicit_struct_names)]",
            "// a comment first\n#![enable(explicit_struct_names)]",
        ] {
            let strict = unnamed.replacen("#![enable(implicit_some)]", header, 1);
            assert!(
                by_ron(&strict).is_none(),
                "RON needs the names under {header}"
            );
            assert!(assert_agrees(&strict).is_none(), "{header}");
        }
    }

    #[test]
    fn declines_scores_that_are_not_the_last_field() {
        let text = to_ron_string(&synth::scenario(2, 2, 3)).expect("serialises");
        let moved = text.replacen("    scores: [", "    perspectives: [],\n    scores: [", 1);
        // RON refuses the repeated field; the fast reader must not hide that.
        assert!(assert_agrees(&moved).is_none());
    }

    #[test]
    fn chunks_read_in_parallel_equal_one_pass() {
        let text = to_ron_string(&synth::scenario(30, 20, 5)).expect("serialises");
        let start = text.find("scores: [").expect("scores") + "scores: ".len();
        let end = last_list_end(text.as_bytes()).expect("end");
        let body = &text[start + 1..end];
        let whole = read_entries(body).expect("reads");
        assert_eq!(whole.len(), 600);
        for threads in 2..=7 {
            assert_eq!(split_points(body, threads).len(), threads + 1);
            assert_eq!(read_in_parallel(body, threads).as_ref(), Some(&whole));
        }
    }

    #[test]
    fn a_split_inside_a_string_declines_instead_of_misreading() {
        let mut scenario = synth::scenario(4, 3, 9);
        // A rationale that looks like an entry boundary, in the middle of the list.
        let trap = "ends here),\n        Score(criterion: \"c0\", proposal: \"p0\"),\n more";
        let middle = scenario.scores.len() / 2;
        for s in &mut scenario.scores[middle - 1..=middle + 1] {
            s.rationale = trap.repeat(40);
        }
        let text = to_ron_string(&scenario).expect("serialises");
        let start = text.find("scores: [").expect("scores") + "scores: ".len();
        let end = last_list_end(text.as_bytes()).expect("end");
        let body = &text[start + 1..end];
        let whole = read_entries(body).expect("reads");
        assert_eq!(whole, scenario.scores);
        for threads in 2..=9 {
            if let Some(parts) = read_in_parallel(body, threads) {
                assert_eq!(parts, whole, "{threads} threads");
            }
        }
    }

    fn tricky_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("\"".to_owned()),
                Just("\\".to_owned()),
                Just("#".to_owned()),
                Just("\"#".to_owned()),
                Just("r#\"".to_owned()),
                Just("\n".to_owned()),
                Just("),\n        Score(".to_owned()),
                Just("// ".to_owned()),
                Just("/*".to_owned()),
                Just("ا".to_owned()),
                Just("א".to_owned()),
                "[a-z ]{1,6}",
            ],
            0..8,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn agrees_with_ron_on_any_strings(
            texts in proptest::collection::vec(tricky_text(), 6),
            number in -1.0e6f64..1.0e6,
        ) {
            let mut scenario = synth::scenario(2, 3, 4);
            for (s, t) in scenario.scores.iter_mut().zip(&texts) {
                s.rationale = t.clone();
                s.evidence[0].note = t.chars().rev().collect();
            }
            scenario.scores[0].value = Some(ScoreValue::Number(number));
            let text = to_ron_string(&scenario).expect("serialises");
            let read = assert_agrees(&text);
            prop_assert_eq!(read.map(|r| r.scores), Some(scenario.scores));
        }

        #[test]
        fn never_accepts_what_ron_reads_differently(
            at in 0.0f64..1.0,
            at_punctuation in any::<bool>(),
            cut in 0usize..4,
            insert in prop_oneof![
                Just(""), Just(","), Just("("), Just(")"), Just("["), Just("]"), Just("\""),
                Just("\\"), Just("#"), Just("r"), Just(" "), Just("\n"), Just(":"),
                Just("//"), Just("0"), Just("-"), Just("."), Just("e"), Just("Score"),
                Just("value: Level(1),"), Just("note: \"n\","),
            ],
        ) {
            let text = to_ron_string(&synth::scenario(2, 2, 6)).expect("serialises");
            let scores_at = text.find("scores:").expect("scores");
            // Mutate within the scores list, where the fast reader works.
            let mut pos = scores_at + ((text.len() - scores_at) as f64 * at) as usize;
            while !text.is_char_boundary(pos) {
                pos -= 1;
            }
            // Half the time, at the next piece of syntax rather than anywhere.
            if at_punctuation {
                pos += text[pos..].find([',', '(', ')', '[', ']', ':', '"']).unwrap_or(0);
            }
            let mut end = (pos + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let mutated = format!("{}{insert}{}", &text[..pos], &text[end..]);
            assert_agrees(&mutated);
        }
    }
}
