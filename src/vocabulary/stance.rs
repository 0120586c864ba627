//! Stances: how a finding reports a concept.

vocabulary! {
    /// How a study finding reports a vocabulary concept: as something that
    /// helps, hinders, benefits, harms, is held as a value, or qualifies a
    /// benefit. With `absent: true` on the link, it is the concept's *absence*
    /// that is reported this way (no formal recruitment process, as a barrier).
    pub enum Stance: kind Stance, mapping () {
        Facilitator = "facilitator" {
            label: "Reported as a facilitator",
            definition: "The finding reports the concept as helping peer support work be delivered effectively.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        Barrier = "barrier" {
            label: "Reported as a barrier",
            definition: "The finding reports the concept as getting in the way of peer support work or of the role achieving its potential.",
            sources: [PSW_BARRIERS_AND_FACILITATORS, PEER_WORKER_ROLES_IN_TEAMS, PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
        Benefit = "benefit" {
            label: "Reported as a benefit",
            definition: "The finding reports the concept as a good outcome for someone: a service user, a peer worker, a team or the system.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PEER_WORKER_ROLES_IN_TEAMS, PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
        Harm = "harm" {
            label: "Reported as a harm",
            definition: "The finding reports the concept as a bad outcome for someone, such as burnout or disempowerment of peer workers.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
        },
        ValueHeld = "value_held" {
            label: "Reported as a value held",
            definition: "The finding reports the concept as a value that underpins peer support or that others value in it.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
        Caveat = "caveat" {
            label: "Reported as a caveat",
            definition: "The finding reports the concept as a limit on a benefit, such as peer support not being right for everyone.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
        },
        Influence = "influence" {
            label: "Reported as an influence",
            definition: "The finding reports the concept as influencing how peer support work is implemented without saying which way: a determinant whose direction the study does not give, as reviews that list implementation influences often report them.",
            sources: [IMPLEMENTATION_INFLUENCES_REVIEW, PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: (),
        },
        Practice = "practice" {
            label: "Reported as a practice",
            definition: "The finding describes the concept as something peers do or are, such as a way of working, a role title or a setting: a description rather than a help or a hindrance.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
        },
    }
}
