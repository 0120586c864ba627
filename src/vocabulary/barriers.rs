//! Barriers: what gets in the way of peer support work.

use super::CfirConstruct;

vocabulary! {
    /// Something that gets in the way of delivering peer support, or of the
    /// role achieving its potential. Each maps to a CFIR 2.0 construct.
    pub enum Barrier: kind Barrier, mapping CfirConstruct {
        TensionWithClinicalApproaches = "tension_with_clinical_approaches" {
            label: "Tension with clinical approaches",
            definition: "Tensions arising between peer support workers' non-clinical, recovery-oriented ways of working and more clinical approaches.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: CfirConstruct::Compatibility,
        },
        EmotionalDemands = "emotional_demands" {
            label: "Emotional demands",
            definition: "The challenging personal and emotional aspects of being a peer support worker, which can lead to burnout.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: CfirConstruct::InnovationDeliverers,
        },
        InsufficientFunding = "insufficient_funding" {
            label: "Insufficient funding",
            definition: "Systemic funding constraints in mental health systems that affect peer roles and how they are valued.",
            sources: [PSW_BARRIERS_AND_FACILITATORS],
            mapping: CfirConstruct::Financing,
            relations: [Related(Barrier, "low_pay")],
        },
        LowPay = "low_pay" {
            label: "Low pay",
            definition: "Pay for peer roles that affects peer support workers' personal experience and signals how they are valued.",
            sources: [PSW_BARRIERS_AND_FACILITATORS],
            mapping: CfirConstruct::IncentiveSystems,
            relations: [Related(Barrier, "undervalued_by_organisation")],
        },
        LimitedCareerProgression = "limited_career_progression" {
            label: "Limited career progression",
            definition: "Few routes for peer support workers to progress in their careers.",
            sources: [PSW_BARRIERS_AND_FACILITATORS],
            mapping: CfirConstruct::IncentiveSystems,
        },
        UndervaluedByOrganisation = "undervalued_by_organisation" {
            label: "Undervalued by the organisation",
            definition: "Little value placed on peer support workers in the wider organisation.",
            sources: [PSW_BARRIERS_AND_FACILITATORS],
            mapping: CfirConstruct::DelivererCenteredness,
        },
        InformalRecruitment = "informal_recruitment" {
            label: "Informal recruitment",
            definition: "Recruiting peer workers without a formal process, so that differing expectations of the role can emerge at the selection stage.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: CfirConstruct::Engaging,
            relations: [Related(Facilitator, "formal_recruitment_process"), Related(Barrier, "role_expectation_mismatch")],
        },
        RoleExpectationMismatch = "role_expectation_mismatch" {
            label: "Role expectation mismatch",
            definition: "Differences between what peer workers, staff and managers expect the peer role to be.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: CfirConstruct::Planning,
        },
        HierarchyReinforcedByWorkingArrangements = "hierarchy_reinforced_by_working_arrangements" {
            label: "Hierarchy reinforced by working arrangements",
            definition: "Flexible working arrangements for peer workers having the unintended effect of perpetuating hierarchies within teams.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: CfirConstruct::WorkInfrastructure,
        },
        ProtectiveBoundariesDilutePeerPractice = "protective_boundaries_dilute_peer_practice" {
            label: "Protective boundaries dilute peer practice",
            definition: "Maintaining protective practice boundaries through supervision and training, militating against the emergence of a distinctive body of peer practice.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: CfirConstruct::Compatibility,
        },
        NoConsensusOnPeerPractice = "no_consensus_on_peer_practice" {
            label: "No consensus on peer practice",
            definition: "Lack of consensus around what constitutes peer practice, leaving peer workers feeling unequal, disempowered, uncertain of their identity and under-supported.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: CfirConstruct::InnovationDesign,
        },
        DominanceOfObjectiveKnowledge = "dominance_of_objective_knowledge" {
            label: "Dominance of objective knowledge",
            definition: "Dominant ways of working in services based in forms of knowledge that favour objectivity, which peer values trouble and which marginalise experiential knowledge.",
            sources: [PROFESSIONALS_VALUE_PEERS],
            mapping: CfirConstruct::Culture,
        },
        PeersAsIsolatedSolution = "peers_as_isolated_solution" {
            label: "Peers as an isolated solution",
            definition: "Treating peers as an isolated solution to the marginalisation of experiential knowledge, rather than reflecting their way of working in other roles.",
            sources: [PROFESSIONALS_VALUE_PEERS],
            mapping: CfirConstruct::WorkInfrastructure,
        },
        BenefitsInterference = "benefits_interference" {
            label: "Interference with social security benefits",
            definition: "Paid peer work, or more hours of it, putting the social security benefits a peer worker relies on at risk, reported by Cooper et al. (2024) as an outer-setting barrier; like low_pay, a financial condition of the role that shapes whether it can be taken up (so: related).",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::PoliciesAndLaws,
            relations: [Related(Barrier, "low_pay")],
        },
        PowerHierarchies = "power_hierarchies" {
            label: "Power hierarchies",
            definition: "Hierarchies of status and power in some cultural contexts that leave peer workers little standing, reported by Cooper et al. (2024) as an outer-setting barrier; the wider form of the team hierarchies hierarchy_reinforced_by_working_arrangements describes (so: related).",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::LocalAttitudes,
            relations: [Related(Barrier, "hierarchy_reinforced_by_working_arrangements")],
        },
        MedicalModelMisfit = "medical_model_misfit" {
            label: "Poor fit with a medical model of care",
            definition: "Difficulty fitting peer workers into services organised around a medical model of care, reported by Cooper et al. (2024) as an outer-setting barrier; close to tension_with_clinical_approaches and dominance_of_objective_knowledge, which describe the same clash inside teams (so: related to each).",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::LocalAttitudes,
            relations: [Related(Barrier, "tension_with_clinical_approaches"), Related(Barrier, "dominance_of_objective_knowledge")],
        },
    }
}
