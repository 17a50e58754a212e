//! Finds where an item sits in a RON text, and which item a text position belongs to.
//!
//! serde hands us values without positions, so validation errors would only have item paths.
//! This is a forgiving scanner of RON's shape (structs, tuples, lists, maps, strings,
//! comments) that maps item paths to line:column and back. It never panics: it stops at the
//! first thing it does not understand and at a fixed nesting depth.

use std::fmt;

/// One step of an item path: a struct field, a list index or a map key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// A named field of a struct or struct-like enum variant.
    Field(String),
    /// The position in a list or tuple.
    Index(usize),
    /// A map key, as written (strings without quotes).
    Key(String),
}

impl Seg {
    /// Shorthand for a field step.
    pub fn field(name: &str) -> Self {
        Seg::Field(name.to_owned())
    }
}

/// Formats a path like `criteria[3].scale.min` or `perspectives[0].weights["borders"]`.
pub struct PathDisplay<'a>(pub &'a [Seg]);

impl fmt::Display for PathDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Field(name) if i == 0 => write!(f, "{name}")?,
                Seg::Field(name) => write!(f, ".{name}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
                Seg::Key(k) => write!(f, "[{k:?}]")?,
            }
        }
        Ok(())
    }
}

/// A 1-based line and column (in characters), as RON's own errors give them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Line and column of a byte offset in `src`.
pub fn line_col(src: &str, offset: usize) -> LineCol {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = 1 + before[line_start..].chars().count();
    LineCol { line, col }
}

/// Byte offset of a 1-based line:column in `src`, clamped to the text.
pub fn offset_of(src: &str, at: LineCol) -> usize {
    let mut line_start = 0;
    for _ in 1..at.line {
        match src[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return src.len(),
        }
    }
    src[line_start..]
        .char_indices()
        .nth(at.col.saturating_sub(1))
        .map_or(src.len(), |(i, _)| line_start + i)
}

/// Where the value at `path` starts, if the scanner finds it.
pub fn locate(src: &str, path: &[Seg]) -> Option<LineCol> {
    let mut scan = Scanner::new(src, Goal::Path(path));
    let _ = scan.document();
    scan.found.map(|(_, offset)| line_col(src, offset))
}

/// The path of the innermost item that contains `at` (empty for the top level).
pub fn path_at(src: &str, at: LineCol) -> Vec<Seg> {
    let offset = skip_blank(src, offset_of(src, at));
    let mut scan = Scanner::new(src, Goal::Offset(offset));
    let _ = scan.document();
    scan.found.map(|(path, _)| path).unwrap_or(scan.deepest)
}

/// The offset of the first non-whitespace character at or after `offset`.
pub fn skip_blank(src: &str, offset: usize) -> usize {
    src.get(offset..)
        .and_then(|rest| rest.find(|c: char| !c.is_whitespace()))
        .map_or(offset, |i| offset + i)
}

const MAX_DEPTH: usize = 200;

enum Goal<'p> {
    Path(&'p [Seg]),
    Offset(usize),
}

/// Signals that scanning should stop: the goal was found or the text is not understood.
struct Stop;

struct Scanner<'a, 'p> {
    s: &'a [u8],
    i: usize,
    path: Vec<Seg>,
    goal: Goal<'p>,
    found: Option<(Vec<Seg>, usize)>,
    /// For offset goals: the last path entered before the scan stopped.
    deepest: Vec<Seg>,
}

impl<'a, 'p> Scanner<'a, 'p> {
    fn new(src: &'a str, goal: Goal<'p>) -> Self {
        Self {
            s: src.as_bytes(),
            i: 0,
            path: Vec::new(),
            goal,
            found: None,
            deepest: Vec::new(),
        }
    }

    fn document(&mut self) -> Result<(), Stop> {
        self.skip_ws();
        // Inner attributes such as `#![enable(implicit_some)]`.
        while self.peek() == Some(b'#') {
            while let Some(c) = self.peek() {
                self.i += 1;
                if c == b']' {
                    break;
                }
            }
            self.skip_ws();
        }
        self.value()
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_ascii_whitespace() => self.i += 1,
                Some(b'/') if self.s.get(self.i + 1) == Some(&b'/') => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.i += 1;
                    }
                }
                Some(b'/') if self.s.get(self.i + 1) == Some(&b'*') => {
                    self.i += 2;
                    let mut depth = 1;
                    while depth > 0 && self.i < self.s.len() {
                        if self.s[self.i..].starts_with(b"*/") {
                            depth -= 1;
                            self.i += 2;
                        } else if self.s[self.i..].starts_with(b"/*") {
                            depth += 1;
                            self.i += 2;
                        } else {
                            self.i += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Called where a value begins: checks the goal, then scans the value.
    fn value(&mut self) -> Result<(), Stop> {
        self.skip_ws();
        let start = self.i;
        match self.goal {
            Goal::Path(p) if p == self.path.as_slice() => {
                self.found = Some((self.path.clone(), start));
                return Err(Stop);
            }
            Goal::Offset(o) if start > o => {
                // The offset lies in the container, between its items.
                self.found = Some((self.parent_path(), start));
                return Err(Stop);
            }
            _ => {}
        }
        self.deepest.clone_from(&self.path);
        if self.path.len() > MAX_DEPTH {
            return Err(Stop);
        }
        self.value_body()?;
        if let Goal::Offset(o) = self.goal {
            if self.i > o {
                self.found = Some((self.path.clone(), start));
                return Err(Stop);
            }
        }
        Ok(())
    }

    /// Stops at text the scanner does not understand, inside the current container.
    fn fail(&mut self) -> Result<(), Stop> {
        if self.found.is_none() {
            if let Goal::Offset(_) = self.goal {
                self.found = Some((self.path.clone(), self.i));
            }
        }
        Err(Stop)
    }

    fn parent_path(&self) -> Vec<Seg> {
        let mut p = self.path.clone();
        p.pop();
        p
    }

    fn value_body(&mut self) -> Result<(), Stop> {
        match self.peek().ok_or(Stop)? {
            b'(' => self.parens(),
            b'[' => self.list(),
            b'{' => self.map(),
            b'"' => self.string(),
            b'\'' => self.char_lit(),
            b'r' if matches!(self.s.get(self.i + 1), Some(b'#' | b'"')) => self.raw_string(),
            b'b' if self.s.get(self.i + 1) == Some(&b'"') => {
                self.i += 1;
                self.string()
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                self.ident();
                self.skip_ws();
                if self.peek() == Some(b'(') {
                    self.parens()
                } else {
                    Ok(())
                }
            }
            _ => {
                // Numbers and anything else scalar: up to the next delimiter.
                let start = self.i;
                while let Some(c) = self.peek() {
                    if matches!(c, b',' | b')' | b']' | b'}' | b':') || c.is_ascii_whitespace() {
                        break;
                    }
                    self.i += 1;
                }
                if self.i == start {
                    Err(Stop)
                } else {
                    Ok(())
                }
            }
        }
    }

    fn ident(&mut self) -> &'a [u8] {
        let start = self.i;
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.i += 1;
            } else {
                break;
            }
        }
        &self.s[start..self.i]
    }

    fn eat(&mut self, c: u8) -> Result<(), Stop> {
        self.skip_ws();
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(Stop)
        }
    }

    /// `(a, b)` or `(field: value, …)`.
    fn parens(&mut self) -> Result<(), Stop> {
        self.eat(b'(')?;
        let mut index = 0;
        loop {
            self.skip_ws();
            if self.peek() == Some(b')') {
                self.i += 1;
                return Ok(());
            }
            let seg = self.struct_field_name().unwrap_or(Seg::Index(index));
            self.path.push(seg);
            let r = self.value();
            self.path.pop();
            r?;
            index += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b')') => {}
                _ => return self.fail(),
            }
        }
    }

    /// If the text at the cursor is `name:`, consumes it and returns the field.
    fn struct_field_name(&mut self) -> Option<Seg> {
        let save = self.i;
        match self.peek() {
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {}
            _ => return None,
        }
        let name = self.ident();
        let name = String::from_utf8_lossy(name).into_owned();
        self.skip_ws();
        if self.peek() == Some(b':') && self.s.get(self.i + 1) != Some(&b':') {
            self.i += 1;
            Some(Seg::Field(name))
        } else {
            self.i = save;
            None
        }
    }

    fn list(&mut self) -> Result<(), Stop> {
        self.eat(b'[')?;
        let mut index = 0;
        loop {
            self.skip_ws();
            if self.peek() == Some(b']') {
                self.i += 1;
                return Ok(());
            }
            self.path.push(Seg::Index(index));
            let r = self.value();
            self.path.pop();
            r?;
            index += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {}
                _ => return self.fail(),
            }
        }
    }

    fn map(&mut self) -> Result<(), Stop> {
        self.eat(b'{')?;
        loop {
            self.skip_ws();
            if self.peek() == Some(b'}') {
                self.i += 1;
                return Ok(());
            }
            let key_start = self.i;
            self.value_body()?;
            let raw = String::from_utf8_lossy(&self.s[key_start..self.i]).into_owned();
            let key = raw
                .strip_prefix('"')
                .and_then(|k| k.strip_suffix('"'))
                .map_or(raw.clone(), str::to_owned);
            self.eat(b':')?;
            self.path.push(Seg::Key(key));
            let r = self.value();
            self.path.pop();
            r?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {}
                _ => return self.fail(),
            }
        }
    }

    fn string(&mut self) -> Result<(), Stop> {
        self.eat(b'"')?;
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'\\' => self.i += 1,
                b'"' => return Ok(()),
                _ => {}
            }
        }
        Err(Stop)
    }

    fn char_lit(&mut self) -> Result<(), Stop> {
        self.i += 1;
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'\\' => self.i += 1,
                b'\'' => return Ok(()),
                _ => {}
            }
        }
        Err(Stop)
    }

    fn raw_string(&mut self) -> Result<(), Stop> {
        self.i += 1; // r
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.i += 1;
        }
        self.eat(b'"')?;
        while self.i < self.s.len() {
            if self.s[self.i] == b'"'
                && self.s[self.i + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&c| c == b'#')
                    .count()
                    == hashes
            {
                self.i += 1 + hashes;
                return Ok(());
            }
            self.i += 1;
        }
        Err(Stop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"#![enable(implicit_some)]
Scenario(
    format: 1,
    // a comment with ( and [
    title: "A (tricky) \"title\"",
    criteria: [
        Criterion(id: "a", weight: 1.0, scale: Numeric(min: 0.0, max: 10.0, step: 1.0)),
        Criterion(
            id: "b",
            weight: -1.0,
            scale: Levels(["x", "y"]),
        ),
    ],
    perspectives: [(weights: {"a": 2.0, "b": 3.0})],
)
"#;

    fn p(segs: &[Seg]) -> Vec<Seg> {
        segs.to_vec()
    }

    #[test]
    fn locates_fields_and_indices() {
        let f = Seg::field;
        assert_eq!(
            locate(SRC, &p(&[f("format")])),
            Some(LineCol { line: 3, col: 13 })
        );
        assert_eq!(
            locate(SRC, &p(&[f("criteria"), Seg::Index(1), f("weight")])),
            Some(LineCol { line: 10, col: 21 })
        );
        assert_eq!(
            locate(
                SRC,
                &p(&[f("criteria"), Seg::Index(0), f("scale"), f("max")])
            ),
            Some(LineCol { line: 7, col: 71 })
        );
        assert_eq!(
            locate(
                SRC,
                &p(&[
                    f("perspectives"),
                    Seg::Index(0),
                    f("weights"),
                    Seg::Key("b".into())
                ])
            ),
            Some(LineCol { line: 14, col: 46 })
        );
        assert_eq!(locate(SRC, &p(&[f("nothing")])), None);
    }

    #[test]
    fn finds_path_at_position() {
        let path = path_at(SRC, LineCol { line: 10, col: 22 });
        assert_eq!(PathDisplay(&path).to_string(), "criteria[1].weight");
        let path = path_at(SRC, LineCol { line: 5, col: 5 });
        assert_eq!(PathDisplay(&path).to_string(), "");
    }

    #[test]
    fn survives_garbage() {
        for src in [
            "",
            "(",
            "[[[[[",
            "\"unterminated",
            "r##\"x\"#",
            "(a: {",
            "/* open",
        ] {
            let _ = locate(src, &[Seg::field("x")]);
            let _ = path_at(src, LineCol { line: 1, col: 3 });
        }
        let deep = "[".repeat(100_000);
        let _ = path_at(
            &deep,
            LineCol {
                line: 1,
                col: 99_999,
            },
        );
    }

    #[test]
    fn line_col_round_trip() {
        let src = "ab\nçd\nef";
        let at = line_col(src, 5);
        assert_eq!(at, LineCol { line: 2, col: 2 });
        assert_eq!(offset_of(src, at), 5);
    }
}
