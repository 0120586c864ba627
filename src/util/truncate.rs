//! Bounded quoting of input in messages.

/// The longest prefix of `s` of at most `max` bytes that ends on a char
/// boundary, so error messages quoting hostile input stay small.
pub(crate) fn truncate(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
