//! proptest strategies for every public document type.
//!
//! Two styles of document:
//!
//! - [`Style::ANY`]: whatever the types can hold — arbitrary unicode, unknown
//!   vocabulary codes and concept kinds, malformed DOIs, extension keys without
//!   a namespace, nested JSON, counts and years of any size, dangling and
//!   wrong-kind references, self-parented themes. For properties that must
//!   hold for every document (round trips, no panics).
//! - [`Style::VALID`]: the same variety within the rules validation checks,
//!   so documents validate without errors (a property test checks that), with
//!   participant codes, excerpt texts, locations and notes carrying markers no
//!   other generated text contains, so that a test can search serialized
//!   output for them.
//!
//! The strategies live here rather than as `proptest::Arbitrary` impls in the
//! crate: they encode test intentions (the two styles), and the crate does not
//! need a proptest dependency.

use std::sync::LazyLock;

use chrono::NaiveDate;
use peer_support::Codebook;
use peer_support::document::Document;
use peer_support::study::{
    Appraisal, Cerqual, CerqualComponent, Citation, Concept, ConceptLink, DataSource,
    DeclaredConcept, Doi, Excerpt, Extensions, Finding, GroupCount, IncludedStudy, PartialDate,
    Participant, ParticipantCode, Relation, Review, Sample, SearchPeriod, Study, StudyDesign,
    StudyKind, Text, Theme,
};
use peer_support::vocabulary::{
    Analysis, AppraisalTool, Basis, Beneficiary, CerqualConcern, CerqualConfidence, CfirConstruct,
    ChimeProcess, Direction, Employment, Kind, Level, Method, RelationKind, ReportingGuideline,
    ReviewType, RoleTitle, SampleUnit, Setting, Stakeholder, Stance, Vocabulary,
};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Number, Value};
use uuid::Uuid;

/// Which kind of document to generate; see the module documentation.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Keep to the rules validation checks.
    pub valid: bool,
}

impl Style {
    /// Anything the types can hold.
    pub const ANY: Style = Style { valid: false };
    /// Valid documents with marked participant data.
    pub const VALID: Style = Style { valid: true };
}

/// Starts every generated excerpt text (valid style).
pub const QUOTE_MARK: &str = "⟦quote⟧";
/// Starts every generated study and finding note (valid style).
pub const NOTE_MARK: &str = "⟦note⟧";
/// Starts every generated excerpt location (valid style).
pub const LOCATION_MARK: &str = "⟦location⟧";

/// Made-up personal data of each kind the lint looks for, so that generated
/// text sometimes draws `possible_personal_data` warnings.
const PERSONAL_DATA: &[&str] = &[
    "jo@example.org",
    "07700 900123",
    "943 476 5919",
    "SW1A 1AA",
    "DOB 01/02/1980",
];

/// Text: prose, printable unicode, any string at all (control characters,
/// quotes, backslashes), or prose with made-up personal data; never blank.
pub fn text() -> impl Strategy<Value = Text> {
    prop_oneof![
        3 => "[A-Za-z][A-Za-z0-9 ,.'()-]{0,40}",
        1 => "\\PC{1,24}",
        1 => any::<String>(),
        1 => (select(PERSONAL_DATA), "[a-z ]{0,10}").prop_map(|(data, prose)| format!("{prose}{data}")),
    ]
    .prop_filter_map("blank text", |s| Text::new(s).ok())
}

/// Text that starts with `mark`.
pub fn marked_text(mark: &'static str) -> impl Strategy<Value = Text> {
    text().prop_map(move |t| Text::new(format!("{mark}{t}")).expect("marked text is not blank"))
}

/// A well-formed vocabulary code (known or not).
pub fn code() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_]{0,20}"
}

/// A value of an open vocabulary: mostly known entries, sometimes a code this
/// version does not know.
pub fn vocabulary<T: Vocabulary>() -> impl Strategy<Value = T> {
    prop_oneof![
        3 => select(T::all()),
        1 => code().prop_map(|c| T::from_code(&c).expect("well-formed code")),
    ]
}

static CODEBOOK: LazyLock<Codebook> = LazyLock::new(Codebook::standard);

/// A concept: a known kind with a known or unknown code, or an unknown kind
/// (including `stance`, which is a vocabulary but not a concept kind).
pub fn concept() -> impl Strategy<Value = Concept> {
    let kinds: Vec<&'static str> = Kind::ALL.iter().map(|k| k.code()).collect();
    (
        prop_oneof![5 => select(kinds).prop_map(str::to_owned), 1 => code()],
        any::<Index>(),
        prop::bool::weighted(0.8),
        code(),
    )
        .prop_map(|(kind, index, known, custom)| {
            let known_codes: Vec<&str> = Kind::from_code(&kind)
                .map(|k| CODEBOOK.of_kind(k).map(|e| e.code).collect())
                .unwrap_or_default();
            let code = if known && !known_codes.is_empty() {
                known_codes[index.index(known_codes.len())].to_owned()
            } else {
                custom
            };
            Concept::from_codes(&kind, &code).expect("well-formed codes")
        })
}

/// A concept link, present or absent.
pub fn concept_link() -> impl Strategy<Value = ConceptLink> {
    (
        concept(),
        vocabulary::<Stance>(),
        any::<bool>(),
        option::of(select(Level::ALL)),
    )
        .prop_map(|(concept, stance, absent, level)| {
            let mut link = if absent {
                ConceptLink::absent(concept, stance)
            } else {
                ConceptLink::new(concept, stance)
            };
            link.level = level;
            link
        })
}

/// A relation kind: mostly known, sometimes one this version does not know.
pub fn relation_kind() -> impl Strategy<Value = RelationKind> {
    prop_oneof![
        4 => select(RelationKind::ALL),
        1 => code().prop_map(|c| RelationKind::from_code(&c).expect("well-formed code")),
    ]
}

/// A standard concept of a concept kind (what a valid relation can target).
pub fn standard_concept() -> impl Strategy<Value = Concept> {
    let entries: Vec<(&'static str, &'static str)> = CODEBOOK
        .entries()
        .iter()
        .filter(|e| Concept::from_codes(e.kind.code(), e.code).is_ok_and(|c| c.kind().is_some()))
        .map(|e| (e.kind.code(), e.code))
        .collect();
    select(entries).prop_map(|(kind, code)| Concept::from_codes(kind, code).expect("standard"))
}

/// A concept the document declares. Valid style: a code no standard entry
/// has (`local_` is no standard code's prefix), and relations of one known
/// kind to distinct standard concepts — at most one for `exact_match` — so
/// that none dangles, cycles or contradicts, also once exact matches are
/// merged (a `broader` and a `narrower` to two standard concepts could close
/// a loop through the standard codebook's own relations).
pub fn declared_concept(style: Style) -> BoxedStrategy<DeclaredConcept> {
    let kinds: Vec<Kind> = vec![Kind::Facilitator, Kind::Barrier, Kind::Outcome, Kind::Value];
    let relations = if style.valid {
        (select(RelationKind::ALL), vec(standard_concept(), 0..3))
            .prop_map(|(kind, targets)| {
                let mut seen = Vec::new();
                let mut relations: Vec<Relation> = targets
                    .into_iter()
                    .filter(|target| {
                        let fresh = !seen.contains(target);
                        seen.push(target.clone());
                        fresh
                    })
                    .map(|target| Relation::new(kind.clone(), target))
                    .collect();
                if kind == RelationKind::ExactMatch {
                    relations.truncate(1);
                }
                relations
            })
            .boxed()
    } else {
        vec(
            (relation_kind(), concept()).prop_map(|(kind, target)| Relation::new(kind, target)),
            0..3,
        )
        .boxed()
    };
    (
        (
            select(kinds),
            "local_[a-z0-9_]{1,12}",
            text(),
            option::of(text()),
        ),
        (
            option::of(select(CfirConstruct::ALL)),
            option::of(select(ChimeProcess::ALL)),
            option::of(select(Beneficiary::ALL)),
            option::of(select(Direction::ALL)),
            option::of(select(Level::ALL)),
        ),
        vec(citation(style), 0..2),
        relations,
    )
        .prop_map(
            |((kind, code, label, definition), mapping, sources, relations)| {
                let concept = Concept::from_codes(kind.code(), &code).expect("well-formed code");
                let mut declared = DeclaredConcept::new(concept, label);
                declared.definition = definition;
                (
                    declared.cfir_construct,
                    declared.chime,
                    declared.beneficiary,
                    declared.direction,
                    declared.level,
                ) = mapping;
                declared.sources = sources;
                declared.relations = relations;
                declared
            },
        )
        .boxed()
}

/// A date; valid style keeps to the years validation accepts (1900-2099,
/// so that 2100-2200 is free for publication dates after every collection).
pub fn date(style: Style) -> BoxedStrategy<NaiveDate> {
    let years = if style.valid {
        1900..=2099
    } else {
        -5000..=12000
    };
    (years, 1u32..=366)
        .prop_filter_map("no such day", |(y, d)| NaiveDate::from_yo_opt(y, d))
        .boxed()
}

/// A DOI: valid syntax, or (any style) whatever a document might hold.
pub fn doi(style: Style) -> BoxedStrategy<Doi> {
    let valid = "10\\.[0-9]{4,9}(\\.[0-9]{1,3})?/[!-~]{1,20}"
        .prop_map(|s| Doi::new(s).expect("valid DOI syntax"));
    if style.valid {
        valid.boxed()
    } else {
        prop_oneof![
            valid,
            text().prop_map(|t| serde_json::from_value(Value::String(t.to_string()))
                .expect("any text loads as a DOI")),
        ]
        .boxed()
    }
}

/// A citation with any subset of its optional fields.
pub fn citation(style: Style) -> impl Strategy<Value = Citation> {
    let year = if style.valid {
        (1900..=2200).boxed()
    } else {
        any::<i32>().boxed()
    };
    let published = if style.valid {
        (2100..=2200, 1u32..=365)
            .prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).expect("every year has 365 days"))
            .boxed()
    } else {
        date(style)
    };
    (
        text(),
        vec(text(), 0..3),
        option::of(year),
        option::of(text()),
        option::of(doi(style)),
        option::of(published),
    )
        .prop_map(|(title, authors, year, journal, doi, published)| {
            let mut citation = Citation::new(title);
            citation.authors = authors;
            citation.year = year;
            citation.journal = journal;
            citation.doi = doi;
            citation.published = published;
            citation
        })
}

/// A study design.
pub fn design() -> impl Strategy<Value = StudyDesign> {
    (
        vec(vocabulary::<Method>(), 0..3),
        vec(vocabulary::<Analysis>(), 0..3),
        any::<[bool; 3]>(),
        option::of(1u32..5),
    )
        .prop_map(|(methods, analyses, flags, rounds)| {
            let mut design = StudyDesign::default();
            design.methods = methods;
            design.analyses = analyses;
            design.co_production = flags[0];
            design.lived_experience_interviewers = flags[1];
            design.public_involvement = flags[2];
            design.interview_rounds = rounds;
            design
        })
}

/// A participant code: any the grammar allows, or (valid style) a marked
/// code `ZQ` + 8 digits + `X`, which no other generated text contains.
pub fn participant_code(style: Style) -> BoxedStrategy<ParticipantCode> {
    if style.valid {
        (0u32..100_000_000)
            .prop_map(|n| ParticipantCode::new(format!("ZQ{n:08}X")).expect("marked code"))
            .boxed()
    } else {
        "[A-Za-z0-9][A-Za-z0-9._-]{0,31}"
            .prop_map(|s| ParticipantCode::new(s).expect("code grammar"))
            .boxed()
    }
}

/// Extension values: any JSON up to four levels deep, numbers of every kind
/// JSON can hold (finite doubles, 64-bit integers).
pub fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("not finite", |f| Number::from_f64(f).map(Value::Number)),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            btree_map(any::<String>(), inner, 0..4)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Extensions: namespaced keys (valid style) or any keys.
pub fn extensions(style: Style) -> impl Strategy<Value = Extensions> {
    let key = if style.valid {
        "[a-z][a-z0-9.-]{0,8}:[a-z_]{1,10}".boxed()
    } else {
        prop_oneof!["[a-z][a-z0-9.-]{0,8}:[a-z_]{1,10}", any::<String>()].boxed()
    };
    // Read from JSON, as a document would be: `Extensions::insert` refuses
    // the un-namespaced keys the "any" style wants.
    btree_map(key, json(), 0..3).prop_map(|map| {
        let object = Value::Object(map.into_iter().collect());
        serde_json::from_value::<Extensions>(object).expect("any string keys load")
    })
}

/// A date as precise as a paper gives it; valid style keeps to plausible
/// years.
pub fn partial_date(style: Style) -> BoxedStrategy<PartialDate> {
    let years = if style.valid {
        1950..=2099
    } else {
        1000..=9999
    };
    (years, option::of((1u32..=12, option::of(1u32..=28))))
        .prop_map(|(year, rest)| {
            let text = match rest {
                None => format!("{year:04}"),
                Some((month, None)) => format!("{year:04}-{month:02}"),
                Some((month, Some(day))) => format!("{year:04}-{month:02}-{day:02}"),
            };
            text.parse().expect("a real date")
        })
        .boxed()
}

/// A search period; valid style keeps the end after the start.
fn search_period(style: Style) -> impl Strategy<Value = SearchPeriod> {
    (partial_date(style), partial_date(style), any::<[bool; 2]>()).prop_map(
        move |(a, b, [from, to])| {
            let (a, b) = if style.valid && b < a { (b, a) } else { (a, b) };
            let mut search = SearchPeriod::new(a, b);
            // Either end may be missing.
            if from && !to {
                search.to = None;
            } else if to && !from {
                search.from = None;
            }
            search
        },
    )
}

/// An appraisal of an included study.
fn appraisal() -> impl Strategy<Value = Appraisal> {
    (
        option::of(vocabulary::<AppraisalTool>()),
        option::of(text()),
    )
        .prop_map(|(tool, rating)| {
            let mut appraisal = Appraisal::default();
            appraisal.tool = tool;
            appraisal.rating = rating;
            appraisal
        })
}

/// An included study before its id is assigned.
type RawIncluded = (
    Citation,
    Option<Text>,
    Vec<Text>,
    Option<u32>,
    Option<Appraisal>,
);

fn raw_included(style: Style) -> impl Strategy<Value = RawIncluded> {
    (
        citation(style),
        option::of(text()),
        vec(text(), 0..2),
        option::of(any::<u32>()),
        option::of(appraisal()),
    )
}

/// A review's details before its included studies get ids.
type RawReview = (
    (
        Option<ReviewType>,
        Option<Text>,
        Option<Text>,
        Option<SearchPeriod>,
        Option<Text>,
    ),
    (
        Option<u32>,
        Option<u32>,
        Vec<Text>,
        Option<AppraisalTool>,
        Vec<RawIncluded>,
    ),
);

fn raw_review(style: Style) -> impl Strategy<Value = RawReview> {
    (
        (
            option::of(vocabulary::<ReviewType>()),
            option::of(text()),
            option::of(text()),
            option::of(search_period(style)),
            option::of(text()),
        ),
        (
            option::of(any::<u32>()),
            option::of(any::<u32>()),
            vec(text(), 0..3),
            option::of(vocabulary::<AppraisalTool>()),
            vec(raw_included(style), 0..4),
        ),
    )
}

/// A GRADE-CERQual component; valid style always explains it.
fn cerqual_component(style: Style) -> impl Strategy<Value = CerqualComponent> {
    (vocabulary::<CerqualConcern>(), option::of(text())).prop_map(move |(concern, explanation)| {
        let explanation = explanation.or_else(|| {
            style
                .valid
                .then(|| Text::new("explained").expect("not blank"))
        });
        let mut component = CerqualComponent::new(concern, Text::new("x").expect("not blank"));
        component.explanation = explanation;
        component
    })
}

/// A GRADE-CERQual assessment with any subset of its parts.
pub fn cerqual(style: Style) -> impl Strategy<Value = Cerqual> {
    (
        [
            option::of(cerqual_component(style)),
            option::of(cerqual_component(style)),
            option::of(cerqual_component(style)),
            option::of(cerqual_component(style)),
        ],
        option::of(vocabulary::<CerqualConfidence>()),
        option::of(text()),
    )
        .prop_map(
            |([methods, coherence, adequacy, relevance], confidence, explanation)| {
                let mut cerqual = Cerqual::default();
                cerqual.methodological_limitations = methods;
                cerqual.coherence = coherence;
                cerqual.adequacy = adequacy;
                cerqual.relevance = relevance;
                cerqual.confidence = confidence;
                cerqual.explanation = explanation;
                cerqual
            },
        )
}

/// A participant before its id is assigned.
type RawParticipant = (
    ParticipantCode,
    Stakeholder,
    Option<RoleTitle>,
    Option<Setting>,
    Option<Employment>,
);

fn raw_participant(style: Style) -> impl Strategy<Value = RawParticipant> {
    (
        participant_code(style),
        vocabulary::<Stakeholder>(),
        option::of(vocabulary::<RoleTitle>()),
        option::of(vocabulary::<Setting>()),
        option::of(vocabulary::<Employment>()),
    )
}

/// A data source before ids: method, participant indices, round, date,
/// interviewer flag.
type RawSource = (
    Option<Method>,
    Vec<Index>,
    Option<u32>,
    Option<NaiveDate>,
    Option<bool>,
);

fn raw_source(style: Style) -> impl Strategy<Value = RawSource> {
    (
        option::of(vocabulary::<Method>()),
        vec(any::<Index>(), 0..3),
        option::of(any::<u32>()),
        option::of(date(style)),
        option::of(any::<bool>()),
    )
}

/// An excerpt before ids: text, source index, speaker index, location.
type RawExcerpt = (Text, Index, Option<Index>, Option<Text>);

fn raw_excerpt(style: Style) -> BoxedStrategy<RawExcerpt> {
    if style.valid {
        (
            marked_text(QUOTE_MARK),
            any::<Index>(),
            option::of(any::<Index>()),
            option::of(marked_text(LOCATION_MARK)),
        )
            .boxed()
    } else {
        (
            text(),
            any::<Index>(),
            option::of(any::<Index>()),
            option::of(text()),
        )
            .boxed()
    }
}

/// A theme before ids: label, description, parent index.
type RawTheme = (Text, Option<Text>, Option<Index>);

fn raw_theme() -> impl Strategy<Value = RawTheme> {
    (text(), option::of(text()), option::of(any::<Index>()))
}

/// A finding before ids: statement, theme, excerpt and participant indices,
/// concepts, reporting groups, endorsement count, a participant whose code
/// the statement mentions, and its basis, notes and extensions.
type RawFinding = (
    Text,
    (Vec<Index>, Vec<Index>, Vec<Index>),
    Vec<ConceptLink>,
    Vec<Stakeholder>,
    Option<u32>,
    Option<Index>,
    (Option<Basis>, Option<Text>, Extensions),
    (Option<u8>, Vec<Index>, Option<Cerqual>),
);

fn raw_finding(style: Style) -> impl Strategy<Value = RawFinding> {
    let notes = if style.valid {
        marked_text(NOTE_MARK).boxed()
    } else {
        text().boxed()
    };
    (
        text(),
        (
            vec(any::<Index>(), 0..3),
            vec(any::<Index>(), 0..3),
            vec(any::<Index>(), 0..4),
        ),
        vec(concept_link(), 0..4),
        vec(vocabulary::<Stakeholder>(), 0..3),
        option::of(any::<u32>()),
        option::of(any::<Index>()),
        (
            option::of(vocabulary::<Basis>()),
            option::of(notes),
            extensions(style),
        ),
        (
            option::of(any::<u8>()),
            vec(any::<Index>(), 0..3),
            option::of(cerqual(style)),
        ),
    )
}

/// How the sample relates to the listed participants: none, a total only,
/// groups only, or both; plus participants not listed.
type RawSample = (u8, u32);

/// References replaced after assembly (any style): which kind of reference,
/// which one, and what it becomes (a random id or another entity's id).
type Corruption = (u8, Index, Index, u128);

/// Everything a study is made of, before ids and references are assigned.
type RawStudy = (
    (Citation, Vec<Text>, Vec<Text>, StudyDesign, Vec<Setting>),
    (
        Vec<RawParticipant>,
        Vec<RawSource>,
        Vec<RawExcerpt>,
        Vec<RawTheme>,
        Vec<RawFinding>,
    ),
    (Option<Text>, Extensions, RawSample, u128, Vec<Corruption>),
    (
        Option<RawReview>,
        Vec<ReportingGuideline>,
        Option<SampleUnit>,
        Option<String>,
    ),
);

/// A study of `style`.
pub fn study(style: Style) -> impl Strategy<Value = Study> {
    let notes = if style.valid {
        marked_text(NOTE_MARK).boxed()
    } else {
        text().boxed()
    };
    let corruptions = if style.valid {
        Just(Vec::new()).boxed()
    } else {
        vec(any::<Corruption>(), 0..3).boxed()
    };
    (
        (
            citation(style),
            vec(text(), 0..3),
            vec(text(), 0..3),
            design(),
            vec(vocabulary::<Setting>(), 0..3),
        ),
        (
            vec(raw_participant(style), 0..6),
            vec(raw_source(style), 0..4),
            vec(raw_excerpt(style), 0..6),
            vec(raw_theme(), 0..5),
            vec(raw_finding(style), 0..5),
        ),
        (
            option::of(notes),
            extensions(style),
            (0u8..5, 0u32..5),
            any::<u128>(),
            corruptions,
        ),
        (
            option::of(raw_review(style)),
            vec(vocabulary::<ReportingGuideline>(), 0..3),
            option::of(vocabulary::<SampleUnit>()),
            // Any style: a study kind this version does not know, sometimes.
            option::of(code()),
        ),
    )
        .prop_map(move |raw| assemble(raw, style))
}

/// A document of `style`: up to three studies, document extensions, and
/// fields this version does not define on objects of every kind.
pub fn document(style: Style) -> impl Strategy<Value = Document> {
    (
        vec(study(style), 0..3),
        extensions(style),
        vec((any::<Index>(), "x-unknown-[a-z]{1,8}", json()), 0..4),
        vec(declared_concept(style), 0..3),
    )
        .prop_map(move |(studies, extensions, unknown, concepts)| {
            let mut document = Document::new(studies);
            document.extensions = extensions;
            document.concepts = concepts;
            if style.valid {
                // One declaration per code.
                let mut seen = Vec::new();
                document.concepts.retain(|c| {
                    let fresh = !seen.contains(&c.concept);
                    seen.push(c.concept.clone());
                    fresh
                });
            }
            with_unknown_fields(document, unknown)
        })
}

/// The JSON Pointers of every object of `document` that can hold unknown
/// fields: the document, and each object of the model inside it (not
/// extensions, whose members are extensions).
fn model_objects(document: &Value) -> Vec<String> {
    let mut objects = vec![String::new()];
    for (ci, concept) in document["concepts"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        objects.push(format!("/concepts/{ci}"));
        for many in ["sources", "relations"] {
            for (i, _) in concept[many].as_array().into_iter().flatten().enumerate() {
                objects.push(format!("/concepts/{ci}/{many}/{i}"));
            }
        }
    }
    for (si, study) in document["studies"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let at = format!("/studies/{si}");
        objects.push(at.clone());
        for one in ["citation", "design", "sample"] {
            if study.get(one).is_some() {
                objects.push(format!("{at}/{one}"));
            }
        }
        for (gi, _) in study["sample"]["groups"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            objects.push(format!("{at}/sample/groups/{gi}"));
        }
        for many in ["participants", "sources", "excerpts", "themes", "findings"] {
            for (i, _) in study[many].as_array().into_iter().flatten().enumerate() {
                objects.push(format!("{at}/{many}/{i}"));
            }
        }
        for (fi, finding) in study["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            for (ci, _) in finding["concepts"]
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
            {
                objects.push(format!("{at}/findings/{fi}/concepts/{ci}"));
            }
        }
    }
    objects
}

/// `document` with `fields` (which object, key, value) added as fields this
/// version does not define: written to JSON, given the fields, and read back
/// through `Document`'s own `Deserialize`, which keeps them. Keys start with
/// `x-unknown-`, which no field of the format does and no generated code or
/// extension key can.
fn with_unknown_fields(document: Document, fields: Vec<(Index, String, Value)>) -> Document {
    if fields.is_empty() {
        return document;
    }
    let mut value: Value = serde_json::from_str(&document.to_json_compact()).expect("JSON");
    let objects = model_objects(&value);
    for (which, key, field) in fields {
        let at = &objects[which.index(objects.len())];
        if let Some(object) = value.pointer_mut(at).and_then(Value::as_object_mut) {
            object.insert(key, field);
        }
    }
    serde_json::from_value(value).expect("a document with unknown fields loads")
}

/// Builds a study from its parts: assigns unique ids from `base`, turns
/// indices into references, and (valid style) keeps every count, round and
/// reference within the rules.
fn assemble(raw: RawStudy, style: Style) -> Study {
    let (
        (citation, countries, aims, design, settings),
        (participants, sources, excerpts, themes, findings),
        (notes, extensions, (sample_mode, unlisted), base, corruptions),
        (review, reporting_guidelines, unit, custom_kind),
    ) = raw;
    let mut next = 0u128;
    let mut id = || {
        next += 1;
        Uuid::from_u128(base.wrapping_add(next))
    };
    let mut study = Study::new(id(), citation);
    study.countries = countries;
    study.aims = aims;
    study.settings = settings;
    study.notes = notes;
    study.extensions = extensions;
    study.reporting_guidelines = reporting_guidelines;
    if let Some((
        (review_type, method, perspective, search, registration),
        (records_screened, primary_studies, languages, appraisal_tool, included),
    )) = review
    {
        let mut details = Review::default();
        details.review_type = review_type;
        details.method = method;
        details.perspective = perspective;
        details.search = search;
        details.registration = registration;
        details.records_screened = records_screened;
        details.primary_studies = primary_studies;
        details.languages = languages;
        details.appraisal_tool = appraisal_tool;
        for (citation, design, countries, sample_size, appraisal) in included {
            let mut s = IncludedStudy::new(id(), citation);
            s.design = design;
            s.countries = countries;
            s.sample_size = sample_size;
            s.appraisal = appraisal;
            details.included.push(s);
        }
        study.kind = StudyKind::Review;
        study.review = Some(details);
    }
    if !style.valid {
        // Any style: review details on a study of another kind, sometimes.
        if let Some(kind) = custom_kind {
            study.kind = StudyKind::from_code(&kind).expect("well-formed code");
        }
    }
    let included_ids: Vec<Uuid> = study
        .review
        .iter()
        .flat_map(|r| r.included.iter().map(|s| s.id))
        .collect();

    study.participants = participants
        .into_iter()
        .map(|(code, group, role_title, setting, employment)| {
            let mut p = Participant::new(id(), code, group);
            p.role_title = role_title;
            p.setting = setting;
            p.employment = employment;
            p
        })
        .collect();
    let participant_ids: Vec<Uuid> = study.participants.iter().map(|p| p.id).collect();
    let pick = |ids: &[Uuid], index: &Index| (!ids.is_empty()).then(|| ids[index.index(ids.len())]);

    let rounds = design.interview_rounds;
    study.design = design;
    study.sources = sources
        .into_iter()
        .map(|(method, listed, round, date, lived)| {
            let mut s = DataSource::new(id());
            s.method = method;
            s.participants = listed
                .iter()
                .filter_map(|i| pick(&participant_ids, i))
                .collect();
            s.participants.dedup();
            s.round = match (style.valid, round, rounds) {
                (true, Some(r), Some(max)) => Some(1 + r % max),
                (true, Some(r), None) => Some(1 + r % 4),
                (_, round, _) => round,
            };
            s.date = date;
            s.interviewer_lived_experience = lived;
            s
        })
        .collect();
    let source_ids: Vec<Uuid> = study.sources.iter().map(|s| s.id).collect();

    study.excerpts = excerpts
        .into_iter()
        .filter_map(|(text, source, speaker, location)| {
            // Valid style: an excerpt needs a source to quote from.
            let source = pick(&source_ids, &source).or_else(|| (!style.valid).then(&mut id))?;
            let mut e = Excerpt::new(id(), text, source);
            e.participant = speaker.and_then(|i| pick(&participant_ids, &i));
            e.location = location;
            Some(e)
        })
        .collect();
    let excerpt_ids: Vec<Uuid> = study.excerpts.iter().map(|e| e.id).collect();

    let mut theme_ids = Vec::new();
    for (label, description, parent) in themes {
        let mut t = Theme::new(id(), label);
        t.description = description;
        // Valid style: a parent comes earlier in the list, so there is no cycle.
        t.parent = parent.and_then(|i| pick(&theme_ids, &i));
        theme_ids.push(t.id);
        study.themes.push(t);
    }

    let listed = u32::try_from(study.participants.len()).expect("few participants");
    let included = u32::try_from(included_ids.len()).expect("few included studies");
    // Valid style: a review's total covers its included studies too.
    let total = if style.valid && study.is_review() {
        (listed + unlisted).max(included)
    } else {
        listed + unlisted
    };
    study.sample = match sample_mode {
        0 => None,
        1 => {
            let mut sample = Sample::default();
            sample.total = Some(total);
            Some(sample)
        }
        mode => {
            let mut sample = Sample::default();
            for p in &study.participants {
                match sample.groups.iter_mut().find(|g| g.group == p.group) {
                    Some(g) => g.count = g.count.map(|c| c + 1),
                    None => sample.groups.push(GroupCount::new(p.group.clone(), 1)),
                }
            }
            match sample.groups.first_mut() {
                Some(g) => g.count = g.count.map(|c| c + unlisted),
                None if unlisted > 0 => sample
                    .groups
                    .push(GroupCount::new(Stakeholder::ServiceUser, unlisted)),
                None => {}
            }
            if mode >= 3 {
                sample.total = Some(total);
            }
            if mode == 4 {
                // Groups named without their numbers, under a total; the
                // first keeps its count when `unlisted` is odd.
                for g in sample
                    .groups
                    .iter_mut()
                    .skip(usize::from(unlisted % 2 == 1))
                {
                    g.count = None;
                }
            }
            Some(sample)
        }
    };

    for (
        statement,
        (themes, evidence, endorsers),
        concepts,
        reported_by,
        count,
        mention,
        (basis, notes, extensions),
        (percent, contributing, cerqual),
    ) in findings
    {
        let statement = match mention.and_then(|i| {
            (!study.participants.is_empty()).then(|| {
                study.participants[i.index(study.participants.len())]
                    .code
                    .clone()
            })
        }) {
            Some(code) => Text::new(format!("{code} said: {statement}")).expect("not blank"),
            None => statement,
        };
        let mut f = Finding::new(id(), statement);
        f.themes = themes.iter().filter_map(|i| pick(&theme_ids, i)).collect();
        f.excerpts = evidence
            .iter()
            .filter_map(|i| pick(&excerpt_ids, i))
            .collect();
        f.participants = endorsers
            .iter()
            .filter_map(|i| pick(&participant_ids, i))
            .collect();
        f.basis = basis;
        f.concepts = concepts;
        f.reported_by = reported_by;
        f.notes = notes;
        f.extensions = extensions;
        f.endorsement_percent = if style.valid {
            percent.map(|p| p % 101)
        } else {
            percent
        };
        f.contributing = contributing
            .iter()
            .filter_map(|i| pick(&included_ids, i))
            .collect();
        if style.valid {
            f.contributing.sort_unstable();
            f.contributing.dedup();
        }
        // Valid style: only a review's findings are assessed.
        f.cerqual = cerqual.filter(|_| !style.valid || study.kind == StudyKind::Review);
        f.endorsement_count = match (style.valid, count, &study.sample) {
            (true, Some(c), Some(_)) => Some(c % (total + 1)),
            (_, count, _) => count,
        };
        study.findings.push(f);
    }

    if let Some(sample) = study.sample.as_mut() {
        sample.unit = if style.valid {
            // What the study is: participants for primary research (the
            // default, absent or explicit), included studies for a review.
            match (study.kind == StudyKind::Review, unit) {
                (true, _) => {
                    // A review's sample counts included studies, not
                    // stakeholder groups.
                    sample.groups.clear();
                    sample.total = Some(total);
                    Some(SampleUnit::Studies)
                }
                (false, Some(SampleUnit::Participants)) => Some(SampleUnit::Participants),
                (false, _) => None,
            }
        } else {
            unit
        };
    }
    for (kind, which, target, random) in corruptions {
        corrupt(&mut study, kind, which, target, random);
    }
    study
}

/// Replaces one reference with a random id or another entity's id (any kind),
/// or makes a theme its own parent.
fn corrupt(study: &mut Study, kind: u8, which: Index, target: Index, random: u128) {
    let mut all: Vec<Uuid> = vec![study.id];
    all.extend(study.participants.iter().map(|p| p.id));
    all.extend(study.sources.iter().map(|s| s.id));
    all.extend(study.excerpts.iter().map(|e| e.id));
    all.extend(study.themes.iter().map(|t| t.id));
    all.extend(study.findings.iter().map(|f| f.id));
    let replacement = if random % 2 == 0 {
        Uuid::from_u128(random)
    } else {
        all[target.index(all.len())]
    };
    match kind % 5 {
        0 if !study.excerpts.is_empty() => {
            let i = which.index(study.excerpts.len());
            study.excerpts[i].source = replacement;
        }
        1 if !study.themes.is_empty() => {
            let i = which.index(study.themes.len());
            let own = study.themes[i].id;
            study.themes[i].parent = Some(if random % 3 == 0 { own } else { replacement });
        }
        2 if !study.findings.is_empty() => {
            let i = which.index(study.findings.len());
            study.findings[i].excerpts.push(replacement);
        }
        3 if !study.participants.is_empty() => {
            // A reused id.
            let i = which.index(study.participants.len());
            study.participants[i].id = replacement;
        }
        _ if !study.findings.is_empty() => {
            let i = which.index(study.findings.len());
            study.findings[i].participants.push(replacement);
        }
        _ => {}
    }
}
