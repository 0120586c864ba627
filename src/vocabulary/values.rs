//! Values underpinning peer support work.

vocabulary! {
    /// A value underpinning peer support: held by peer support workers (the 2025
    /// study of PSWs' roles and experiences) or valued in their work by
    /// professionals (Moore et al., 2021).
    pub enum PeerValue: kind Value, mapping () {
        RecoveryIsPossible = "recovery_is_possible" {
            label: "Recovery is possible",
            definition: "Belief that recovery is possible, expressed by bringing hope, role-modelling recovery and encouraging change.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
        },
        Mutuality = "mutuality" {
            label: "Mutuality",
            definition: "Sharing lived experiences with the people supported to bring empathy and build connection.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
            relations: [Related(Value, "relational_empathy"), Related(WayOfWorking, "sharing_lived_experience")],
        },
        PersonCentred = "person_centred" {
            label: "Person-centred approach",
            definition: "Adapting ways of working to the individual being supported.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
        },
        EmpoweringNotFixing = "empowering_not_fixing" {
            label: "Empowering, not 'fixing'",
            definition: "Empowering service users to direct their own recovery instead of trying to 'fix' them.",
            sources: [PSW_ROLES_AND_EXPERIENCES],
            mapping: (),
        },
        ExperientialKnowledge = "experiential_knowledge" {
            label: "Experiential knowledge",
            definition: "Subjective, lived experience treated as a valid form of knowledge, alongside knowledge that favours objectivity.",
            sources: [PROFESSIONALS_VALUE_PEERS],
            mapping: (),
            relations: [Related(Barrier, "dominance_of_objective_knowledge")],
        },
        RelationalEmpathy = "relational_empathy" {
            label: "Relational empathy",
            definition: "The deeply empathic, relational approach peers bring, based in their subjective experience.",
            sources: [PROFESSIONALS_VALUE_PEERS],
            mapping: (),
            relations: [Related(Value, "experiential_knowledge")],
        },
        AffectFocused = "affect_focused" {
            label: "Affect-focused",
            definition: "Attention to feelings: the affect-focused quality professionals valued in peer work.",
            sources: [PROFESSIONALS_VALUE_PEERS],
            mapping: (),
        },
    }
}
