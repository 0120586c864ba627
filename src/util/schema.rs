//! JSON Schema fragments shared by the types that write their own schemas
//! (feature `json-schema`).

/// A character class matching one character that is not whitespace in
/// Rust's sense ([`char::is_whitespace`]). Regex `\S` will not do: ECMA-262
/// counts U+FEFF as whitespace and U+0085 as not, Rust the other way round.
pub(crate) fn non_whitespace_class() -> String {
    let mut class = String::from("[^");
    let mut chars = ('\0'..=char::MAX).filter(|c| c.is_whitespace()).peekable();
    while let Some(start) = chars.next() {
        let mut end = start;
        while chars.peek().is_some_and(|&c| c as u32 == end as u32 + 1) {
            end = chars.next().unwrap_or(end);
        }
        push_escaped(&mut class, start);
        if end != start {
            class.push('-');
            push_escaped(&mut class, end);
        }
    }
    class.push(']');
    class
}

/// `\uXXXX`: every whitespace character is in the Basic Multilingual Plane,
/// and the escape reads the same in ECMA-262 and Rust regex syntax.
fn push_escaped(class: &mut String, c: char) {
    use std::fmt::Write;
    debug_assert!((c as u32) <= 0xFFFF);
    let _ = write!(class, "\\u{:04X}", c as u32);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_whitespace_class_covers_rust_whitespace() {
        let class = non_whitespace_class();
        assert!(
            class.starts_with("[^\\u0009-\\u000D\\u0020\\u0085\\u00A0"),
            "{class}"
        );
        assert!(class.contains("\\u2000-\\u200A"), "{class}");
        assert!(!class.contains("FEFF"), "{class}");
    }
}
