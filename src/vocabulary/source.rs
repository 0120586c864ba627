//! The papers the vocabulary is drawn from, cited as published.

use serde::Serialize;

/// A paper that reports a vocabulary concept.
///
/// Serializes as `{"key", "title", "authors", "year", "journal", "doi"}`
/// (`authors_complete` is omitted when true).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub struct Source {
    /// A short, stable citation key (`"foye-2025"`), used where a table has
    /// no room for the full reference.
    pub key: &'static str,
    /// The paper's title, as published.
    pub title: &'static str,
    /// Authors in byline order (Vancouver style, `"Foye U"`); empty when
    /// the byline is not confirmed.
    pub authors: &'static [&'static str],
    /// Whether `authors` is the whole byline.
    #[serde(skip_serializing_if = "is_true")]
    pub authors_complete: bool,
    /// Year of publication (of the issue, for a journal article).
    pub year: u16,
    /// The journal, or the preprint server.
    pub journal: &'static str,
    /// The Digital Object Identifier.
    pub doi: &'static str,
}

fn is_true(value: &bool) -> bool {
    *value
}

impl Source {
    /// The reference in one line: authors (with "et al." when the byline is
    /// incomplete, or "Authors not confirmed"), year, title, journal, DOI.
    ///
    /// ```
    /// use peer_support::vocabulary::source::PROFESSIONALS_VALUE_PEERS;
    ///
    /// assert!(PROFESSIONALS_VALUE_PEERS.reference().starts_with("Moore T, et al. (2021). More"));
    /// assert!(PROFESSIONALS_VALUE_PEERS.reference().ends_with("doi:10.1111/hex.13151"));
    /// ```
    pub fn reference(&self) -> String {
        let mut authors = self.authors.join(", ");
        if self.authors.is_empty() {
            authors.push_str("Authors not confirmed");
        } else if !self.authors_complete {
            authors.push_str(", et al.");
        }
        format!(
            "{authors} ({}). {}. {}. doi:{}",
            self.year, self.title, self.journal, self.doi
        )
    }

    /// The DOI as a link (`https://doi.org/...`).
    pub fn url(&self) -> String {
        format!("https://doi.org/{}", self.doi)
    }
}

/// Roles, values and perceived impact of paid peer support workers in
/// England (35 PSWs; semi-structured interviews; co-produced thematic
/// analysis). A 2025 medRxiv preprint whose authors are not confirmed here.
pub const PSW_ROLES_AND_EXPERIENCES: Source = Source {
    key: "psw-roles-2025",
    title: "Understanding the roles and experiences of mental health peer support workers in England: a qualitative study",
    authors: &[],
    authors_complete: false,
    year: 2025,
    journal: "medRxiv (preprint)",
    doi: "10.1101/2025.01.16.25320547",
};

/// Barriers and facilitators to delivering peer support, as experienced by
/// 35 paid PSWs in England (semi-structured interviews; thematic analysis).
/// BMC Psychiatry 2025;25:480.
pub const PSW_BARRIERS_AND_FACILITATORS: Source = Source {
    key: "foye-2025",
    title: "Understanding the barriers and facilitators to delivering peer support effectively in England: a qualitative interview study",
    authors: &[
        "Foye U",
        "Lyons N",
        "Shah P",
        "Mitchell L",
        "Machin K",
        "Chipp B",
        "Jeffreys S",
        "Jeynes T",
        "Persaud K",
        "Nicholls V",
        "Cooper RE",
        "Grundy A",
        "Pemovska T",
        "Ahmed N",
        "Appleton R",
        "Repper J",
        "Johnson S",
        "Lloyd-Evans B",
        "Simpson A",
    ],
    authors_complete: true,
    year: 2025,
    journal: "BMC Psychiatry",
    doi: "10.1186/s12888-025-06850-z",
};

/// Organisational benefits and challenges of introducing Peer Worker roles
/// into mental health teams (41 participants; secondary analysis; grounded
/// theory). BMC Health Services Research 2013;13:188.
pub const PEER_WORKER_ROLES_IN_TEAMS: Source = Source {
    key: "gillard-2013",
    title: "Introducing peer worker roles into UK mental health service teams: a qualitative analysis of the organisational benefits and challenges",
    authors: &["Gillard SG", "Edwards C", "Gibson SL", "Owen K", "Wright C"],
    authors_complete: true,
    year: 2013,
    journal: "BMC Health Services Research",
    doi: "10.1186/1472-6963-13-188",
};

/// What NHS mental health professionals value about the peer support
/// worker role (5 professionals interviewed twice; discourse and
/// psychosocial analysis). Health Expectations 2021;24(2):234-242; only the
/// first author is confirmed here.
pub const PROFESSIONALS_VALUE_PEERS: Source = Source {
    key: "moore-2021",
    title: "More ‘milk’ than ‘psychology or tablets’: Mental health professionals’ perspectives on the value of peer support workers",
    authors: &["Moore T"],
    authors_complete: false,
    year: 2021,
    journal: "Health Expectations",
    doi: "10.1111/hex.13151",
};

/// A systematic review of influences on the implementation of peer support
/// work for adults with mental health problems (5,813 records screened, 53
/// publications included; narrative synthesis; PROSPERO CRD42018094838).
/// Social Psychiatry and Psychiatric Epidemiology 2020;55(3):285-293.
pub const IMPLEMENTATION_INFLUENCES_REVIEW: Source = Source {
    key: "ibrahim-2020",
    title: "A systematic review of influences on implementation of peer support work for adults with mental health problems",
    authors: &[
        "Ibrahim N",
        "Thompson D",
        "Nixdorf R",
        "Kalha J",
        "Mpango R",
        "Moran G",
        "Mueller-Stierlin A",
        "Ryan G",
        "Mahlke C",
        "Shamba D",
        "Puschner B",
        "Repper J",
        "Slade M",
    ],
    authors_complete: true,
    year: 2020,
    journal: "Social Psychiatry and Psychiatric Epidemiology",
    doi: "10.1007/s00127-019-01739-1",
};

/// A systematic umbrella review of the effectiveness, implementation and
/// experiences of peer support approaches for mental health (35 reviews
/// covering 426 primary studies; AMSTAR 2; narrative synthesis with
/// implementation findings by CFIR domain). BMC Medicine 2024.
pub const PEER_SUPPORT_UMBRELLA_REVIEW: Source = Source {
    key: "cooper-2024",
    title: "The effectiveness, implementation, and experiences of peer support approaches for mental health: a systematic umbrella review",
    authors: &[
        "Cooper RE",
        "Saunders KRK",
        "Greenburgh A",
        "Shah P",
        "Appleton R",
        "Machin K",
        "Jeynes T",
        "Barnett P",
        "Allan SM",
        "Griffiths J",
        "Stuart R",
        "Mitchell L",
        "Chipp B",
        "Jeffreys S",
        "Lloyd-Evans B",
        "Simpson A",
        "Johnson S",
    ],
    authors_complete: true,
    year: 2024,
    journal: "BMC Medicine",
    doi: "10.1186/s12916-024-03260-y",
};

/// GRADE-CERQual, the approach to assessing confidence in findings from
/// reviews of qualitative research: the introduction to the 2018 series.
/// Implementation Science 2018;13(Suppl 1).
pub const GRADE_CERQUAL: Source = Source {
    key: "lewin-2018",
    title: "Applying GRADE-CERQual to qualitative evidence synthesis findings: introduction to the series",
    authors: &["Lewin S"],
    authors_complete: false,
    year: 2018,
    journal: "Implementation Science",
    doi: "10.1186/s13012-017-0688-3",
};

/// GRADE-CERQual: making an overall assessment of confidence and creating a
/// Summary of Qualitative Findings table (the same 2018 series).
pub const GRADE_CERQUAL_OVERALL: Source = Source {
    key: "lewin-2018-overall",
    title: "Applying GRADE-CERQual to qualitative evidence synthesis findings, paper 2: how to make an overall CERQual assessment of confidence and create a Summary of Qualitative Findings table",
    authors: &["Lewin S"],
    authors_complete: false,
    year: 2018,
    journal: "Implementation Science",
    doi: "10.1186/s13012-017-0689-2",
};

/// The COREQ reporting checklist for interview and focus-group studies.
pub const COREQ: Source = Source {
    key: "tong-2007",
    title: "Consolidated criteria for reporting qualitative research (COREQ): a 32-item checklist for interviews and focus groups",
    authors: &["Tong A"],
    authors_complete: false,
    year: 2007,
    journal: "International Journal for Quality in Health Care",
    doi: "10.1093/intqhc/mzm042",
};

/// The SRQR reporting standards for qualitative research.
pub const SRQR: Source = Source {
    key: "obrien-2014",
    title: "Standards for reporting qualitative research: a synthesis of recommendations",
    authors: &["O'Brien BC"],
    authors_complete: false,
    year: 2014,
    journal: "Academic Medicine",
    doi: "10.1097/ACM.0000000000000388",
};

/// The ENTREQ reporting statement for syntheses of qualitative research.
pub const ENTREQ: Source = Source {
    key: "tong-2012",
    title: "Enhancing transparency in reporting the synthesis of qualitative research: ENTREQ",
    authors: &["Tong A"],
    authors_complete: false,
    year: 2012,
    journal: "BMC Medical Research Methodology",
    doi: "10.1186/1471-2288-12-181",
};

/// The PRISMA statement for reporting systematic reviews, in its first
/// (2009) form. PLoS Medicine 2009;6(7):e1000097.
pub const PRISMA_2009: Source = Source {
    key: "moher-2009",
    title: "Preferred reporting items for systematic reviews and meta-analyses: the PRISMA statement",
    authors: &["Moher D", "Liberati A", "Tetzlaff J", "Altman DG"],
    authors_complete: false,
    year: 2009,
    journal: "PLoS Medicine",
    doi: "10.1371/journal.pmed.1000097",
};

/// The PRISMA 2020 statement for reporting systematic reviews.
pub const PRISMA_2020: Source = Source {
    key: "page-2021",
    title: "The PRISMA 2020 statement: an updated guideline for reporting systematic reviews",
    authors: &["Page MJ"],
    authors_complete: false,
    year: 2021,
    journal: "BMJ",
    doi: "10.1136/bmj.n71",
};

/// The PRISMA extension for scoping reviews.
pub const PRISMA_SCR: Source = Source {
    key: "tricco-2018",
    title: "PRISMA Extension for Scoping Reviews (PRISMA-ScR): Checklist and Explanation",
    authors: &["Tricco AC"],
    authors_complete: false,
    year: 2018,
    journal: "Annals of Internal Medicine",
    doi: "10.7326/M18-0850",
};

/// The eMERGe reporting guidance for meta-ethnography.
pub const EMERGE: Source = Source {
    key: "france-2019",
    title: "Improving reporting of meta-ethnography: the eMERGe reporting guidance",
    authors: &["France EF"],
    authors_complete: false,
    year: 2019,
    journal: "BMC Medical Research Methodology",
    doi: "10.1186/s12874-018-0600-0",
};

/// The RAMESES publication standards for realist syntheses.
pub const RAMESES: Source = Source {
    key: "wong-2013",
    title: "RAMESES publication standards: realist syntheses",
    authors: &["Wong G"],
    authors_complete: false,
    year: 2013,
    journal: "BMC Medicine",
    doi: "10.1186/1741-7015-11-21",
};

/// AMSTAR 2, the appraisal tool for systematic reviews.
pub const AMSTAR_2: Source = Source {
    key: "shea-2017",
    title: "AMSTAR 2: a critical appraisal tool for systematic reviews that include randomised or non-randomised studies of healthcare interventions, or both",
    authors: &["Shea BJ"],
    authors_complete: false,
    year: 2017,
    journal: "BMJ",
    doi: "10.1136/bmj.j4008",
};

/// The Mixed Methods Appraisal Tool, version 2018.
pub const MMAT: Source = Source {
    key: "hong-2018",
    title: "The Mixed Methods Appraisal Tool (MMAT) version 2018 for information professionals and researchers",
    authors: &["Hong QN"],
    authors_complete: false,
    year: 2018,
    journal: "Education for Information",
    doi: "10.3233/EFI-180221",
};

/// The method of thematic synthesis for qualitative research in systematic reviews.
pub const THEMATIC_SYNTHESIS: Source = Source {
    key: "thomas-2008",
    title: "Methods for the thematic synthesis of qualitative research in systematic reviews",
    authors: &["Thomas J"],
    authors_complete: false,
    year: 2008,
    journal: "BMC Medical Research Methodology",
    doi: "10.1186/1471-2288-8-45",
};

/// The four seed papers, in seed order: the primary studies the vocabulary
/// was first drawn from, bundled as [`catalog::seed_studies`](crate::catalog::seed_studies).
pub const SEED_SOURCES: &[Source] = &[
    PSW_ROLES_AND_EXPERIENCES,
    PSW_BARRIERS_AND_FACILITATORS,
    PEER_WORKER_ROLES_IN_TEAMS,
    PROFESSIONALS_VALUE_PEERS,
];

/// Every source paper, in the order the codebook lists them.
pub const ALL_SOURCES: &[Source] = &[
    PSW_ROLES_AND_EXPERIENCES,
    PSW_BARRIERS_AND_FACILITATORS,
    PEER_WORKER_ROLES_IN_TEAMS,
    PROFESSIONALS_VALUE_PEERS,
    IMPLEMENTATION_INFLUENCES_REVIEW,
    PEER_SUPPORT_UMBRELLA_REVIEW,
    GRADE_CERQUAL,
    GRADE_CERQUAL_OVERALL,
    COREQ,
    SRQR,
    ENTREQ,
    PRISMA_2009,
    PRISMA_2020,
    PRISMA_SCR,
    EMERGE,
    RAMESES,
    AMSTAR_2,
    MMAT,
    THEMATIC_SYNTHESIS,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_dois_are_distinct_and_dois_are_dois() {
        let mut keys: Vec<&str> = ALL_SOURCES.iter().map(|s| s.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), ALL_SOURCES.len());
        for source in ALL_SOURCES {
            assert!(
                source.doi.starts_with("10.") && source.doi.contains('/'),
                "{}",
                source.doi
            );
            assert_eq!(source.authors.is_empty(), source.key == "psw-roles-2025");
            assert_eq!(source.url(), format!("https://doi.org/{}", source.doi));
        }
    }

    #[test]
    fn references_mark_incomplete_bylines() {
        assert_eq!(
            PSW_ROLES_AND_EXPERIENCES.reference(),
            "Authors not confirmed (2025). Understanding the roles and experiences of mental health peer support workers in England: a qualitative study. medRxiv (preprint). doi:10.1101/2025.01.16.25320547"
        );
        assert!(
            PEER_WORKER_ROLES_IN_TEAMS.reference().starts_with(
                "Gillard SG, Edwards C, Gibson SL, Owen K, Wright C (2013). Introducing"
            )
        );
    }
}
