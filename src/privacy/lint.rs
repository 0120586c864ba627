//! The personal-data lint: a `possible_personal_data` warning for each free-text
//! field that looks like it holds an email address, a UK phone number, an NHS
//! number, a UK postcode or a date of birth.
//!
//! Which fields count as free text that could hold participants' data:
//!
//! - excerpt `text` and `location`, study `notes`, `aims` and `countries`,
//!   theme `label` and `description`, finding `statement`;
//! - every string value and member name inside `extensions` (document, study
//!   and finding), since tools export transcripts and memos there, and
//!   inside fields this version does not define, for the same reason.
//!
//! Citation fields (`title`, `authors`, `journal`) are **not** linted: they are
//! the public bibliographic record of a published paper, where a corresponding
//! author's email is public and not a participant's, and a warning there would
//! teach users to ignore the lint. Codes, ids, dates and DOIs are not free text.
//!
//! Messages name the kind of data and its byte offset, never the matched text:
//! a validation report is often pasted into an issue tracker or a log.
//! Each field is scanned once, in time linear in its length.

use std::fmt::Write as _;

use serde_json::Value;

use super::{PersonalData, scan};
use crate::diagnostics::pointer::{self, Path};
use crate::diagnostics::{Issue, IssueCode, Report};
use crate::study::walk::{self, TextField, Visit};
use crate::study::{Document, Extensions, Text, UnknownFields};

/// Adds a warning to `report` for every free-text field of `document` that
/// looks like it holds personal data.
pub(crate) fn check(document: &Document, report: &mut Report) {
    walk::walk(document, &mut Lint { report });
}

struct Lint<'r> {
    report: &'r mut Report,
}

impl<'d> Visit<'d> for Lint<'_> {
    fn text(&mut self, field: TextField, text: &'d Text, path: &Path<'_>) {
        // The public bibliographic record is not linted (see above).
        if !field.is_bibliographic() {
            lint(text, field.description(), || path.to_pointer(), self.report);
        }
    }

    fn extensions(&mut self, extensions: &'d Extensions, path: &Path<'_>) {
        lint_members(extensions.iter(), path, "extension", self.report);
    }

    fn unknown(&mut self, fields: &'d UnknownFields, path: &Path<'_>) {
        lint_members(fields.iter(), path, "unknown field", self.report);
    }
}

/// Scans one field; `path` is only built when there is something to report.
fn lint(text: &str, what: &str, path: impl FnOnce() -> String, report: &mut Report) {
    if let Some(message) = describe(text, what) {
        report.push(Issue::warning(
            IssueCode::PossiblePersonalData,
            path(),
            message,
        ));
    }
}

/// The warning message for `text`, or `None` when nothing was found. Each
/// kind is named once, in order of first appearance, with where it first
/// occurs and how many more there are.
fn describe(text: &str, what: &str) -> Option<String> {
    if !may_hold_personal_data(text) {
        return None;
    }
    let findings = scan(text);
    if findings.is_empty() {
        return None;
    }
    // (kind, first start, count), in order of first appearance; at most five kinds.
    let mut kinds: Vec<(PersonalData, usize, usize)> = Vec::new();
    for f in &findings {
        match kinds.iter_mut().find(|(k, _, _)| *k == f.kind) {
            Some((_, _, count)) => *count += 1,
            None => kinds.push((f.kind, f.start, 1)),
        }
    }
    let mut message = format!("{what} looks like it contains personal data: ");
    for (n, (kind, start, count)) in kinds.iter().enumerate() {
        if n > 0 {
            message.push_str(", ");
        }
        let _ = write!(message, "{} at byte {start}", kind.description());
        if *count > 1 {
            let _ = write!(message, " (and {} more)", count - 1);
        }
    }
    message.push_str("; remove it or replace it with a pseudonym before sharing the document");
    Some(message)
}

/// Whether `text` has an ASCII digit or an `@`. Every detector anchors on one
/// of them (an email on its `@`; phone numbers, NHS numbers, postcodes and
/// dates all hold digits), so a text with neither cannot match and skips
/// the scanner. The check runs over fixed blocks without early exit inside
/// a block, which the compiler vectorises (see docs/performance.md for its
/// cost against a full scan). A test below holds the detectors to the
/// premise.
fn may_hold_personal_data(text: &str) -> bool {
    text.as_bytes().chunks(256).any(|block| {
        block
            .iter()
            .map(|&b| u8::from(b.wrapping_sub(b'0') < 10) | u8::from(b == b'@'))
            .fold(0, |found, hit| found | hit)
            != 0
    })
}

/// One step of the path from an extensions map to a value inside it.
#[derive(Clone, Copy)]
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Lints every string value and member name under `extensions`, walking the
/// JSON with an explicit stack (no recursion, whatever the nesting) and
/// building a pointer only for a value that is reported.
fn lint_members<'a>(
    members: impl DoubleEndedIterator<Item = (&'a str, &'a Value)>,
    base: &Path<'_>,
    what: &str,
    report: &mut Report,
) {
    let member_name = format!("the {what} member name");
    let value_name = format!("the {what} value");
    // (value, depth, the segment leading to it)
    let mut stack: Vec<(&Value, usize, Segment<'_>)> = members
        .rev()
        .map(|(k, v)| (v, 0, Segment::Key(k)))
        .collect();
    let mut path: Vec<Segment<'_>> = Vec::new();
    let pointer_to = |path: &[Segment<'_>]| {
        let mut p = base.to_pointer();
        for segment in path {
            match segment {
                Segment::Key(k) => pointer::push_segment(&mut p, k),
                Segment::Index(i) => pointer::push_index(&mut p, *i),
            }
        }
        p
    };
    while let Some((value, depth, segment)) = stack.pop() {
        path.truncate(depth);
        path.push(segment);
        if let Segment::Key(key) = segment {
            if let Some(message) = describe(key, &member_name) {
                report.push(Issue::warning(
                    IssueCode::PossiblePersonalData,
                    pointer_to(&path),
                    message,
                ));
            }
        }
        match value {
            Value::String(s) => {
                if let Some(message) = describe(s, &value_name) {
                    report.push(Issue::warning(
                        IssueCode::PossiblePersonalData,
                        pointer_to(&path),
                        message,
                    ));
                }
            }
            Value::Array(items) => stack.extend(
                items
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(i, v)| (v, depth + 1, Segment::Index(i))),
            ),
            Value::Object(members) => stack.extend(
                members
                    .iter()
                    .rev()
                    .map(|(k, v)| (v, depth + 1, Segment::Key(k.as_str()))),
            ),
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{Citation, Excerpt, Finding, Study, Text};
    use uuid::Uuid;

    fn text(s: &str) -> Text {
        Text::new(s).unwrap()
    }

    fn warnings(document: &Document) -> Vec<(String, String)> {
        let mut report = Report::new();
        check(document, &mut report);
        report
            .issues
            .into_iter()
            .inspect(|i| {
                assert_eq!(i.code, IssueCode::PossiblePersonalData);
                assert!(!i.is_error());
            })
            .map(|i| (i.path, i.message))
            .collect()
    }

    #[test]
    fn reports_each_field_with_its_path_and_never_the_data() {
        let mut study = Study::new(
            Uuid::from_u128(1),
            Citation::new(text("Contact jo@example.org")),
        );
        study.excerpts.push(Excerpt::new(
            Uuid::from_u128(2),
            text("ring me on 07700 900123 or 07700 900456, I live at SW1A 1AA"),
            Uuid::from_u128(3),
        ));
        study
            .findings
            .push(Finding::new(Uuid::from_u128(4), text("Supervision helps")));
        study.notes = Some(text("P07: DOB 12/03/1980, NHS no. 943 476 5919"));
        let mut document = Document::new(vec![study]);
        document
            .extensions
            .insert(
                "tool:memo",
                serde_json::json!({"a/b": ["fine", {"x": "mail jo@example.org"}]}),
            )
            .unwrap();
        let found = warnings(&document);
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        // The citation is public bibliographic data and is not linted.
        assert_eq!(
            paths,
            [
                "/extensions/tool:memo/a~1b/1/x",
                "/studies/0/excerpts/0/text",
                "/studies/0/notes"
            ]
        );
        assert_eq!(
            found[1].1,
            "the excerpt looks like it contains personal data: a UK phone number at byte 11 (and 1 more), \
             a UK postcode at byte 51; remove it or replace it with a pseudonym before sharing the document"
        );
        assert!(
            found[2].1.contains("a date of birth") && found[2].1.contains("an NHS number"),
            "{}",
            found[2].1
        );
        for (_, message) in &found {
            for secret in ["jo@example.org", "07700", "SW1A", "1980", "943 476"] {
                assert!(!message.contains(secret), "{message}");
            }
        }
    }

    #[test]
    fn text_without_digits_or_at_signs_never_matches_a_detector() {
        // Cue words, month names, postcode-like letters, phone punctuation and
        // non-ASCII text: everything the detectors look at except digits and `@`.
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "born", "DOB", "d.o.b.", "date of birth", "birthdate", "on the", "of", "March",
            "sept", "Dec.", "twelfth", "SW", "AA", "BN", "ONE", "oh", "+", "(", ")", "-", "/",
            ".", ",", ":", " ", "  ", "\n", "\u{a0}", "\u{2013}", "x", "é", "电话", "jo", "example",
            "org", "nhs", "no.", "tel", "mobile",
        ];
        let mut state: u64 = 0x5EED;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) as usize) % n
        };
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..1 + next(24) {
                text.push_str(PIECES[next(PIECES.len())]);
                if next(2) == 0 {
                    text.push(' ');
                }
            }
            assert!(!may_hold_personal_data(&text), "{text:?}");
            assert_eq!(scan(&text), [], "{text:?}");
        }
        let long = "x".repeat(200) + "7";
        for text in ["07700 900123", "jo@example.org", "SW1A 1AA", &long] {
            assert!(may_hold_personal_data(text), "{text:?}");
        }
    }

    #[test]
    fn deep_extensions_do_not_recurse() {
        let mut value = serde_json::json!("jo@example.org");
        for _ in 0..100_000 {
            value = Value::Array(vec![value]);
        }
        let mut document = Document::default();
        document.extensions.insert("tool:deep", value).unwrap();
        let found = warnings(&document);
        assert_eq!(found.len(), 1);
        assert!(found[0].0.ends_with("/0/0/0"));
        // Dropping a value this deep recurses in serde_json; leak it instead.
        std::mem::forget(document);
    }
}
