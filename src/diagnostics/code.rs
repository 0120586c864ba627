//! The stable codes of validation issues.

open_codes! {
    /// The stable, machine-readable code of a validation issue. Codes are part
    /// of the public contract: tools match on them, so they never change.
    #[non_exhaustive]
    pub enum IssueCode: kind "issue" {
        /// Error: an id is used by more than one entity in the document.
        DuplicateId = "duplicate_id", "Duplicate id",
        /// Error: a reference names no entity of the study.
        DanglingReference = "dangling_reference", "Dangling reference",
        /// Error: a reference names an entity of the wrong kind.
        WrongReferenceKind = "wrong_reference_kind", "Wrong reference kind",
        /// Error: themes are their own ancestors.
        CyclicTheme = "cyclic_theme", "Cyclic theme",
        /// Error: sample counts disagree with each other or with the listed participants.
        SampleSizeMismatch = "sample_size_mismatch", "Sample size mismatch",
        /// Error: a stakeholder group appears twice in a sample.
        DuplicateGroup = "duplicate_group", "Duplicate group",
        /// Error: a finding is endorsed by more participants than the study had.
        CountExceedsSample = "count_exceeds_sample", "Count exceeds sample",
        /// Warning: a vocabulary code this version does not know (kept as written).
        UnknownVocabularyCode = "unknown_vocabulary_code", "Unknown vocabulary code",
        /// Warning: a concept link of a kind this version does not know, or not a concept kind.
        UnknownConceptKind = "unknown_concept_kind", "Unknown concept kind",
        /// Warning (strict mode refuses the document): a field this version does not define; it is kept and written back.
        UnknownField = "unknown_field", "Unknown field",
        /// Warning: the document is a newer minor version than this reader.
        NewerMinorVersion = "newer_minor_version", "Newer minor version",
        /// Warning: the document was migrated from an older schema version.
        MigratedDocument = "migrated_document", "Migrated document",
        /// Error: a DOI that is not DOI syntax.
        InvalidDoi = "invalid_doi", "Invalid DOI",
        /// Error: a date that cannot be right (data collected after publication, an implausible year).
        DateOutOfRange = "date_out_of_range", "Date out of range",
        /// Error: an interview round beyond the study's number of rounds.
        RoundOutOfRange = "round_out_of_range", "Round out of range",
        /// Error: an extension key without a `namespace:` prefix.
        InvalidExtensionKey = "invalid_extension_key", "Invalid extension key",
        /// Warning: an excerpt's participant is not among its source's participants.
        ParticipantNotInSource = "participant_not_in_source", "Participant not in source",
        /// Warning: free text that looks like personal data (email, phone, NHS number, postcode, date of birth).
        PossiblePersonalData = "possible_personal_data", "Possible personal data",
        /// Warning: the document holds no studies.
        EmptyDocument = "empty_document", "Empty document",
        /// Error: a study has review details (`review`) but is not a review.
        ReviewDetailsOnPrimary = "review_details_on_primary", "Review details on primary research",
        /// Warning: a sample's unit does not fit the study (a review counting participants, primary research counting included studies).
        SampleUnitMismatch = "sample_unit_mismatch", "Sample unit mismatch",
        /// Error: a GRADE-CERQual assessment on a finding of primary research.
        CerqualOnPrimaryFinding = "cerqual_on_primary_finding", "CERQual on a primary finding",
        /// Warning: a GRADE-CERQual component or overall confidence without an explanation.
        CerqualMissingExplanation = "cerqual_missing_explanation", "CERQual explanation missing",
        /// Warning: a GRADE-CERQual assessment whose parts disagree (high confidence despite a serious concern).
        CerqualInconsistent = "cerqual_inconsistent", "CERQual assessment inconsistent",
        /// Warning: GRADE-CERQual components assessed without an overall confidence.
        CerqualIncomplete = "cerqual_incomplete", "CERQual assessment incomplete",
        /// Warning: two studies are the same study (the same DOI); synthesis counts it once.
        DuplicateStudy = "duplicate_study", "Duplicate study",
        /// Error: a declared concept reuses the code of a standard entry of its kind.
        ReusedStandardCode = "reused_standard_code", "Reused standard code",
        /// Error: a concept is declared twice in one document.
        DuplicateConcept = "duplicate_concept", "Duplicate concept",
        /// Error: a relation's target is neither a standard nor a declared concept.
        DanglingRelation = "dangling_relation", "Dangling relation",
        /// Error: `broader` (and `narrower`) relations make a concept broader than itself.
        CyclicBroader = "cyclic_broader", "Cyclic broader relations",
        /// Warning: relations that cannot all hold: two between the same concepts (exact match and broader, broader both ways, related and broader), or exact matches that merge concepts another relation, or the standard codebook, keeps apart.
        ContradictoryRelations = "contradictory_relations", "Contradictory relations",
        /// Error, reported by tools rather than by validation: the input is
        /// not a loadable document (malformed JSON, a value of the wrong
        /// shape, another format, an unsupported version).
        ReadError = "read_error", "Read error",
        /// Error, reported by tools rather than by validation: the input
        /// could not be opened or read.
        IoError = "io_error", "I/O error",
    }
}
