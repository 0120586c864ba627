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

/// Every source paper, in the order the codebook lists them.
pub const ALL_SOURCES: &[Source] = &[
    PSW_ROLES_AND_EXPERIENCES,
    PSW_BARRIERS_AND_FACILITATORS,
    PEER_WORKER_ROLES_IN_TEAMS,
    PROFESSIONALS_VALUE_PEERS,
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
