//! The objects of a document as a tree the reader and redaction can reach
//! into: where each kind of object keeps the objects inside it, declared
//! once per type in one table, so that unknown fields can be put back on
//! the object they were read from and dropped from every object.

use serde_json::Value;

use super::{
    Appraisal, Cerqual, CerqualComponent, Citation, ConceptLink, DataSource, DeclaredConcept,
    Document, Excerpt, Finding, GroupCount, IncludedStudy, Participant, Relation, Review, Sample,
    SearchPeriod, Study, StudyDesign, Theme, UnknownFields,
};

/// An object of a document: one that keeps unknown fields.
pub(crate) trait Node {
    /// The object's unknown fields.
    fn unknown_mut(&mut self) -> &mut UnknownFields;
    /// The object under member `key`, element `index` when the member is a
    /// list of objects; `None` when there is none.
    fn child(&mut self, key: &str, index: Option<usize>) -> Option<&mut dyn Node>;
    /// Calls `f` on every object directly inside this one.
    fn for_each_child(&mut self, f: &mut dyn FnMut(&mut dyn Node));
}

/// `impl Node` from a table of a type's object-valued fields: `one` for a
/// field holding an object, `optional` for an `Option` of one, `many` for a
/// list of them.
macro_rules! nodes {
    ($(
        $ty:ty {
            one: [$($one:ident),*],
            optional: [$($opt:ident),*],
            many: [$($many:ident),*] $(,)?
        }
    )*) => {$(
        impl Node for $ty {
            fn unknown_mut(&mut self) -> &mut UnknownFields {
                &mut self.unknown
            }

            #[allow(unused_variables)]
            fn child(&mut self, key: &str, index: Option<usize>) -> Option<&mut dyn Node> {
                match (key, index) {
                    $((stringify!($one), None) => Some(&mut self.$one),)*
                    $((stringify!($opt), None) => self.$opt.as_mut().map(|o| o as &mut dyn Node),)*
                    $((stringify!($many), Some(i)) => {
                        self.$many.get_mut(i).map(|o| o as &mut dyn Node)
                    })*
                    _ => None,
                }
            }

            #[allow(unused_variables)]
            fn for_each_child(&mut self, f: &mut dyn FnMut(&mut dyn Node)) {
                $(f(&mut self.$one);)*
                $(if let Some(o) = self.$opt.as_mut() { f(o); })*
                $(for o in &mut self.$many { f(o); })*
            }
        }
    )*};
}

nodes! {
    Document { one: [], optional: [], many: [studies, concepts] }
    DeclaredConcept { one: [], optional: [], many: [sources, relations] }
    Relation { one: [], optional: [], many: [] }
    Study {
        one: [citation, design],
        optional: [sample, review],
        many: [participants, sources, excerpts, themes, findings],
    }
    Review { one: [], optional: [search], many: [included] }
    SearchPeriod { one: [], optional: [], many: [] }
    IncludedStudy { one: [citation], optional: [appraisal], many: [] }
    Appraisal { one: [], optional: [], many: [] }
    Citation { one: [], optional: [], many: [] }
    StudyDesign { one: [], optional: [], many: [] }
    Sample { one: [], optional: [], many: [groups] }
    GroupCount { one: [], optional: [], many: [] }
    Participant { one: [], optional: [], many: [] }
    DataSource { one: [], optional: [], many: [] }
    Excerpt { one: [], optional: [], many: [] }
    Theme { one: [], optional: [], many: [] }
    Finding { one: [], optional: [cerqual], many: [concepts] }
    Cerqual {
        one: [],
        optional: [methodological_limitations, coherence, adequacy, relevance],
        many: [],
    }
    CerqualComponent { one: [], optional: [], many: [] }
    ConceptLink { one: [], optional: [], many: [] }
}

/// One step of the path from the document to an object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// A member, by key.
    Key(String),
    /// An element of a list, by position.
    Index(usize),
}

/// Puts the unknown field `key` back on the object at `path` (the steps
/// from the document to the object holding the field). Returns the field
/// when no object is there, which the reader treats as a field it could not
/// keep.
pub(crate) fn attach(
    document: &mut Document,
    path: &[Step],
    key: String,
    value: Value,
) -> Result<(), (String, Value)> {
    let mut node: &mut dyn Node = document;
    let mut steps = path.iter().peekable();
    while let Some(step) = steps.next() {
        let Step::Key(member) = step else {
            return Err((key, value));
        };
        let index = match steps.peek() {
            Some(Step::Index(i)) => {
                let i = *i;
                steps.next();
                Some(i)
            }
            _ => None,
        };
        match node.child(member, index) {
            Some(child) => node = child,
            None => return Err((key, value)),
        }
    }
    node.unknown_mut().insert(key, value);
    Ok(())
}

/// Drops the unknown fields of every object of the document; returns how
/// many there were.
pub(crate) fn clear_unknown_fields(document: &mut Document) -> usize {
    fn clear(node: &mut dyn Node, dropped: &mut usize) {
        let unknown = node.unknown_mut();
        *dropped += unknown.len();
        *unknown = UnknownFields::default();
        node.for_each_child(&mut |child| clear(child, dropped));
    }
    let mut dropped = 0;
    clear(document, &mut dropped);
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::Text;
    use crate::vocabulary::{Facilitator, Stance};
    use uuid::Uuid;

    fn document() -> Document {
        let mut study = Study::new(Uuid::from_u128(1), Citation::new(Text::new("T").unwrap()));
        let mut finding = Finding::new(Uuid::from_u128(2), Text::new("s").unwrap());
        finding.concepts.push(ConceptLink::new(
            Facilitator::Supervision,
            Stance::Facilitator,
        ));
        study.findings.push(finding);
        study.sample = Some(Sample::default());
        Document::new(vec![study])
    }

    fn key(k: &str) -> Step {
        Step::Key(k.to_owned())
    }

    #[test]
    fn fields_go_back_where_they_were_found_and_are_all_dropped() {
        let mut doc = document();
        let places: [&[Step]; 5] = [
            &[],
            &[key("studies"), Step::Index(0)],
            &[key("studies"), Step::Index(0), key("citation")],
            &[key("studies"), Step::Index(0), key("sample")],
            &[
                key("studies"),
                Step::Index(0),
                key("findings"),
                Step::Index(0),
                key("concepts"),
                Step::Index(0),
            ],
        ];
        for (n, path) in places.iter().enumerate() {
            attach(&mut doc, path, format!("x{n}"), Value::from(n)).unwrap();
        }
        assert_eq!(doc.unknown.get("x0"), Some(&Value::from(0)));
        let study = &doc.studies[0];
        assert_eq!(study.unknown.get("x1"), Some(&Value::from(1)));
        assert_eq!(study.citation.unknown.get("x2"), Some(&Value::from(2)));
        assert_eq!(
            study.sample.as_ref().unwrap().unknown.get("x3"),
            Some(&Value::from(3))
        );
        assert_eq!(
            study.findings[0].concepts[0].unknown.get("x4"),
            Some(&Value::from(4))
        );
        // No object there: the field comes back.
        let nowhere = [key("studies"), Step::Index(7)];
        assert!(attach(&mut doc, &nowhere, "y".into(), Value::Null).is_err());
        assert_eq!(clear_unknown_fields(&mut doc), 5);
        assert_eq!(doc, document());
    }
}
