//! Roles: what peer roles are called, how they are employed, how peers work,
//! who takes part in studies of them, and where they work.

vocabulary! {
    /// A title under which people are employed to use their lived experience
    /// of mental health problems to support others. Seed 002 lists these
    /// synonyms and uses `peer_worker` as the generic term.
    pub enum RoleTitle: kind Role, mapping () {
        PeerSupportWorker = "peer_support_worker" {
            label: "Peer Support Worker",
            definition: "A person employed in a mental health service to use their own lived experience of mental health problems to support others; the title used in England's NHS.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS, PEER_WORKER_ROLES_IN_TEAMS, PROFESSIONALS_VALUE_PEERS],
            mapping: (),
            relations: [Broader(Role, "peer_worker")],
        },
        PeerSupportSpecialist = "peer_support_specialist" {
            label: "Peer Support Specialist",
            definition: "A synonym for a peer support role, named in the literature as one of the terms used to identify people employed to use their lived experience.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
            relations: [Broader(Role, "peer_worker")],
        },
        ConsumerProvider = "consumer_provider" {
            label: "Consumer-Provider",
            definition: "A synonym for a peer worker, from the 'consumer' tradition: a service user (consumer) employed by a mental health service organisation to provide support.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
            relations: [Broader(Role, "peer_worker")],
        },
        PeerWorker = "peer_worker" {
            label: "Peer Worker",
            definition: "The generic term for people intentionally employed to make use of their personal experience of mental health issues in delivering services, without limiting the range of roles.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
        },
    }
}

vocabulary! {
    /// How a peer role is employed.
    pub enum Employment: kind Employment, mapping () {
        Paid = "paid" {
            label: "Paid",
            definition: "Employed and paid for the peer role; the interview studies of peer support workers the codebook draws on sampled only paid peer support workers.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS, PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
        },
        Volunteer = "volunteer" {
            label: "Volunteer",
            definition: "Giving peer support without pay; the source studies define their samples by contrast with it by specifying paid peer support workers.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
    }
}

vocabulary! {
    /// A distinctive feature of how peer support workers work (the first theme of the 2025 study of PSWs' roles and experiences).
    pub enum WayOfWorking: kind WayOfWorking, mapping () {
        IndividualisedFlexibleApproach = "individualised_flexible_approach" {
            label: "Individualised, flexible approach",
            definition: "Working in a way shaped around each person rather than a fixed protocol; described as central to, and the unifying feature of, peer support work.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
        },
        SharingLivedExperience = "sharing_lived_experience" {
            label: "Sharing lived experience",
            definition: "Drawing on and disclosing one's own experience of mental health problems to facilitate the recovery of the people supported.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
        },
        BuildingConnection = "building_connection" {
            label: "Building connection",
            definition: "Forming a relationship with the person supported, grounded in shared experience, as a route to recovery.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
            relations: [Related(Value, "mutuality")],
        },
        Advocacy = "advocacy" {
            label: "Advocacy",
            definition: "Speaking up for service users' needs within the service.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
        },
        NonClinicalSupport = "non_clinical_support" {
            label: "Non-clinical support",
            definition: "Supporting people in non-clinical ways, as most peer support workers interviewed did, rather than through clinical assessment or treatment.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
        },
        HolisticSupport = "holistic_support" {
            label: "Holistic support",
            definition: "Attending to the whole person and their life, not only symptoms or diagnosis.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
        },
        RecoveryOrientedSupport = "recovery_oriented_support" {
            label: "Recovery-oriented support",
            definition: "Support aimed at the person's own recovery as they define it.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
        },
    }
}

vocabulary! {
    /// A group of people who take part in studies of peer support.
    pub enum Stakeholder: kind Stakeholder, mapping () {
        PeerWorker = "peer_worker" {
            label: "Peer worker",
            definition: "A person employed in a peer role (any title), interviewed about their own work.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS, PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
        },
        ServiceUser = "service_user" {
            label: "Service user",
            definition: "A person using mental health services (a 'consumer'), including those receiving peer support.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
        },
        NonPeerStaff = "non_peer_staff" {
            label: "Non-peer staff",
            definition: "Members of a mental health team who are not employed in a peer role.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
        },
        Manager = "manager" {
            label: "Manager",
            definition: "A person managing a team or service into which peer workers are introduced.",
            sources: [PEER_WORKER_ROLES_IN_TEAMS],
            mapping: (),
        },
        MentalHealthProfessional = "mental_health_professional" {
            label: "Mental health professional",
            definition: "A qualified professional (for example a psychologist or nurse) working in mental health services alongside peers.",
            sources: [PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
    }
}

vocabulary! {
    /// Where peer support is delivered. The source studies sample "a range of settings"
    /// without naming them; these are the usual NHS mental health settings,
    /// plus an open `other`.
    pub enum Setting: kind Setting, mapping () {
        Inpatient = "inpatient" {
            label: "Inpatient ward",
            definition: "A hospital ward where people stay while receiving mental health care.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        CommunityTeam = "community_team" {
            label: "Community mental health team",
            definition: "A multidisciplinary team supporting people living in the community.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        Crisis = "crisis" {
            label: "Crisis service",
            definition: "Crisis resolution, home treatment, crisis house or crisis line services for people in acute distress.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        EarlyIntervention = "early_intervention" {
            label: "Early intervention in psychosis",
            definition: "Services for people experiencing a first episode of psychosis.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        Forensic = "forensic" {
            label: "Forensic service",
            definition: "Secure and forensic mental health services for people in contact with the criminal justice system.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        Perinatal = "perinatal" {
            label: "Perinatal service",
            definition: "Services for people with mental health problems during pregnancy and after birth.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        ChildrenAndYoungPeople = "children_and_young_people" {
            label: "Children and young people's service",
            definition: "Mental health services for children and young people.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        OlderAdults = "older_adults" {
            label: "Older adults' service",
            definition: "Mental health services for older adults.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        PrimaryCare = "primary_care" {
            label: "Primary care",
            definition: "Mental health support delivered in or alongside general practice.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        RecoveryCollege = "recovery_college" {
            label: "Recovery college",
            definition: "An educational service offering co-produced courses on recovery and wellbeing.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        VoluntarySector = "voluntary_sector" {
            label: "Voluntary sector",
            definition: "Charities and community organisations providing mental health support.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        Housing = "housing" {
            label: "Housing support",
            definition: "Supported housing and housing-related mental health support.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS],
            mapping: (),
        },
        Other = "other" {
            label: "Other setting",
            definition: "A setting not listed here; describe it in the study's notes or extensions.",
            sources: [PSW_ROLES_AND_EXPERIENCES, PSW_BARRIERS_AND_FACILITATORS, PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
    }
}
