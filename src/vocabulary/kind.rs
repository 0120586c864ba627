//! The kinds of vocabulary entry.

closed_codes! {
    /// Which vocabulary an entry belongs to: the `kind` field of codebook
    /// entries and of concept links in study documents.
    #[non_exhaustive]
    pub enum Kind: kind "vocabulary kind" {
        /// [`RoleTitle`](super::RoleTitle): what the peer role is called.
        Role = "role", "Role title",
        /// [`Employment`](super::Employment): paid or volunteer.
        Employment = "employment", "Employment",
        /// [`WayOfWorking`](super::WayOfWorking): distinctive features of how peers work.
        WayOfWorking = "way_of_working", "Way of working",
        /// [`Stakeholder`](super::Stakeholder): a group taking part in studies.
        Stakeholder = "stakeholder", "Stakeholder group",
        /// [`Setting`](super::Setting): where the service is delivered.
        Setting = "setting", "Setting",
        /// [`PeerValue`](super::PeerValue): a value underpinning peer support.
        Value = "value", "Value",
        /// [`Facilitator`](super::Facilitator): helps peer support work well.
        Facilitator = "facilitator", "Facilitator",
        /// [`Barrier`](super::Barrier): gets in the way of peer support work.
        Barrier = "barrier", "Barrier",
        /// [`Outcome`](super::Outcome): an effect on someone, good or bad.
        Outcome = "outcome", "Outcome",
        /// [`Method`](super::Method): a data-collection method.
        Method = "method", "Data-collection method",
        /// [`Analysis`](super::Analysis): an analysis approach.
        Analysis = "analysis", "Analysis approach",
        /// [`Stance`](super::Stance): how a finding reports a concept.
        Stance = "stance", "Stance",
        /// [`Basis`](super::Basis): where in its paper a finding comes from.
        Basis = "basis", "Finding basis",
        /// [`ReviewType`](super::ReviewType): the kind of review a study is.
        ReviewType = "review_type", "Review type",
        /// [`ReportingGuideline`](super::ReportingGuideline): a reporting guideline a study followed.
        ReportingGuideline = "reporting_guideline", "Reporting guideline",
        /// [`AppraisalTool`](super::AppraisalTool): how a review appraised what it included.
        AppraisalTool = "appraisal_tool", "Appraisal tool",
        /// [`SampleUnit`](super::SampleUnit): what a sample counts.
        SampleUnit = "sample_unit", "Sample unit",
        /// [`CerqualConcern`](super::CerqualConcern): a GRADE-CERQual level of concern.
        CerqualConcern = "cerqual_concern", "GRADE-CERQual concern",
        /// [`CerqualConfidence`](super::CerqualConfidence): a GRADE-CERQual overall confidence.
        CerqualConfidence = "cerqual_confidence", "GRADE-CERQual confidence",
    }
}
