//! JSON Pointers (RFC 6901) for issue paths.
//!
//! Checks walk a document carrying a [`Path`]: a chain of segments on the
//! stack that costs nothing to extend and is rendered as a pointer string
//! only when an issue needs one.

use std::fmt::{self, Write as _};

/// Where a value is in a document, as a chain of segments from the root.
///
/// Each step borrows its parent, so extending a path allocates nothing;
/// [`Path::to_pointer`] renders it.
#[derive(Clone, Debug)]
pub(crate) struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

/// One step of a [`Path`].
#[derive(Clone, Copy, Debug)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    /// The whole document (`""`).
    pub(crate) const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
    };

    /// The member `key` of the object here.
    pub(crate) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    /// The element `index` of the array here.
    pub(crate) fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// The JSON Pointer, with `~` and `/` in keys escaped.
    pub(crate) fn to_pointer(&self) -> String {
        // Iterative, so a deep path cannot exhaust the stack.
        let mut segments = Vec::new();
        let mut at = Some(self);
        while let Some(path) = at {
            segments.push(path.segment);
            at = path.parent;
        }
        let mut pointer = String::new();
        for segment in segments.iter().rev() {
            match *segment {
                Segment::Root => {}
                Segment::Key(key) => push_segment(&mut pointer, key),
                Segment::Index(index) => push_index(&mut pointer, index),
            }
        }
        pointer
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_pointer())
    }
}

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

    #[test]
    fn paths_render_as_pointers() {
        assert_eq!(Path::ROOT.to_pointer(), "");
        let studies = Path::ROOT.key("studies");
        let study = studies.index(2);
        let ext = study.key("extensions");
        assert_eq!(
            ext.key("a/b~c").to_pointer(),
            "/studies/2/extensions/a~1b~0c"
        );
        assert_eq!(study.to_string(), "/studies/2");
    }
}
