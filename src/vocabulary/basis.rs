//! Bases: where in a paper a finding comes from.

vocabulary! {
    /// Where in its paper a finding comes from: the study's own results, the
    /// authors' conclusions, or earlier evidence the paper cites as background.
    /// Synthesis counts only a study's own evidence (results and conclusions),
    /// not what it cites.
    pub enum Basis: kind Basis, mapping () {
        Result = "result" {
            label: "Result",
            definition: "A result of the study's own analysis of its data, as the paper reports it.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS, PEER_WORKER_ROLES_IN_TEAMS, PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
        Conclusion = "conclusion" {
            label: "Conclusion",
            definition: "The authors' interpretation or recommendation drawn from the results, such as what could facilitate the benefits they found.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS, PEER_WORKER_ROLES_IN_TEAMS, PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
        Background = "background" {
            label: "Background",
            definition: "Earlier evidence the paper cites, such as reduced inpatient admission reported by previous studies; not the study's own finding.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
        },
    }
}
