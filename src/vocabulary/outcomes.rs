//! Outcomes: what peer support work does, for whom, for better or worse.

use super::OutcomeMapping;

vocabulary! {
    /// An effect of peer support work. Each names who it falls on and whether it
    /// is a benefit, a harm or a caveat; service-user outcomes that are
    /// personal-recovery processes name their CHIME process.
    pub enum Outcome: kind Outcome, mapping OutcomeMapping {
        FeelingUnderstood = "feeling_understood" {
            label: "Feeling understood",
            definition: "Service users feeling understood by someone who shares lived experience of mental health problems.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: OutcomeMapping::recovery(ChimeProcess::Connectedness),
        },
        GreaterOpenness = "greater_openness" {
            label: "Greater openness",
            definition: "Service users being more open about their experiences, following from feeling understood.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: OutcomeMapping::recovery(ChimeProcess::Connectedness),
        },
        Recovery = "recovery" {
            label: "Recovery",
            definition: "Peer support facilitating service users' recovery.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: OutcomeMapping::new(Beneficiary::ServiceUser, Direction::Benefit),
        },
        Hope = "hope" {
            label: "Hope",
            definition: "Service users gaining hope, for example through peers role-modelling that recovery is possible.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PEER_WORKER_ROLES_IN_TEAMS],
            mapping: OutcomeMapping::recovery(ChimeProcess::Hope),
        },
        Empowerment = "empowerment" {
            label: "Empowerment",
            definition: "Increased service user (consumer) empowerment, which peer worker-based interventions are reported to bring.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: OutcomeMapping::recovery(ChimeProcess::Empowerment),
        },
        ReducedInpatientAdmission = "reduced_inpatient_admission" {
            label: "Reduced inpatient admission",
            definition: "Fewer psychiatric inpatient admissions among people supported by peer workers.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: OutcomeMapping::new(Beneficiary::ServiceUser, Direction::Benefit),
        },
        StrongerSocialNetworks = "stronger_social_networks" {
            label: "Stronger social networks",
            definition: "Stronger social networks for service users supported by peer workers.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: OutcomeMapping::recovery(ChimeProcess::Connectedness),
        },
        NotRightForEveryone = "not_right_for_everyone" {
            label: "Not right for everyone",
            definition: "The caveat, voiced by some peer support workers, that peer support may not be right for every service user.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: OutcomeMapping::new(Beneficiary::ServiceUser, Direction::Caveat),
        },
        OwnRecovery = "own_recovery" {
            label: "Peer worker's own recovery",
            definition: "Benefits of the role for the peer support worker's own recovery.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: OutcomeMapping::new(Beneficiary::PeerWorker, Direction::Benefit),
        },
        Burnout = "burnout" {
            label: "Burnout",
            definition: "Burnout of peer support workers, to which the emotional demands of the role can lead.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: OutcomeMapping::new(Beneficiary::PeerWorker, Direction::Harm),
        },
        Inequality = "inequality" {
            label: "Inequality",
            definition: "Peer workers feeling unequal to other team members, resulting from a lack of consensus about peer practice.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: OutcomeMapping::new(Beneficiary::PeerWorker, Direction::Harm),
        },
        Disempowerment = "disempowerment" {
            label: "Disempowerment",
            definition: "Peer workers feeling disempowered in their role.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: OutcomeMapping::new(Beneficiary::PeerWorker, Direction::Harm),
        },
        IdentityUncertainty = "identity_uncertainty" {
            label: "Identity uncertainty",
            definition: "Peer workers feeling uncertain about their identity in the team.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: OutcomeMapping::new(Beneficiary::PeerWorker, Direction::Harm),
        },
        FeelingUnderSupported = "feeling_under_supported" {
            label: "Feeling under-supported",
            definition: "Peer workers feeling under-supported in their role.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: OutcomeMapping::new(Beneficiary::PeerWorker, Direction::Harm),
        },
        ServiceImprovement = "service_improvement" {
            label: "Service improvement",
            definition: "Systemic improvements peer support workers bring to services.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: OutcomeMapping::new(Beneficiary::OrganisationSystem, Direction::Benefit),
        },
        TeamMeetsServiceUserNeeds = "team_meets_service_user_needs" {
            label: "Team meets service user needs",
            definition: "Peer support workers using their lived experience to help teams meet service users' needs.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: OutcomeMapping::new(Beneficiary::Team, Direction::Benefit),
        },
        PeerWorkersValued = "peer_workers_valued" {
            label: "Peer workers valued",
            definition: "Peer workers being highly valued by mental health teams and service users.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: OutcomeMapping::new(Beneficiary::Team, Direction::Benefit),
        },
        ChallengeToDominantValues = "challenge_to_dominant_values" {
            label: "Challenge to dominant values",
            definition: "The challenge peers pose to existing values and dominant ways of working in mental health services.",
            sources: [PROFESSIONALS_VALUE_PEERS],
            mapping: OutcomeMapping::new(Beneficiary::OrganisationSystem, Direction::Benefit),
        },
        AmplifiedExperientialKnowledge = "amplified_experiential_knowledge" {
            label: "Amplified experiential knowledge",
            definition: "Peers amplifying the status of diverse, marginalised forms of knowledge, values and related ways of working in services.",
            sources: [PROFESSIONALS_VALUE_PEERS],
            mapping: OutcomeMapping::new(Beneficiary::OrganisationSystem, Direction::Benefit),
            relations: [Related(Value, "experiential_knowledge")],
        },
    }
}
