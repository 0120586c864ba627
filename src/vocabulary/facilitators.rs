//! Facilitators: what helps peer support work be delivered well.

use super::CfirConstruct;

vocabulary! {
    /// Something that helps peer support workers carry out their role
    /// effectively. Each maps to a CFIR 2.0 construct (and so a domain).
    pub enum Facilitator: kind Facilitator, mapping CfirConstruct {
        RoleFlexibilityWithStructure = "role_flexibility_with_structure" {
            label: "Role flexibility with structure",
            definition: "A role that is flexible while having some structure and boundaries.",
            sources: [PSW_BARRIERS_AND_FACILITATORS],
            mapping: CfirConstruct::InnovationAdaptability,
        },
        Supervision = "supervision" {
            label: "Supervision",
            definition: "Support and supervision that help peer support workers deliver the unique elements of their job and navigate its challenging personal aspects.",
            sources: [PSW_BARRIERS_AND_FACILITATORS],
            mapping: CfirConstruct::AccessToKnowledgeAndInformation,
        },
        PeerSpecificTraining = "peer_specific_training" {
            label: "Peer-specific training",
            definition: "Training that ensures peer support workers are skilled in delivering the unique, peer-specific elements of their job.",
            sources: [PSW_BARRIERS_AND_FACILITATORS],
            mapping: CfirConstruct::AccessToKnowledgeAndInformation,
        },
        SupportiveTeam = "supportive_team" {
            label: "Supportive team",
            definition: "Working within a strong team that supports the peer support worker.",
            sources: [PSW_BARRIERS_AND_FACILITATORS],
            mapping: CfirConstruct::RelationalConnections,
        },
        SupportiveLeadership = "supportive_leadership" {
            label: "Supportive leadership",
            definition: "Leaders who support and value peer support workers and help them navigate the challenging personal aspects of the role.",
            sources: [PSW_BARRIERS_AND_FACILITATORS],
            mapping: CfirConstruct::MidLevelLeaders,
        },
        RecoveryOrientedServiceModel = "recovery_oriented_service_model" {
            label: "Recovery-oriented service model",
            definition: "Services organised around recovery-orientated models, which fit the peer approach.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: CfirConstruct::Compatibility,
        },
        SharedLearningSpace = "shared_learning_space" {
            label: "Shared learning space",
            definition: "Space for shared learning between peer support workers and the services they work in.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: CfirConstruct::LearningCenteredness,
        },
        RoomForPeerWaysOfWorking = "room_for_peer_ways_of_working" {
            label: "Room for peer ways of working",
            definition: "Flexibility in services to incorporate peer support workers' unique ways of working.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: CfirConstruct::WorkInfrastructure,
        },
        FormalRecruitmentProcess = "formal_recruitment_process" {
            label: "Formal recruitment process",
            definition: "A formal process for recruiting and selecting peer workers; Gillard et al. (2013) report its absence, which let differing expectations of the role emerge at selection.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: CfirConstruct::Engaging,
        },
        TeamCommitmentToIntegration = "team_commitment_to_integration" {
            label: "Team commitment to integration",
            definition: "Non-peer team members and managers working hard to introduce peer workers into teams.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: CfirConstruct::Teaming,
        },
    }
}
