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
        OrganisationalCulture = "organisational_culture" {
            label: "Organisational culture",
            definition: "The shared values, norms and ways of working of the organisation introducing peer roles: the influence on implementation reported most often by Ibrahim et al. (2020), in over half of the papers they reviewed, which they say includes role support (training, role clarity, resourcing, a peer network) and sits beside staff attitudes; Cooper et al. (2024) report a supportive, accepting and trusting culture in which peer workers are central and fit in with other staff.",
            sources: [IMPLEMENTATION_INFLUENCES_REVIEW, PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::Culture,
            relations: [Related(Facilitator, "staff_attitudes")],
        },
        RoleClarity = "role_clarity" {
            label: "Role clarity",
            definition: "A clear, shared definition of what the peer role is and is not. Ibrahim et al. (2020) found role definition reported by 40% of the papers they reviewed and count role clarity as part of the role support an organisational culture gives (so: narrower than organisational_culture); its lack is what role_expectation_mismatch and no_consensus_on_peer_practice describe, and role_flexibility_with_structure is the balance it has to strike (so: related to each).",
            sources: [IMPLEMENTATION_INFLUENCES_REVIEW],
            mapping: CfirConstruct::WorkInfrastructure,
            relations: [Broader(Facilitator, "organisational_culture"), Related(Barrier, "role_expectation_mismatch"), Related(Barrier, "no_consensus_on_peer_practice"), Related(Facilitator, "role_flexibility_with_structure")],
        },
        StaffAttitudes = "staff_attitudes" {
            label: "Staff attitudes",
            definition: "How non-peer staff regard peer workers and the peer role, which Ibrahim et al. (2020) name beside organisational culture as what services should attend to; negative attitudes are one way peer workers come to be undervalued_by_organisation (so: related).",
            sources: [IMPLEMENTATION_INFLUENCES_REVIEW],
            mapping: CfirConstruct::Culture,
            relations: [Related(Barrier, "undervalued_by_organisation")],
        },
        Resourcing = "resourcing" {
            label: "Resourcing",
            definition: "Resources for the peer role (posts, time, money, equipment) inside the organisation; part of the role support Ibrahim et al. (2020) place within organisational culture (so: narrower than organisational_culture), and the organisational side of insufficient_funding (so: related).",
            sources: [IMPLEMENTATION_INFLUENCES_REVIEW],
            mapping: CfirConstruct::AvailableResources,
            relations: [Broader(Facilitator, "organisational_culture"), Related(Barrier, "insufficient_funding")],
        },
        PeerNetworkAccess = "peer_network_access" {
            label: "Access to a wider peer network",
            definition: "Peer workers being able to connect with other peer workers beyond their own team or organisation; Ibrahim et al. (2020) count access to a peer network as role support within organisational culture (so: related to it), and Cooper et al. (2024) report it as an outer-setting facilitator.",
            sources: [IMPLEMENTATION_INFLUENCES_REVIEW, PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::PartnershipsAndConnections,
            relations: [Related(Facilitator, "organisational_culture")],
        },
        RecognisedCertification = "recognised_certification" {
            label: "Recognised certification",
            definition: "A recognised qualification or certification for peer workers; Cooper et al. (2024) report its absence as an outer-setting barrier (encode that as this facilitator, absent, as a barrier). It certifies the kind of skills peer_specific_training builds (so: related).",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::PoliciesAndLaws,
            relations: [Related(Facilitator, "peer_specific_training")],
        },
        NationalPolicyAndFunding = "national_policy_and_funding" {
            label: "National policy and funding",
            definition: "National policy, and funding attached to it, for employing and retaining peer workers, reported by Cooper et al. (2024) as an outer-setting facilitator; the system-level counterpart of the funding constraints insufficient_funding describes (so: related).",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::Financing,
            relations: [Related(Barrier, "insufficient_funding")],
        },
        IntegrationWithExistingSystems = "integration_with_existing_systems" {
            label: "Integration with existing systems",
            definition: "Peer support built into the existing healthcare system and its pathways rather than standing apart from it, reported by Cooper et al. (2024) as an outer-setting facilitator; at team level, team_commitment_to_integration is the same aim (so: related).",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::PartnershipsAndConnections,
            relations: [Related(Facilitator, "team_commitment_to_integration")],
        },
        LeadershipFromTheTop = "leadership_from_the_top" {
            label: "Leadership from the top",
            definition: "Strong leadership and support for peer work from the most senior leaders of the organisation, reported by Cooper et al. (2024); a kind of supportive_leadership, at the highest level of authority (so: narrower than it).",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::HighLevelLeaders,
            relations: [Broader(Facilitator, "supportive_leadership")],
        },
        RecoveryOrientedWorkplaceCulture = "recovery_oriented_workplace_culture" {
            label: "Recovery-oriented workplace culture",
            definition: "A workplace culture that puts recovery-oriented practice first, reported by Cooper et al. (2024) as an inner-setting facilitator: an aspect of organisational_culture (so: narrower than it) that matches a recovery_oriented_service_model (so: related).",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::RecipientCenteredness,
            relations: [Broader(Facilitator, "organisational_culture"), Related(Facilitator, "recovery_oriented_service_model")],
        },
        EmployerFlexibility = "employer_flexibility" {
            label: "Employer flexibility",
            definition: "Employers who understand what peer workers need and adapt working arrangements to it, reported by Cooper et al. (2024); the employer's counterpart of room_for_peer_ways_of_working, the service's flexibility towards peer practice (so: related).",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::DelivererCenteredness,
            relations: [Related(Facilitator, "room_for_peer_ways_of_working")],
        },
        PsychologicalSafety = "psychological_safety" {
            label: "Psychological safety",
            definition: "A trusting culture in which risk can be discussed and managed without fear, so that peer workers can work in a psychologically safe way, reported by Cooper et al. (2024): an aspect of organisational_culture (so: narrower than it).",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::LearningCenteredness,
            relations: [Broader(Facilitator, "organisational_culture")],
        },
        CoProductionOfService = "co_production_of_service" {
            label: "Co-production of the service",
            definition: "Designing the peer support service together with the community it serves, reported by Cooper et al. (2024) as a facilitator in the innovation domain: the community shares in being the innovation's source.",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::InnovationSource,
        },
        AcceptabilityAndFeasibility = "acceptability_and_feasibility" {
            label: "Acceptability and feasibility",
            definition: "Peer-led support being acceptable to those who give and receive it and feasible to deliver, which Cooper et al. (2024) report as high, under the innovation domain; CFIR 2.0 has no acceptability construct, so it maps to the innovation's design.",
            sources: [PEER_SUPPORT_UMBRELLA_REVIEW],
            mapping: CfirConstruct::InnovationDesign,
        },
    }
}
