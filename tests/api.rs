//! The public API's promises that the compiler can check: every public type
//! is `Send + Sync + Unpin` and, but for the errors that wrap `std::io` or
//! `serde_json` errors, `UnwindSafe + RefUnwindSafe`; the checked string
//! types all convert the same way.

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::str::FromStr;

use peer_support::codebook::{Codebook, Entry};
use peer_support::diagnostics::{Issue, IssueCode, Report, Severity};
use peer_support::document::{
    InvalidVersion, JsonError, Loaded, Migration, MigrationError, ReadError, ReadOptions,
    SchemaVersion,
};
use peer_support::redact::RedactionLevel;
use peer_support::study::{
    Citation, Concept, ConceptLink, DataSource, Document, Doi, EmptyText, Excerpt, Extensions,
    Finding, GroupCount, InvalidDoi, InvalidExtensionKey, InvalidParticipantCode, MembersIter,
    OtherConcept, Participant, ParticipantCode, Sample, Study, StudyDesign, Text, Theme,
};
use peer_support::synthesis::{
    ConceptRow, Disagreement, EvidenceMatrix, KindSummary, Polarity, StanceMark, StudyColumn,
    StudyEvidence,
};
use peer_support::vocabulary::{
    Analysis, Barrier, Basis, Beneficiary, CfirConstruct, CfirDomain, ChimeProcess, Code,
    CodeProblem, CustomCode, Direction, Employment, Facilitator, InvalidCode, Kind, Mappings,
    Method, Outcome, OutcomeMapping, PeerValue, RoleTitle, Setting, Source, Stakeholder, Stance,
    UnknownCode, WayOfWorking,
};

fn thread_safe<T: Send + Sync + Unpin>() {}
fn unwind_safe<T: UnwindSafe + RefUnwindSafe>() {}

macro_rules! all_auto_traits {
    ($($t:ty),* $(,)?) => {$(
        thread_safe::<$t>();
        unwind_safe::<$t>();
    )*};
}

#[test]
fn public_types_are_thread_safe_and_unwind_safe() {
    all_auto_traits!(
        Issue,
        IssueCode,
        Report,
        Severity,
        Analysis,
        Barrier,
        Basis,
        Beneficiary,
        CfirConstruct,
        CfirDomain,
        ChimeProcess,
        Code,
        CodeProblem,
        CustomCode<Facilitator>,
        Direction,
        Employment,
        Facilitator,
        InvalidCode,
        Kind,
        Mappings,
        Method,
        Outcome,
        OutcomeMapping,
        PeerValue,
        RoleTitle,
        Setting,
        Source,
        Stakeholder,
        Stance,
        UnknownCode,
        WayOfWorking,
        Citation,
        Concept,
        ConceptLink,
        DataSource,
        Document,
        Doi,
        EmptyText,
        Excerpt,
        Extensions,
        MembersIter<'static>,
        Finding,
        GroupCount,
        InvalidDoi,
        InvalidExtensionKey,
        InvalidParticipantCode,
        OtherConcept,
        Participant,
        ParticipantCode,
        Sample,
        Study,
        StudyDesign,
        Text,
        Theme,
        Loaded,
        ReadOptions,
        Migration,
        MigrationError,
        SchemaVersion,
        InvalidVersion,
        Codebook,
        Entry,
        RedactionLevel,
        EvidenceMatrix,
        StudyColumn,
        ConceptRow,
        Disagreement,
        Polarity,
        StanceMark,
        StudyEvidence,
        KindSummary,
    );
    #[cfg(feature = "synthetic")]
    all_auto_traits!(peer_support::synthetic::Corpus);
    // These carry a `std::io::Error` or a `serde_json::Error`, which hold a
    // `Box<dyn Error + Send + Sync>` and so are not unwind-safe themselves.
    thread_safe::<ReadError>();
    thread_safe::<JsonError>();
}

/// What every checked string type offers, checked on one valid and one
/// invalid input.
fn converts_like_a_checked_string<T>(valid: &str, invalid: &str)
where
    T: FromStr
        + for<'a> TryFrom<&'a str>
        + TryFrom<String>
        + AsRef<str>
        + std::fmt::Display
        + std::fmt::Debug
        + serde::Serialize
        + serde::de::DeserializeOwned,
    <T as FromStr>::Err: std::error::Error,
{
    let parsed: T = valid.parse().unwrap();
    assert_eq!(parsed.as_ref(), valid);
    assert_eq!(parsed.to_string(), valid);
    assert!(T::try_from(valid).is_ok());
    assert!(T::try_from(valid.to_owned()).is_ok());
    let json = serde_json::to_string(&parsed).unwrap();
    assert_eq!(serde_json::from_str::<T>(&json).unwrap().as_ref(), valid);
    assert!(invalid.parse::<T>().is_err(), "{invalid:?}");
    assert!(T::try_from(invalid).is_err(), "{invalid:?}");
    assert!(T::try_from(invalid.to_owned()).is_err(), "{invalid:?}");
}

#[test]
fn checked_strings_convert_alike() {
    converts_like_a_checked_string::<Text>("a title", " ");
    converts_like_a_checked_string::<Code>("supervision", "Supervision");
    converts_like_a_checked_string::<ParticipantCode>("P07", "Jane Doe");
    converts_like_a_checked_string::<Doi>("10.1111/hex.13151", "doi:10.1111");
    assert_eq!(Text::new("a").unwrap().into_string(), "a");
    assert_eq!(Code::new("a").unwrap().into_string(), "a");
    assert_eq!(ParticipantCode::new("P1").unwrap().into_string(), "P1");
    assert_eq!(Doi::new("10.1111/x").unwrap().into_string(), "10.1111/x");
    // A DOI reads leniently, so that one typo does not reject a document
    // (validation reports it); the other types read through their check.
    let typo: Doi = serde_json::from_str("\"10.11/typo\"").unwrap();
    assert!(!typo.is_valid());
    assert!(serde_json::from_str::<ParticipantCode>("\"Jane Doe\"").is_err());
}

#[test]
fn a_known_code_has_one_representation() {
    // Parsing resolves known codes, and nothing else builds a Custom value.
    let parsed: Facilitator = "supervision".parse().unwrap();
    assert_eq!(parsed, Facilitator::Supervision);
    assert!(!parsed.is_custom());
    let concept = Concept::from_codes("facilitator", "supervision").unwrap();
    assert_eq!(concept, Concept::Facilitator(Facilitator::Supervision));
    // An unknown kind, or a kind that names no concept vocabulary, is Other.
    let Concept::Other(other) = Concept::from_codes("stance", "barrier").unwrap() else {
        panic!("stance is not a concept kind");
    };
    assert_eq!((other.kind(), other.code()), ("stance", "barrier"));
}

/// A report written by a newer version, with codes and severities this
/// version does not know, reads back whole and writes back the same.
#[test]
fn reports_are_open_like_the_vocabularies() {
    let json = r#"{"issues":[
        {"severity":"warning","code":"empty_document","path":"/studies","message":"no studies"},
        {"severity":"notice","code":"cerqual_pending","path":"/studies/0","message":"later"}
    ]}"#;
    let report: Report = serde_json::from_str(json).unwrap();
    assert_eq!(report.issues[0].code, IssueCode::EmptyDocument);
    let newer = &report.issues[1];
    assert!(newer.code.is_custom() && newer.severity.is_custom());
    assert_eq!(
        (newer.code.code(), newer.severity.code()),
        ("cerqual_pending", "notice")
    );
    assert!(!newer.is_error() && !report.has_errors());
    let written: serde_json::Value = serde_json::to_value(&report).unwrap();
    let input: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(written, input);
    // Only a malformed code is refused.
    let bad = r#"{"issues":[{"severity":"error","code":"Not A Code","path":"","message":""}]}"#;
    let err = serde_json::from_str::<Report>(bad).unwrap_err();
    assert!(
        err.to_string()
            .contains("invalid issue code \"Not A Code\""),
        "{err}"
    );
    // A known code never parses as a custom one.
    assert_eq!(
        "dangling_reference".parse::<IssueCode>().unwrap(),
        IssueCode::DanglingReference
    );
}

/// The types format 1.1 and its outputs add keep the same promises.
#[test]
fn format_1_1_types_are_thread_safe_and_unwind_safe() {
    use peer_support::study::{
        Appraisal, Cerqual, CerqualComponent, DeclaredConcept, IncludedStudy, InvalidPartialDate,
        PartialDate, Relation, Review, SearchPeriod, StudyKind, UnknownFields,
    };
    use peer_support::synthesis::cerqual::{
        AssessedFinding, CerqualTables, ContributingStudy, ReviewAssessments, Table,
    };
    use peer_support::synthesis::{
        DuplicateReason, DuplicateStudy, Group, GroupCell, GroupEvidence, Grouping, Member,
        Overlap, Rollup, UnknownGrouping,
    };
    use peer_support::vocabulary::{
        AppraisalTool, CerqualConcern, CerqualConfidence, Level, RelationKind, ReportingGuideline,
        ReviewType, SampleUnit, StandardRelation,
    };
    all_auto_traits!(
        Appraisal,
        Cerqual,
        CerqualComponent,
        DeclaredConcept,
        IncludedStudy,
        InvalidPartialDate,
        PartialDate,
        Relation,
        Review,
        SearchPeriod,
        StudyKind,
        UnknownFields,
        AssessedFinding,
        CerqualTables,
        ContributingStudy,
        ReviewAssessments,
        Table,
        DuplicateReason,
        DuplicateStudy,
        Group,
        GroupCell,
        GroupEvidence,
        Grouping,
        Member,
        Overlap,
        Rollup,
        UnknownGrouping,
        AppraisalTool,
        CerqualConcern,
        CerqualConfidence,
        Level,
        RelationKind,
        ReportingGuideline,
        ReviewType,
        SampleUnit,
        StandardRelation,
    );
    #[cfg(feature = "report")]
    all_auto_traits!(
        peer_support::report::Options,
        peer_support::report::Input<'static>
    );
    #[cfg(feature = "refi-qda")]
    {
        use peer_support::interchange::refi::{
            CodeMap, ExportError, ImportError, ImportOptions, ImportSummary, ImportWarning,
            Imported, MapError,
        };
        thread_safe::<CodeMap>();
        thread_safe::<ExportError>();
        thread_safe::<ImportError>();
        thread_safe::<ImportOptions>();
        thread_safe::<ImportSummary>();
        thread_safe::<ImportWarning>();
        thread_safe::<Imported>();
        thread_safe::<MapError>();
        unwind_safe::<CodeMap>();
        unwind_safe::<ImportOptions>();
        unwind_safe::<ImportSummary>();
        unwind_safe::<ImportWarning>();
        unwind_safe::<Imported>();
    }
}
