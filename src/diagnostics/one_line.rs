//! Input text made safe to quote on one line of a terminal.

use std::borrow::Cow;

/// `text` with control characters escaped (`\n`, `\u{1b}`), so a title or
/// a field name quoted in a message or a legend neither breaks its line nor
/// sends a terminal escape sequence. Text without control characters is
/// returned as it is.
///
/// ```
/// use peer_support::diagnostics::one_line;
///
/// assert_eq!(one_line("Peer work\n\u{1b}[2J"), "Peer work\\n\\u{1b}[2J");
/// assert_eq!(one_line("Peer work — 2024"), "Peer work — 2024");
/// ```
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn escapes_control_characters_only() {
        assert_eq!(one_line("Peer work — 2024"), "Peer work — 2024");
        assert!(matches!(one_line("plain"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(one_line("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
    }
}
