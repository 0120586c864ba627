//! Study design: how the studies that report peer support concepts collected
//! and analysed their data.

vocabulary! {
    /// A data-collection method.
    pub enum Method: kind Method, mapping () {
        SemiStructuredInterview = "semi_structured_interview" {
            label: "Semi-structured interview",
            definition: "Qualitative interviews following a topic guide while leaving room to follow what participants raise.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        RepeatInterview = "repeat_interview" {
            label: "Repeat interview",
            definition: "Interviewing each participant more than once, for example so that a second interview lets participants respond to and influence the analysis.",
            sources: [PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
        SecondaryAnalysis = "secondary_analysis" {
            label: "Secondary analysis",
            definition: "Analysing data collected for another study, with relevant data extracted for the new question.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
        },
        QualitativeInterview = "qualitative_interview" {
            label: "Qualitative interview",
            definition: "A qualitative interview whose structure the paper does not specify, as Gillard et al. (2013) and Moore et al. (2021) report theirs.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS, PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
    }
}

vocabulary! {
    /// An approach to analysing qualitative data.
    pub enum Analysis: kind Analysis, mapping () {
        ThematicAnalysis = "thematic_analysis" {
            label: "Thematic analysis",
            definition: "Identifying, analysing and reporting patterns (themes) across the data.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        GroundedTheory = "grounded_theory" {
            label: "Grounded theory",
            definition: "Building theory from the data through iterative coding and constant comparison.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
        },
        DiscourseAnalysis = "discourse_analysis" {
            label: "Discourse analysis",
            definition: "Analysing how language constructs meaning, positions and power in what participants say.",
            sources: [PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
        NarrativeSynthesis = "narrative_synthesis" {
            label: "Narrative synthesis",
            definition: "Synthesising the findings of a review's included studies in words and tables, grouping them (for example by framework domain) rather than pooling them statistically.",
            sources: [IMPLEMENTATION_INFLUENCES_REVIEW, PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: (),
        },
        MetaAnalysis = "meta_analysis" {
            label: "Meta-analysis",
            definition: "Pooling the quantitative results of a review's included studies statistically.",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: (),
        },
        PsychosocialAnalysis = "psychosocial_analysis" {
            label: "Psychosocial analysis",
            definition: "Interpreting accounts through psychosocial theory, attending to both social and unconscious, emotional dimensions.",
            sources: [PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
    }
}

vocabulary! {
    /// What a study's sample counts: people for primary research, the
    /// included studies (or, for an umbrella review, the included reviews)
    /// for a review.
    pub enum SampleUnit: kind SampleUnit, mapping () {
        Participants = "participants" {
            label: "participants",
            definition: "People who took part in the study.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS, PEER_WORKER_ROLES_IN_TEAMS, PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
        Studies = "studies" {
            label: "included studies",
            definition: "Studies (publications) a review includes.",
            sources: [IMPLEMENTATION_INFLUENCES_REVIEW],
            mapping: (),
        },
        Reviews = "reviews" {
            label: "included reviews",
            definition: "Reviews an umbrella review includes.",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: (),
        },
    }
}

impl SampleUnit {
    /// The noun for `n` of this unit: "1 participant", "35 participants",
    /// "53 included studies"; a unit this version does not know is named by
    /// its code.
    pub fn count(&self, n: u64) -> String {
        let noun = match (self, n == 1) {
            (SampleUnit::Participants, true) => "participant",
            (SampleUnit::Participants, false) => "participants",
            (SampleUnit::Studies, true) => "included study",
            (SampleUnit::Studies, false) => "included studies",
            (SampleUnit::Reviews, true) => "included review",
            (SampleUnit::Reviews, false) => "included reviews",
            (SampleUnit::Custom(code), _) => code.as_str(),
        };
        format!("{n} {noun}")
    }
}
