//! How concepts relate to each other, with the meaning SKOS gives these
//! relations (W3C Simple Knowledge Organization System): the same concept,
//! a broader or narrower one, or an associated one.

open_codes! {
    /// How one concept relates to another, with SKOS meaning.
    ///
    /// `A broader B` says B is the more general concept (SKOS
    /// `skos:broader`); `A narrower B` says B is the more specific one. A
    /// well-formed code this version does not know (a later SKOS relation,
    /// say `close_match`) is kept as written and reported as a warning.
    ///
    /// ```
    /// use peer_support::vocabulary::RelationKind;
    ///
    /// let broader: RelationKind = "broader".parse()?;
    /// assert_eq!(broader.inverse(), Some(RelationKind::Narrower));
    /// assert_eq!(RelationKind::Related.inverse(), Some(RelationKind::Related));
    /// # Ok::<(), peer_support::vocabulary::InvalidCode>(())
    /// ```
    #[non_exhaustive]
    pub enum RelationKind: kind "relation" {
        /// The two codes name the same concept (`skos:exactMatch`); synthesis
        /// merges their rows.
        ExactMatch = "exact_match", "Exact match",
        /// The target is a more general concept (`skos:broader`); synthesis
        /// can roll this concept up into it.
        Broader = "broader", "Broader concept",
        /// The target is a more specific concept (`skos:narrower`).
        Narrower = "narrower", "Narrower concept",
        /// The two concepts are associated without one containing the other
        /// (`skos:related`).
        Related = "related", "Related concept",
    }
}

impl RelationKind {
    /// The relation seen from the other end: `broader` for `narrower` and
    /// back; `exact_match` and `related` are symmetric. `None` for a
    /// relation this version does not know.
    pub fn inverse(&self) -> Option<RelationKind> {
        match self {
            RelationKind::ExactMatch => Some(RelationKind::ExactMatch),
            RelationKind::Broader => Some(RelationKind::Narrower),
            RelationKind::Narrower => Some(RelationKind::Broader),
            RelationKind::Related => Some(RelationKind::Related),
            RelationKind::Custom(_) => None,
        }
    }
}

json_schema_impl!(RelationKind, |generator| {
    let known: Vec<&str> = RelationKind::ALL.iter().map(RelationKind::code).collect();
    schemars::json_schema!({
        "description": "How the concept relates to the target, with SKOS meaning: `exact_match` (the same concept), `broader` (the target is more general), `narrower` (the target is more specific), `related` (associated). A well-formed code this version does not know is kept as written and reported as an `unknown_vocabulary_code` warning.",
        "type": "string",
        "anyOf": [
            { "title": "Known relation", "enum": known },
            super::schema::code_schema("A relation this version does not know."),
        ],
    })
});

/// A relation of a standard codebook entry to another standard entry, as
/// the vocabulary tables declare it: the relation and the target's kind and
/// code.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub struct StandardRelation {
    /// How the entry relates to the target.
    pub relation: RelationKind,
    /// The target's vocabulary.
    pub kind: super::Kind,
    /// The target's code.
    pub code: &'static str,
}

impl StandardRelation {
    /// A relation to the entry `kind`/`code`.
    pub const fn new(relation: RelationKind, kind: super::Kind, code: &'static str) -> Self {
        StandardRelation {
            relation,
            kind,
            code,
        }
    }
}

closed_codes! {
    /// The level of a multilevel framework a determinant sits at.
    pub enum Level: kind "level" {
        /// Policy, funding and the wider health and social care system.
        Macro = "macro", "Macro (system and policy)",
        /// The organisation, service or team.
        Meso = "meso", "Meso (organisation and team)",
        /// The individuals: peer workers, colleagues, service users.
        Micro = "micro", "Micro (individuals)",
    }
}

json_schema_impl!(Level, |generator| {
    let known: Vec<&str> = Level::ALL.iter().map(|l| l.code()).collect();
    schemars::json_schema!({
        "description": "The level of a multilevel framework the concept sits at: `macro` (system and policy), `meso` (organisation and team) or `micro` (individuals).",
        "type": "string",
        "enum": known,
    })
});
