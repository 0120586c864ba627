//! GRADE-CERQual: how much concern each component of a review finding
//! raises, and how confident one can be in the finding.

vocabulary! {
    /// How much concern one GRADE-CERQual component (methodological
    /// limitations, coherence, adequacy of data, relevance) raises about a
    /// review finding.
    pub enum CerqualConcern: kind CerqualConcern, mapping () {
        NoOrVeryMinor = "no_or_very_minor" {
            label: "No or very minor concerns",
            definition: "The component is unlikely to reduce confidence in the finding.",
            sources: [GRADE_CERQUAL],
            mapping: (),
        },
        Minor = "minor" {
            label: "Minor concerns",
            definition: "The component is unlikely to reduce confidence in the finding much.",
            sources: [GRADE_CERQUAL],
            mapping: (),
        },
        Moderate = "moderate" {
            label: "Moderate concerns",
            definition: "The component may reduce confidence in the finding.",
            sources: [GRADE_CERQUAL],
            mapping: (),
        },
        Serious = "serious" {
            label: "Serious concerns",
            definition: "The component is likely to reduce confidence in the finding.",
            sources: [GRADE_CERQUAL],
            mapping: (),
        },
        Substantial = "substantial" {
            label: "Substantial concerns",
            definition: "The name earlier applications of GRADE-CERQual gave the highest level of concern; kept as written and read as serious concerns.",
            sources: [GRADE_CERQUAL],
            mapping: (),
        },
    }
}

vocabulary! {
    /// The overall GRADE-CERQual confidence in a review finding: how likely
    /// it is that the finding is a reasonable representation of the
    /// phenomenon of interest. An assessment starts at high confidence and
    /// is rated down for concerns.
    pub enum CerqualConfidence: kind CerqualConfidence, mapping () {
        High = "high" {
            label: "High confidence",
            definition: "It is highly likely that the finding is a reasonable representation of the phenomenon of interest.",
            sources: [GRADE_CERQUAL_OVERALL],
            mapping: (),
        },
        Moderate = "moderate" {
            label: "Moderate confidence",
            definition: "It is likely that the finding is a reasonable representation of the phenomenon of interest.",
            sources: [GRADE_CERQUAL_OVERALL],
            mapping: (),
        },
        Low = "low" {
            label: "Low confidence",
            definition: "It is possible that the finding is a reasonable representation of the phenomenon of interest.",
            sources: [GRADE_CERQUAL_OVERALL],
            mapping: (),
        },
        VeryLow = "very_low" {
            label: "Very low confidence",
            definition: "It is not clear whether the finding is a reasonable representation of the phenomenon of interest (earlier applications used only the three levels above).",
            sources: [GRADE_CERQUAL_OVERALL],
            mapping: (),
        },
    }
}

impl CerqualConcern {
    /// How serious the concern is, from 0 (no or very minor) to 3
    /// (serious, and its older name substantial); `None` for a level this
    /// version does not know.
    pub fn rank(&self) -> Option<u8> {
        match self {
            CerqualConcern::NoOrVeryMinor => Some(0),
            CerqualConcern::Minor => Some(1),
            CerqualConcern::Moderate => Some(2),
            CerqualConcern::Serious | CerqualConcern::Substantial => Some(3),
            CerqualConcern::Custom(_) => None,
        }
    }
}

impl CerqualConfidence {
    /// How confident, from 3 (high) to 0 (very low); `None` for a level this
    /// version does not know.
    pub fn rank(&self) -> Option<u8> {
        match self {
            CerqualConfidence::High => Some(3),
            CerqualConfidence::Moderate => Some(2),
            CerqualConfidence::Low => Some(1),
            CerqualConfidence::VeryLow => Some(0),
            CerqualConfidence::Custom(_) => None,
        }
    }
}
