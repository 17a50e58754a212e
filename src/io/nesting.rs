//! A file nested deeper than any scenario needs is refused before anything parses it: the
//! parsers recurse once per level, and a few thousand `{` would overflow the stack. The scan
//! is iterative and knows RON's strings, characters and comments, where brackets do not
//! count.

/// The deepest nesting accepted. A scenario needs six levels (a citation in a score in
/// the list of scores in the scenario); the rest is room for hand-written files.
pub const MAX_NESTING: usize = 64;

/// The byte offset of the first bracket that opens a level deeper than `MAX_NESTING`,
/// if any.
pub fn too_deep(src: &str) -> Option<usize> {
    let b = src.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'"' => i = skip_string(b, i + 1),
            b'r' if raw_string_start(b, i).is_some() => {
                let (hashes, open) = raw_string_start(b, i).unwrap_or((0, i));
                i = skip_raw_string(b, open + 1, hashes);
            }
            b'\'' => i = skip_char(b, i + 1),
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = b[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i + 2),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index of the closing quote of a string whose text starts at `i` (or the end).
fn skip_string(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    b.len()
}

/// For `r"`, `r#"`, `r##"`… at `i` (not inside a name): the number of `#` and the index of
/// the opening quote.
fn raw_string_start(b: &[u8], i: usize) -> Option<(usize, usize)> {
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') {
        return None;
    }
    let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
    (b.get(i + 1 + hashes) == Some(&b'"')).then_some((hashes, i + 1 + hashes))
}

/// The index of the last `#` closing a raw string with `hashes` `#`, its text starting at
/// `i` (or the end).
fn skip_raw_string(b: &[u8], mut i: usize, hashes: usize) -> usize {
    while i < b.len() {
        if b[i] == b'"'
            && b[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
        {
            return i + hashes;
        }
        i += 1;
    }
    b.len()
}

/// The index of the closing quote of a character literal starting at `i`; a lone `'` (as
/// in a Rust lifetime, not RON) is passed over.
fn skip_char(b: &[u8], i: usize) -> usize {
    let end = if b.get(i) == Some(&b'\\') {
        i + 2
    } else {
        i + 1
    };
    // A character is one UTF-8 sequence: find the quote within the next few bytes.
    (end..(end + 4).min(b.len()))
        .find(|&j| b[j] == b'\'')
        .unwrap_or(i - 1)
}

/// The index of the `/` ending a block comment whose text starts at `i` (RON's block
/// comments nest).
fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
    let mut level = 1usize;
    while i + 1 < b.len() {
        match (b[i], b[i + 1]) {
            (b'/', b'*') => {
                level += 1;
                i += 2;
            }
            (b'*', b'/') => {
                level -= 1;
                if level == 0 {
                    return i + 1;
                }
                i += 2;
            }
            _ => i += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_bracket_too_deep() {
        let deep = "(".repeat(MAX_NESTING + 10);
        assert_eq!(too_deep(&deep), Some(MAX_NESTING));
        assert_eq!(too_deep(&"[".repeat(MAX_NESTING)), None);
        let mixed: String = "([{".repeat(30);
        assert_eq!(too_deep(&mixed), Some(MAX_NESTING));
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let deep = "(".repeat(1000);
        for text in [
            format!("\"{deep}\""),
            format!("\"a \\\" {deep}\""),
            format!("r#\"{deep}\"#"),
            format!("// {deep}\n()"),
            format!("/* /* {deep} */ {deep} */"),
            "'(' '[' '\\'' x".to_owned(),
        ] {
            assert_eq!(too_deep(&text), None, "{}", &text[..text.len().min(40)]);
        }
        // A name ending in r is not a raw string.
        assert_eq!(too_deep(&format!("for\"{deep}\"")), None);
        assert_eq!(too_deep(&format!("x: {deep}")), Some(3 + MAX_NESTING));
    }
}
