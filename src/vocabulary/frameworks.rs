//! The established frameworks vocabulary entries map onto: CFIR 2.0 for
//! barriers and facilitators, CHIME for personal-recovery outcomes, and who an
//! outcome benefits or harms.

use serde::Serialize;

closed_codes! {
    /// A domain of the Consolidated Framework for Implementation Research, 2.0
    /// (Damschroder et al., 2022).
    pub enum CfirDomain: kind "CFIR domain" {
        /// The thing being implemented: here, the peer support role itself.
        Innovation = "innovation", "Innovation",
        /// The setting the inner setting sits in: policy, financing, wider system.
        OuterSetting = "outer_setting", "Outer Setting",
        /// The organisation and team where the role is implemented.
        InnerSetting = "inner_setting", "Inner Setting",
        /// The roles and characteristics of the people involved.
        Individuals = "individuals", "Individuals",
        /// The activities and strategies used to implement the role.
        ImplementationProcess = "implementation_process", "Implementation Process",
    }
}

closed_codes! {
    /// A CFIR 2.0 construct (or sub-construct). Its domain is [`CfirConstruct::domain`].
    #[non_exhaustive]
    pub enum CfirConstruct: kind "CFIR construct" {
        /// Innovation: the group that developed or is visibly sponsoring the innovation.
        InnovationSource = "innovation_source", "Innovation Source",
        /// Innovation: the strength and quality of the evidence behind it.
        InnovationEvidenceBase = "innovation_evidence_base", "Innovation Evidence-Base",
        /// Innovation: advantage over other available options.
        InnovationRelativeAdvantage = "innovation_relative_advantage", "Innovation Relative Advantage",
        /// Innovation: how far it can be tailored or refined to local needs.
        InnovationAdaptability = "innovation_adaptability", "Innovation Adaptability",
        /// Innovation: whether it can be tried out on a small scale.
        InnovationTrialability = "innovation_trialability", "Innovation Trialability",
        /// Innovation: how complicated or intricate it is.
        InnovationComplexity = "innovation_complexity", "Innovation Complexity",
        /// Innovation: how well designed and packaged it is, including what it is and how it is delivered.
        InnovationDesign = "innovation_design", "Innovation Design",
        /// Innovation: its costs.
        InnovationCost = "innovation_cost", "Innovation Cost",
        /// Outer setting: sudden, unanticipated events.
        CriticalIncidents = "critical_incidents", "Critical Incidents",
        /// Outer setting: sociocultural values and beliefs.
        LocalAttitudes = "local_attitudes", "Local Attitudes",
        /// Outer setting: economic, environmental, political and technological conditions.
        LocalConditions = "local_conditions", "Local Conditions",
        /// Outer setting: networks with external organisations.
        PartnershipsAndConnections = "partnerships_and_connections", "Partnerships & Connections",
        /// Outer setting: legislation, regulation, guidelines and policy.
        PoliciesAndLaws = "policies_and_laws", "Policies & Laws",
        /// Outer setting: funding from external entities.
        Financing = "financing", "Financing",
        /// Outer setting: external pressures to implement.
        ExternalPressure = "external_pressure", "External Pressure",
        /// Inner setting: infrastructure components supporting the setting.
        StructuralCharacteristics = "structural_characteristics", "Structural Characteristics",
        /// Inner setting (structural characteristics): organisation of tasks, roles and people.
        WorkInfrastructure = "work_infrastructure", "Work Infrastructure",
        /// Inner setting: high-quality formal and informal relationships and networks.
        RelationalConnections = "relational_connections", "Relational Connections",
        /// Inner setting: formal and informal information sharing.
        Communications = "communications", "Communications",
        /// Inner setting: shared values, beliefs and norms.
        Culture = "culture", "Culture",
        /// Inner setting (culture): equality and fairness of all people.
        HumanEqualityCenteredness = "human_equality_centeredness", "Human Equality-Centeredness",
        /// Inner setting (culture): caring about the needs of recipients.
        RecipientCenteredness = "recipient_centeredness", "Recipient-Centeredness",
        /// Inner setting (culture): caring about the needs and wellbeing of deliverers.
        DelivererCenteredness = "deliverer_centeredness", "Deliverer-Centeredness",
        /// Inner setting (culture): psychological safety, competence and learning.
        LearningCenteredness = "learning_centeredness", "Learning-Centeredness",
        /// Inner setting: how intolerable the current situation is.
        TensionForChange = "tension_for_change", "Tension for Change",
        /// Inner setting: fit with workflows, systems, processes and values.
        Compatibility = "compatibility", "Compatibility",
        /// Inner setting: priority compared with other initiatives.
        RelativePriority = "relative_priority", "Relative Priority",
        /// Inner setting: extrinsic incentives and disincentives (pay, promotion, recognition).
        IncentiveSystems = "incentive_systems", "Incentive Systems",
        /// Inner setting: fit with the organisation's mission.
        MissionAlignment = "mission_alignment", "Mission Alignment",
        /// Inner setting: resources available to implement and deliver.
        AvailableResources = "available_resources", "Available Resources",
        /// Inner setting: ease of access to guidance, training and information.
        AccessToKnowledgeAndInformation = "access_to_knowledge_and_information", "Access to Knowledge & Information",
        /// Individuals: leaders with a high level of authority.
        HighLevelLeaders = "high_level_leaders", "High-Level Leaders",
        /// Individuals: leaders with a moderate level of authority, such as team managers.
        MidLevelLeaders = "mid_level_leaders", "Mid-Level Leaders",
        /// Individuals: people with informal influence.
        OpinionLeaders = "opinion_leaders", "Opinion Leaders",
        /// Individuals: people with subject-matter expertise supporting implementation.
        ImplementationFacilitators = "implementation_facilitators", "Implementation Facilitators",
        /// Individuals: people who lead implementation.
        ImplementationLeads = "implementation_leads", "Implementation Leads",
        /// Individuals: people who collaborate with the leads.
        ImplementationTeamMembers = "implementation_team_members", "Implementation Team Members",
        /// Individuals: others who support implementation.
        OtherImplementationSupport = "other_implementation_support", "Other Implementation Support",
        /// Individuals: people who deliver the innovation (here, peer workers).
        InnovationDeliverers = "innovation_deliverers", "Innovation Deliverers",
        /// Individuals: people who receive the innovation (here, service users).
        InnovationRecipients = "innovation_recipients", "Innovation Recipients",
        /// Individuals (characteristics): a deficit that will be addressed.
        Need = "need", "Need",
        /// Individuals (characteristics): interpersonal competence, knowledge and skills.
        Capability = "capability", "Capability",
        /// Individuals (characteristics): availability, scope and power to fulfil the role.
        Opportunity = "opportunity", "Opportunity",
        /// Individuals (characteristics): commitment to fulfilling the role.
        Motivation = "motivation", "Motivation",
        /// Implementation process: joining together and working collaboratively.
        Teaming = "teaming", "Teaming",
        /// Implementation process: assessing the needs of deliverers and recipients.
        AssessingNeeds = "assessing_needs", "Assessing Needs",
        /// Implementation process: assessing barriers and facilitators in the context.
        AssessingContext = "assessing_context", "Assessing Context",
        /// Implementation process: planning roles, tasks and goals in advance.
        Planning = "planning", "Planning",
        /// Implementation process: choosing and tailoring strategies to barriers.
        TailoringStrategies = "tailoring_strategies", "Tailoring Strategies",
        /// Implementation process: attracting and encouraging participation, including recruitment.
        Engaging = "engaging", "Engaging",
        /// Implementation process: implementing in small steps.
        Doing = "doing", "Doing",
        /// Implementation process: collecting and discussing feedback about implementation.
        ReflectingAndEvaluating = "reflecting_and_evaluating", "Reflecting & Evaluating",
        /// Implementation process: modifying the innovation or inner setting.
        Adapting = "adapting", "Adapting",
    }
}

impl CfirConstruct {
    /// The CFIR 2.0 domain this construct belongs to.
    pub const fn domain(self) -> CfirDomain {
        use CfirConstruct::*;
        match self {
            InnovationSource
            | InnovationEvidenceBase
            | InnovationRelativeAdvantage
            | InnovationAdaptability
            | InnovationTrialability
            | InnovationComplexity
            | InnovationDesign
            | InnovationCost => CfirDomain::Innovation,
            CriticalIncidents
            | LocalAttitudes
            | LocalConditions
            | PartnershipsAndConnections
            | PoliciesAndLaws
            | Financing
            | ExternalPressure => CfirDomain::OuterSetting,
            StructuralCharacteristics
            | WorkInfrastructure
            | RelationalConnections
            | Communications
            | Culture
            | HumanEqualityCenteredness
            | RecipientCenteredness
            | DelivererCenteredness
            | LearningCenteredness
            | TensionForChange
            | Compatibility
            | RelativePriority
            | IncentiveSystems
            | MissionAlignment
            | AvailableResources
            | AccessToKnowledgeAndInformation => CfirDomain::InnerSetting,
            HighLevelLeaders
            | MidLevelLeaders
            | OpinionLeaders
            | ImplementationFacilitators
            | ImplementationLeads
            | ImplementationTeamMembers
            | OtherImplementationSupport
            | InnovationDeliverers
            | InnovationRecipients
            | Need
            | Capability
            | Opportunity
            | Motivation => CfirDomain::Individuals,
            Teaming
            | AssessingNeeds
            | AssessingContext
            | Planning
            | TailoringStrategies
            | Engaging
            | Doing
            | ReflectingAndEvaluating
            | Adapting => CfirDomain::ImplementationProcess,
        }
    }
}

closed_codes! {
    /// A personal-recovery process of the CHIME framework (Leamy et al., 2011).
    pub enum ChimeProcess: kind "CHIME process" {
        /// Peer support, relationships, being part of the community.
        Connectedness = "connectedness", "Connectedness",
        /// Hope and optimism about the future: belief in recovery, motivation to change.
        Hope = "hope", "Hope and optimism",
        /// Rebuilding a positive sense of identity, overcoming stigma.
        Identity = "identity", "Identity",
        /// Meaning in life: meaning of experience, meaningful roles and goals.
        Meaning = "meaning", "Meaning in life",
        /// Personal responsibility, control over life, focus on strengths.
        Empowerment = "empowerment", "Empowerment",
    }
}

closed_codes! {
    /// Who an outcome of peer support work falls on.
    #[non_exhaustive]
    pub enum Beneficiary: kind "beneficiary" {
        /// People using mental health services who receive peer support.
        ServiceUser = "service_user", "Service user",
        /// The peer support worker themself.
        PeerWorker = "peer_worker", "Peer worker",
        /// The mental health team the peer worker is part of.
        Team = "team", "Team",
        /// The wider organisation or mental health system.
        OrganisationSystem = "organisation_system", "Organisation or system",
    }
}

closed_codes! {
    /// Whether an outcome is good or bad for whom it falls on.
    #[non_exhaustive]
    pub enum Direction: kind "direction" {
        /// The outcome benefits them.
        Benefit = "benefit", "Benefit",
        /// The outcome harms them.
        Harm = "harm", "Harm",
        /// A limit on a benefit rather than a harm in itself (peer support "may not be right for everyone").
        Caveat = "caveat", "Caveat",
    }
}

/// The mapping an outcome entry carries: who it falls on, which way, and —
/// for service-user personal-recovery outcomes — its CHIME process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct OutcomeMapping {
    /// Who the outcome falls on.
    pub beneficiary: Beneficiary,
    /// Benefit, harm or caveat.
    pub direction: Direction,
    /// The CHIME process, for personal-recovery outcomes.
    pub chime: Option<ChimeProcess>,
}

impl OutcomeMapping {
    /// An outcome that is not a CHIME process.
    pub const fn new(beneficiary: Beneficiary, direction: Direction) -> Self {
        OutcomeMapping {
            beneficiary,
            direction,
            chime: None,
        }
    }

    /// A service-user benefit that is a CHIME personal-recovery process.
    pub const fn recovery(chime: ChimeProcess) -> Self {
        OutcomeMapping {
            beneficiary: Beneficiary::ServiceUser,
            direction: Direction::Benefit,
            chime: Some(chime),
        }
    }
}

/// Every framework mapping an entry can carry, flattened; the codebook
/// serializes only the ones present.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Mappings {
    /// CFIR 2.0 domain (facilitators and barriers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cfir_domain: Option<CfirDomain>,
    /// CFIR 2.0 construct (facilitators and barriers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cfir_construct: Option<CfirConstruct>,
    /// CHIME process (service-user personal-recovery outcomes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chime: Option<ChimeProcess>,
    /// Who an outcome falls on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beneficiary: Option<Beneficiary>,
    /// Benefit or harm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

/// A per-vocabulary mapping type that can describe itself as [`Mappings`].
///
/// Sealed: implemented by `()`, [`CfirConstruct`] and [`OutcomeMapping`] only.
pub trait Mapping: super::sealed::Sealed + Copy {
    /// The flattened form.
    fn mappings(self) -> Mappings;
}

impl super::sealed::Sealed for () {}
impl super::sealed::Sealed for CfirConstruct {}
impl super::sealed::Sealed for OutcomeMapping {}

impl Mapping for () {
    fn mappings(self) -> Mappings {
        Mappings::default()
    }
}

impl Mapping for CfirConstruct {
    fn mappings(self) -> Mappings {
        Mappings {
            cfir_domain: Some(self.domain()),
            cfir_construct: Some(self),
            ..Mappings::default()
        }
    }
}

impl Mapping for OutcomeMapping {
    fn mappings(self) -> Mappings {
        Mappings {
            chime: self.chime,
            beneficiary: Some(self.beneficiary),
            direction: Some(self.direction),
            ..Mappings::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_codes_round_trip_and_reject_unknown() {
        for c in CfirConstruct::ALL {
            assert_eq!(c.code().parse::<CfirConstruct>().unwrap(), *c);
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(serde_json::from_str::<CfirConstruct>(&json).unwrap(), *c);
        }
        let err = "outer".parse::<CfirDomain>().unwrap_err();
        assert!(err.to_string().contains("outer_setting"), "{err}");
        assert!(serde_json::from_str::<ChimeProcess>(r#""joy""#).is_err());
    }

    #[test]
    fn every_domain_has_constructs() {
        for d in CfirDomain::ALL {
            assert!(CfirConstruct::ALL.iter().any(|c| c.domain() == *d), "{d}");
        }
    }
}
