//! JSON Pointers (RFC 6901) for issue paths.

use std::fmt::Write as _;

/// Appends `/segment` to `pointer`, escaping `~` as `~0` and `/` as `~1`.
pub(crate) fn push_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Appends `/index`.
pub(crate) fn push_index(pointer: &mut String, index: usize) {
    let _ = write!(pointer, "/{index}");
}

/// The pointer to the value a `serde_path_to_error` path names.
pub(crate) fn from_serde_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => push_index(&mut pointer, *index),
            Segment::Map { key } => push_segment(&mut pointer, key),
            Segment::Enum { variant } => push_segment(&mut pointer, variant),
            // The key being read is not known yet (input ended, or a syntax
            // error before it): the pointer stops at the enclosing value.
            Segment::Unknown => {}
        }
    }
    pointer
}

/// The pointer to the field a `serde_ignored` path names.
pub(crate) fn from_ignored_path(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    let mut pointer = String::new();
    fn walk(path: &Path<'_>, out: &mut String) {
        match path {
            Path::Root => {}
            Path::Seq { parent, index } => {
                walk(parent, out);
                push_index(out, *index);
            }
            Path::Map { parent, key } => {
                walk(parent, out);
                push_segment(out, key);
            }
            Path::Some { parent }
            | Path::NewtypeStruct { parent }
            | Path::NewtypeVariant { parent } => walk(parent, out),
        }
    }
    walk(path, &mut pointer);
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_per_rfc_6901() {
        let mut p = String::new();
        push_segment(&mut p, "a/b");
        push_segment(&mut p, "m~n");
        push_index(&mut p, 3);
        push_segment(&mut p, "");
        assert_eq!(p, "/a~1b/m~0n/3/");
    }
}
