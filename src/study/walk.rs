//! One walk over a document that hands each text, code, concept link and
//! extensions object to a visitor together with its path, so the checks that
//! read them (validation's vocabulary and extension-key checks, the
//! personal-data lint) share one traversal instead of each building pointers
//! by hand.
//!
//! The order of the visits is the order those checks report in: the
//! document's unknown fields and extensions first, then each study field by
//! field; an object's unknown fields as the walk enters it; within a
//! finding, its statement, basis, notes and extensions before the groups and
//! concepts it reports.

use super::{
    CERQUAL_COMPONENTS, Cerqual, Citation, ConceptLink, DeclaredConcept, Document, Extensions,
    Finding, Review, Study, Text, UnknownFields,
};
use crate::diagnostics::pointer::Path;
use crate::vocabulary::Vocabulary;

/// Which text field a visited text is, for messages and for choosing which
/// fields a check reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextField {
    CitationTitle,
    CitationAuthor,
    CitationJournal,
    Country,
    Aim,
    ExcerptText,
    ExcerptLocation,
    ThemeLabel,
    ThemeDescription,
    FindingStatement,
    FindingNotes,
    StudyNotes,
    ReviewMethod,
    ReviewPerspective,
    ReviewRegistration,
    ReviewLanguage,
    IncludedDesign,
    IncludedCountry,
    AppraisalRating,
    CerqualExplanation,
    ConceptLabel,
    ConceptDefinition,
}

impl TextField {
    /// The field with its article, as messages name it ("the excerpt").
    pub(crate) fn description(self) -> &'static str {
        match self {
            TextField::CitationTitle => "the title",
            TextField::CitationAuthor => "the author",
            TextField::CitationJournal => "the journal",
            TextField::Country => "the country",
            TextField::Aim => "the aim",
            TextField::ExcerptText => "the excerpt",
            TextField::ExcerptLocation => "the excerpt location",
            TextField::ThemeLabel => "the theme label",
            TextField::ThemeDescription => "the theme description",
            TextField::FindingStatement => "the finding statement",
            TextField::FindingNotes => "the finding notes",
            TextField::StudyNotes => "the notes",
            TextField::ReviewMethod => "the review method",
            TextField::ReviewPerspective => "the review perspective",
            TextField::ReviewRegistration => "the review registration",
            TextField::ReviewLanguage => "the review language",
            TextField::IncludedDesign => "the included study's design",
            TextField::IncludedCountry => "the included study's country",
            TextField::AppraisalRating => "the appraisal rating",
            TextField::CerqualExplanation => "the GRADE-CERQual explanation",
            TextField::ConceptLabel => "the declared concept's label",
            TextField::ConceptDefinition => "the declared concept's definition",
        }
    }

    /// Whether the field is part of a published paper's bibliographic record
    /// (title, authors, journal) rather than text the encoder or the
    /// participants wrote.
    pub(crate) fn is_bibliographic(self) -> bool {
        matches!(
            self,
            TextField::CitationTitle | TextField::CitationAuthor | TextField::CitationJournal
        )
    }
}

/// What a check does with the parts of a document; every method does
/// nothing by default.
pub(crate) trait Visit<'d> {
    /// A text field.
    fn text(&mut self, _field: TextField, _text: &'d Text, _path: &Path<'_>) {}
    /// A vocabulary value in a code position (a concept link's stance
    /// included, its concept not: see [`Visit::concept`]).
    fn code<V: Vocabulary>(&mut self, _value: &'d V, _path: &Path<'_>) {}
    /// A finding's concept link; `path` points at the link.
    fn concept(&mut self, _link: &'d ConceptLink, _path: &Path<'_>) {}
    /// An extensions object.
    fn extensions(&mut self, _extensions: &'d Extensions, _path: &Path<'_>) {}
    /// The unknown fields of the object at `path` (visited, possibly empty,
    /// as the walk enters the object).
    fn unknown(&mut self, _fields: &'d UnknownFields, _path: &Path<'_>) {}
}

/// Visits the whole document: its extensions, its declared concepts, then
/// every study.
pub(crate) fn walk<'d>(document: &'d Document, visitor: &mut impl Visit<'d>) {
    let root = Path::ROOT;
    visitor.unknown(&document.unknown, &root);
    visitor.extensions(&document.extensions, &root.key("extensions"));
    let concepts = root.key("concepts");
    for (i, declared) in document.concepts.iter().enumerate() {
        walk_declared(declared, &concepts.index(i), visitor);
    }
    let studies = root.key("studies");
    for (i, study) in document.studies.iter().enumerate() {
        walk_study(study, &studies.index(i), visitor);
    }
}

/// Visits one study, at `path`.
pub(crate) fn walk_study<'d>(study: &'d Study, path: &Path<'_>, visitor: &mut impl Visit<'d>) {
    visitor.unknown(&study.unknown, path);
    walk_citation(&study.citation, &path.key("citation"), visitor);
    texts(
        TextField::Country,
        &study.countries,
        &path.key("countries"),
        visitor,
    );
    texts(TextField::Aim, &study.aims, &path.key("aims"), visitor);
    let design = path.key("design");
    visitor.unknown(&study.design.unknown, &design);
    codes(&study.design.methods, &design.key("methods"), visitor);
    codes(&study.design.analyses, &design.key("analyses"), visitor);
    codes(
        &study.reporting_guidelines,
        &path.key("reporting_guidelines"),
        visitor,
    );
    codes(&study.settings, &path.key("settings"), visitor);
    if let Some(sample) = &study.sample {
        let at = path.key("sample");
        visitor.unknown(&sample.unknown, &at);
        optional_code(&sample.unit, &at.key("unit"), visitor);
        let groups = at.key("groups");
        for (i, g) in sample.groups.iter().enumerate() {
            let group = groups.index(i);
            visitor.unknown(&g.unknown, &group);
            visitor.code(&g.group, &group.key("group"));
        }
    }
    if let Some(review) = &study.review {
        walk_review(review, &path.key("review"), visitor);
    }
    let participants = path.key("participants");
    for (i, p) in study.participants.iter().enumerate() {
        let at = participants.index(i);
        visitor.unknown(&p.unknown, &at);
        visitor.code(&p.group, &at.key("group"));
        optional_code(&p.role_title, &at.key("role_title"), visitor);
        optional_code(&p.setting, &at.key("setting"), visitor);
        optional_code(&p.employment, &at.key("employment"), visitor);
    }
    let sources = path.key("sources");
    for (i, s) in study.sources.iter().enumerate() {
        let at = sources.index(i);
        visitor.unknown(&s.unknown, &at);
        optional_code(&s.method, &at.key("method"), visitor);
    }
    let excerpts = path.key("excerpts");
    for (i, e) in study.excerpts.iter().enumerate() {
        let at = excerpts.index(i);
        visitor.unknown(&e.unknown, &at);
        visitor.text(TextField::ExcerptText, &e.text, &at.key("text"));
        optional_text(
            TextField::ExcerptLocation,
            &e.location,
            &at.key("location"),
            visitor,
        );
    }
    let themes = path.key("themes");
    for (i, t) in study.themes.iter().enumerate() {
        let at = themes.index(i);
        visitor.unknown(&t.unknown, &at);
        visitor.text(TextField::ThemeLabel, &t.label, &at.key("label"));
        optional_text(
            TextField::ThemeDescription,
            &t.description,
            &at.key("description"),
            visitor,
        );
    }
    let findings = path.key("findings");
    for (i, f) in study.findings.iter().enumerate() {
        walk_finding(f, &findings.index(i), visitor);
    }
    optional_text(
        TextField::StudyNotes,
        &study.notes,
        &path.key("notes"),
        visitor,
    );
    visitor.extensions(&study.extensions, &path.key("extensions"));
}

/// Visits a declared concept, at `path`: its texts, sources and relations.
fn walk_declared<'d>(declared: &'d DeclaredConcept, path: &Path<'_>, visitor: &mut impl Visit<'d>) {
    visitor.unknown(&declared.unknown, path);
    visitor.text(TextField::ConceptLabel, &declared.label, &path.key("label"));
    if let Some(definition) = &declared.definition {
        visitor.text(
            TextField::ConceptDefinition,
            definition,
            &path.key("definition"),
        );
    }
    let sources = path.key("sources");
    for (i, source) in declared.sources.iter().enumerate() {
        walk_citation(source, &sources.index(i), visitor);
    }
    let relations = path.key("relations");
    for (i, relation) in declared.relations.iter().enumerate() {
        visitor.unknown(&relation.unknown, &relations.index(i));
    }
}

fn walk_citation<'d>(citation: &'d Citation, path: &Path<'_>, visitor: &mut impl Visit<'d>) {
    visitor.unknown(&citation.unknown, path);
    visitor.text(
        TextField::CitationTitle,
        &citation.title,
        &path.key("title"),
    );
    texts(
        TextField::CitationAuthor,
        &citation.authors,
        &path.key("authors"),
        visitor,
    );
    optional_text(
        TextField::CitationJournal,
        &citation.journal,
        &path.key("journal"),
        visitor,
    );
}

fn walk_review<'d>(review: &'d Review, path: &Path<'_>, visitor: &mut impl Visit<'d>) {
    visitor.unknown(&review.unknown, path);
    optional_code(&review.review_type, &path.key("type"), visitor);
    optional_text(
        TextField::ReviewMethod,
        &review.method,
        &path.key("method"),
        visitor,
    );
    optional_text(
        TextField::ReviewPerspective,
        &review.perspective,
        &path.key("perspective"),
        visitor,
    );
    if let Some(search) = &review.search {
        visitor.unknown(&search.unknown, &path.key("search"));
    }
    optional_text(
        TextField::ReviewRegistration,
        &review.registration,
        &path.key("registration"),
        visitor,
    );
    texts(
        TextField::ReviewLanguage,
        &review.languages,
        &path.key("languages"),
        visitor,
    );
    optional_code(&review.appraisal_tool, &path.key("appraisal_tool"), visitor);
    let included = path.key("included");
    for (i, study) in review.included.iter().enumerate() {
        let at = included.index(i);
        visitor.unknown(&study.unknown, &at);
        walk_citation(&study.citation, &at.key("citation"), visitor);
        optional_text(
            TextField::IncludedDesign,
            &study.design,
            &at.key("design"),
            visitor,
        );
        texts(
            TextField::IncludedCountry,
            &study.countries,
            &at.key("countries"),
            visitor,
        );
        if let Some(appraisal) = &study.appraisal {
            let appraisal_path = at.key("appraisal");
            visitor.unknown(&appraisal.unknown, &appraisal_path);
            optional_code(&appraisal.tool, &appraisal_path.key("tool"), visitor);
            optional_text(
                TextField::AppraisalRating,
                &appraisal.rating,
                &appraisal_path.key("rating"),
                visitor,
            );
        }
    }
}

fn walk_cerqual<'d>(cerqual: &'d Cerqual, path: &Path<'_>, visitor: &mut impl Visit<'d>) {
    visitor.unknown(&cerqual.unknown, path);
    for ((name, _), component) in CERQUAL_COMPONENTS.iter().zip(cerqual.components()) {
        if let Some(component) = component {
            let at = path.key(name);
            visitor.unknown(&component.unknown, &at);
            visitor.code(&component.concern, &at.key("concern"));
            optional_text(
                TextField::CerqualExplanation,
                &component.explanation,
                &at.key("explanation"),
                visitor,
            );
        }
    }
    optional_code(&cerqual.confidence, &path.key("confidence"), visitor);
    optional_text(
        TextField::CerqualExplanation,
        &cerqual.explanation,
        &path.key("explanation"),
        visitor,
    );
}

fn walk_finding<'d>(finding: &'d Finding, path: &Path<'_>, visitor: &mut impl Visit<'d>) {
    visitor.unknown(&finding.unknown, path);
    visitor.text(
        TextField::FindingStatement,
        &finding.statement,
        &path.key("statement"),
    );
    optional_code(&finding.basis, &path.key("basis"), visitor);
    optional_text(
        TextField::FindingNotes,
        &finding.notes,
        &path.key("notes"),
        visitor,
    );
    visitor.extensions(&finding.extensions, &path.key("extensions"));
    codes(&finding.reported_by, &path.key("reported_by"), visitor);
    let concepts = path.key("concepts");
    for (i, link) in finding.concepts.iter().enumerate() {
        let at = concepts.index(i);
        visitor.unknown(&link.unknown, &at);
        visitor.code(&link.stance, &at.key("stance"));
        visitor.concept(link, &at);
    }
    if let Some(cerqual) = &finding.cerqual {
        walk_cerqual(cerqual, &path.key("cerqual"), visitor);
    }
}

fn texts<'d>(field: TextField, texts: &'d [Text], path: &Path<'_>, visitor: &mut impl Visit<'d>) {
    for (i, text) in texts.iter().enumerate() {
        visitor.text(field, text, &path.index(i));
    }
}

fn optional_text<'d>(
    field: TextField,
    text: &'d Option<Text>,
    path: &Path<'_>,
    visitor: &mut impl Visit<'d>,
) {
    if let Some(text) = text {
        visitor.text(field, text, path);
    }
}

fn codes<'d, V: Vocabulary>(values: &'d [V], path: &Path<'_>, visitor: &mut impl Visit<'d>) {
    for (i, value) in values.iter().enumerate() {
        visitor.code(value, &path.index(i));
    }
}

fn optional_code<'d, V: Vocabulary>(
    value: &'d Option<V>,
    path: &Path<'_>,
    visitor: &mut impl Visit<'d>,
) {
    if let Some(value) = value {
        visitor.code(value, path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{Citation, Excerpt};
    use crate::vocabulary::{Facilitator, Stance};
    use uuid::Uuid;

    /// Records every visit as (what, path).
    #[derive(Default)]
    struct Record(Vec<(String, String)>);

    impl<'d> Visit<'d> for Record {
        fn text(&mut self, field: TextField, _: &'d Text, path: &Path<'_>) {
            self.0
                .push((field.description().to_owned(), path.to_pointer()));
        }
        fn code<V: Vocabulary>(&mut self, value: &'d V, path: &Path<'_>) {
            self.0.push((value.code().to_owned(), path.to_pointer()));
        }
        fn concept(&mut self, link: &'d ConceptLink, path: &Path<'_>) {
            self.0
                .push((link.concept.code().to_owned(), path.to_pointer()));
        }
        fn extensions(&mut self, _: &'d Extensions, path: &Path<'_>) {
            self.0.push(("extensions".to_owned(), path.to_pointer()));
        }
    }

    #[test]
    fn visits_every_part_with_its_path_in_report_order() {
        let text = |s: &str| Text::new(s).unwrap();
        let mut study = Study::new(Uuid::from_u128(1), Citation::new(text("T")));
        study.aims.push(text("aim"));
        study.excerpts.push(Excerpt::new(
            Uuid::from_u128(2),
            text("q"),
            Uuid::from_u128(3),
        ));
        let mut finding = Finding::new(Uuid::from_u128(4), text("s"));
        finding.concepts.push(ConceptLink::new(
            Facilitator::Supervision,
            Stance::Facilitator,
        ));
        finding.notes = Some(text("n"));
        study.findings.push(finding);
        let document = Document::new(vec![study.clone(), study]);
        let mut record = Record::default();
        walk(&document, &mut record);
        let visits: Vec<(&str, &str)> = record
            .0
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            &visits[..10],
            [
                ("extensions", "/extensions"),
                ("the title", "/studies/0/citation/title"),
                ("the aim", "/studies/0/aims/0"),
                ("the excerpt", "/studies/0/excerpts/0/text"),
                ("the finding statement", "/studies/0/findings/0/statement"),
                ("the finding notes", "/studies/0/findings/0/notes"),
                ("extensions", "/studies/0/findings/0/extensions"),
                ("facilitator", "/studies/0/findings/0/concepts/0/stance"),
                ("supervision", "/studies/0/findings/0/concepts/0"),
                ("extensions", "/studies/0/extensions"),
            ]
        );
        assert_eq!(visits.len(), 19);
        assert_eq!(visits[10], ("the title", "/studies/1/citation/title"));
    }
}
