//! The papers the vocabulary is drawn from.

use serde::Serialize;

/// A paper that reports a vocabulary concept.
///
/// `seed` names the text file of the paper in the project's seed corpus
/// (`shared/seeds/`); `title` is the paper's title as the seed gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub struct Source {
    /// File name of the paper in the seed corpus.
    pub seed: &'static str,
    /// Title of the paper.
    pub title: &'static str,
}

/// Seed 000: roles, values and perceived impact of paid PSWs in England
/// (35 PSWs; semi-structured interviews; co-produced thematic analysis).
pub const PSW_ROLES_AND_EXPERIENCES: Source = Source {
    seed: "000_642391baae311d24.txt",
    title: "Understanding the roles and experiences of mental health peer support workers in England: a qualitative study",
};

/// Seed 001: barriers and facilitators to delivering peer support, as experienced
/// by 35 paid PSWs in England (semi-structured interviews; thematic analysis).
pub const PSW_BARRIERS_AND_FACILITATORS: Source = Source {
    seed: "001_32d7bb2f1d920062.txt",
    title: "Understanding the barriers and facilitators to delivering peer support effectively in England: a qualitative interview study",
};

/// Seed 002: organisational challenges and benefits of introducing Peer Worker
/// roles into mental health teams (41 participants; secondary analysis; grounded theory).
///
/// The seed text carries the abstract but not the published title, so the
/// title here describes the paper in the abstract's own words.
pub const PEER_WORKER_ROLES_IN_TEAMS: Source = Source {
    seed: "002_44c83f876c830b2a.txt",
    title: "The organisational challenges and benefits of introducing Peer Worker roles into mental health service teams (descriptive title; the seed gives none)",
};

/// Seed 003: what NHS mental health professionals value about the peer support
/// worker role (5 professionals interviewed twice; discourse and psychosocial analysis).
pub const PROFESSIONALS_VALUE_PEERS: Source = Source {
    seed: "003_965e250b65df1b35.txt",
    title: "More 'milk' than 'psychology or tablets': Mental health professionals' perspectives on the value of peer support workers",
};

/// Every seed paper, in seed order.
pub const ALL_SOURCES: &[Source] = &[
    PSW_ROLES_AND_EXPERIENCES,
    PSW_BARRIERS_AND_FACILITATORS,
    PEER_WORKER_ROLES_IN_TEAMS,
    PROFESSIONALS_VALUE_PEERS,
];
