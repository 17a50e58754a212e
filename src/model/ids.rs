//! Stable ids: short slugs that files and scores use to refer to items.

/// True when `id` is a slug: non-empty, lowercase ASCII letters, digits, `-` or `_`,
/// starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    match chars.next() {
        Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit() => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::is_valid_id;

    #[test]
    fn slugs() {
        assert!(is_valid_id("arab-peace-initiative"));
        assert!(is_valid_id("c1_borders"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("Borders"));
        assert!(!is_valid_id("a b"));
    }
}
