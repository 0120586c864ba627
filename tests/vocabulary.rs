//! The vocabulary against the codes the format promised from its first
//! release (the acceptance checklist of the design), and the contract
//! every vocabulary enum keeps: one code for FromStr, Display and serde; unknown
//! codes kept byte for byte; malformed codes rejected with a reason.

use std::collections::HashSet;

use peer_support::Codebook;
use peer_support::vocabulary::{
    Analysis, Barrier, Employment, Facilitator, Kind, Method, Outcome, PeerValue, RoleTitle,
    Setting, Stakeholder, Vocabulary, WayOfWorking,
};

/// The design's checklist of required codes, copied code for code. A
/// missing or renamed code fails.
const CHECKLIST: &[(Kind, &[&str])] = &[
    (
        Kind::Role,
        &[
            "peer_support_worker",
            "peer_support_specialist",
            "consumer_provider",
            "peer_worker",
        ],
    ),
    (Kind::Employment, &["paid", "volunteer"]),
    (
        Kind::WayOfWorking,
        &[
            "individualised_flexible_approach",
            "sharing_lived_experience",
            "building_connection",
            "advocacy",
            "non_clinical_support",
            "holistic_support",
            "recovery_oriented_support",
        ],
    ),
    (
        Kind::Stakeholder,
        &[
            "peer_worker",
            "service_user",
            "non_peer_staff",
            "manager",
            "mental_health_professional",
        ],
    ),
    (Kind::Setting, &["other"]),
    (
        Kind::Value,
        &[
            "recovery_is_possible",
            "mutuality",
            "person_centred",
            "empowering_not_fixing",
            "experiential_knowledge",
            "relational_empathy",
            "affect_focused",
        ],
    ),
    (
        Kind::Facilitator,
        &[
            "role_flexibility_with_structure",
            "supervision",
            "peer_specific_training",
            "supportive_team",
            "supportive_leadership",
            "recovery_oriented_service_model",
            "shared_learning_space",
            "room_for_peer_ways_of_working",
            "formal_recruitment_process",
            "team_commitment_to_integration",
        ],
    ),
    (
        Kind::Barrier,
        &[
            "tension_with_clinical_approaches",
            "emotional_demands",
            "insufficient_funding",
            "low_pay",
            "limited_career_progression",
            "undervalued_by_organisation",
            "informal_recruitment",
            "role_expectation_mismatch",
            "hierarchy_reinforced_by_working_arrangements",
            "protective_boundaries_dilute_peer_practice",
            "no_consensus_on_peer_practice",
            "dominance_of_objective_knowledge",
            "peers_as_isolated_solution",
        ],
    ),
    (
        Kind::Outcome,
        &[
            "feeling_understood",
            "greater_openness",
            "recovery",
            "hope",
            "empowerment",
            "reduced_inpatient_admission",
            "stronger_social_networks",
            "not_right_for_everyone",
            "own_recovery",
            "burnout",
            "inequality",
            "disempowerment",
            "identity_uncertainty",
            "feeling_under_supported",
            "service_improvement",
            "team_meets_service_user_needs",
            "peer_workers_valued",
            "challenge_to_dominant_values",
            "amplified_experiential_knowledge",
        ],
    ),
    (
        Kind::Method,
        &[
            "semi_structured_interview",
            "repeat_interview",
            "secondary_analysis",
        ],
    ),
    (
        Kind::Analysis,
        &[
            "thematic_analysis",
            "grounded_theory",
            "discourse_analysis",
            "psychosocial_analysis",
        ],
    ),
];

#[test]
fn every_checklist_code_is_present() {
    let codebook = Codebook::standard();
    let mut missing = Vec::new();
    for (kind, codes) in CHECKLIST {
        for code in *codes {
            if codebook.get(*kind, code).is_none() {
                missing.push(format!("{kind}/{code}"));
            }
        }
    }
    assert!(missing.is_empty(), "missing from the codebook: {missing:?}");
}

#[test]
fn settings_cover_the_usual_nhs_settings() {
    // The usual NHS settings (twelve named in the design) plus `other`.
    let settings = Codebook::standard().of_kind(Kind::Setting).count();
    assert!(settings >= 13, "only {settings} settings");
}

#[test]
fn codes_are_unique_within_each_kind() {
    let mut seen = HashSet::new();
    for e in Codebook::standard().entries() {
        assert!(
            seen.insert((e.kind, e.code)),
            "duplicate {}/{}",
            e.kind,
            e.code
        );
    }
}

/// Entries of the method vocabularies with no paper to cite: a kind of review
/// or a tool described by practice rather than by one publication, and the
/// "other" entries.
const WITHOUT_A_SOURCE: &[&str] = &[
    "review_type/framework_synthesis",
    "review_type/narrative_review",
    "review_type/rapid_review",
    "review_type/mixed_methods_review",
    "reporting_guideline/other",
    "appraisal_tool/casp_qualitative",
    "appraisal_tool/jbi",
    "appraisal_tool/other",
];

#[test]
fn every_entry_has_a_source_a_label_and_a_definition() {
    for e in Codebook::standard().entries() {
        let name = format!("{}/{}", e.kind, e.code);
        assert_eq!(
            e.sources.is_empty(),
            WITHOUT_A_SOURCE.contains(&name.as_str()),
            "{name}: sources {:?}",
            e.sources
        );
        assert!(
            !e.label.trim().is_empty(),
            "{}/{} has no label",
            e.kind,
            e.code
        );
        assert!(
            e.definition.trim().len() > 20,
            "{}/{} has no real definition",
            e.kind,
            e.code
        );
    }
}

#[test]
fn every_facilitator_and_barrier_maps_to_cfir() {
    for e in Codebook::standard().entries() {
        if matches!(e.kind, Kind::Facilitator | Kind::Barrier) {
            let (Some(domain), Some(construct)) =
                (e.mappings.cfir_domain, e.mappings.cfir_construct)
            else {
                panic!("{}/{} has no CFIR mapping", e.kind, e.code);
            };
            assert_eq!(construct.domain(), domain, "{}", e.code);
        }
    }
}

#[test]
fn every_outcome_names_who_and_which_way() {
    for o in Outcome::ALL {
        let m = o.mapping().unwrap();
        // Only service-user outcomes are CHIME personal-recovery processes.
        if m.chime.is_some() {
            assert_eq!(m.beneficiary.code(), "service_user", "{o}");
        }
    }
    let chime: Vec<_> = Outcome::ALL
        .iter()
        .filter(|o| o.mapping().unwrap().chime.is_some())
        .collect();
    assert!(chime.contains(&&Outcome::Hope) && chime.contains(&&Outcome::Empowerment));
}

/// FromStr, Display and serde agree for every entry of one vocabulary.
fn agree<T>()
where
    T: Vocabulary
        + std::str::FromStr
        + std::fmt::Display
        + serde::Serialize
        + serde::de::DeserializeOwned,
    <T as std::str::FromStr>::Err: std::fmt::Debug,
{
    assert!(!T::all().is_empty());
    for value in T::all() {
        let code = value.code();
        assert_eq!(value.to_string(), code);
        assert_eq!(&code.parse::<T>().unwrap(), value);
        let json = serde_json::to_string(value).unwrap();
        assert_eq!(json, format!("\"{code}\""));
        assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), value);
        // Known entries carry a definition; only custom values lack one.
        assert!(value.definition().is_some(), "{code}");
    }
}

#[test]
fn from_str_display_and_serde_agree() {
    agree::<RoleTitle>();
    agree::<Employment>();
    agree::<WayOfWorking>();
    agree::<Stakeholder>();
    agree::<Setting>();
    agree::<PeerValue>();
    agree::<Facilitator>();
    agree::<Barrier>();
    agree::<Outcome>();
    agree::<Method>();
    agree::<Analysis>();
}

#[test]
fn unknown_codes_round_trip_byte_identically() {
    let json = r#"["supervision","peer_mentoring_circles","x2_y"]"#;
    let parsed: Vec<Facilitator> = serde_json::from_str(json).unwrap();
    assert_eq!(parsed[0], Facilitator::Supervision);
    assert!(parsed[1].is_custom() && parsed[2].is_custom());
    assert_eq!(parsed[1].code(), "peer_mentoring_circles");
    assert_eq!(parsed[1].label(), "peer_mentoring_circles");
    assert_eq!(parsed[1].definition(), None);
    assert!(parsed[1].sources().is_empty());
    assert_eq!(serde_json::to_string(&parsed).unwrap(), json);

    let custom: Outcome = "reduced_loneliness".parse().unwrap();
    assert_eq!(custom.to_string(), "reduced_loneliness");
    assert_eq!(custom.mapping(), None);
}

#[test]
fn malformed_codes_are_rejected_naming_code_and_rule() {
    for bad in [
        "",
        "Supervision",
        "low pay",
        "low-pay",
        "9lives",
        "_x",
        "ünïcode",
    ] {
        let err = bad.parse::<Barrier>().unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("invalid barrier code"), "{msg}");
        assert!(msg.contains("^[a-z][a-z0-9_]*$"), "{msg}");
        assert!(serde_json::from_str::<Barrier>(&format!("{bad:?}")).is_err());
    }
    let too_long = "a".repeat(65);
    assert!(too_long.parse::<Barrier>().is_err());
    // A non-string where a code belongs is a type error, not a panic.
    let err = serde_json::from_str::<Barrier>("42").unwrap_err();
    assert!(err.to_string().contains("barrier code"), "{err}");
}

#[test]
fn vocabulary_types_are_send_sync_and_static() {
    fn check<T: Send + Sync + 'static>() {}
    check::<Facilitator>();
    check::<Codebook>();
    check::<peer_support::vocabulary::InvalidCode>();
}

/// The standard codebook's relations: every target is a standard entry, no
/// entry relates to itself, `broader` never loops, and no pair of entries
/// is related in two ways SKOS keeps apart.
#[test]
fn standard_relations_resolve_and_are_consistent() {
    use peer_support::study::Concept;
    use peer_support::vocabulary::RelationKind;
    use std::collections::{BTreeMap, BTreeSet};

    let mut parents: BTreeMap<Concept, BTreeSet<Concept>> = BTreeMap::new();
    let mut pairs: BTreeMap<(Concept, Concept), BTreeSet<&str>> = BTreeMap::new();
    let mut count = 0;
    for from in Concept::standard() {
        for r in from.standard_relations() {
            count += 1;
            let to = Concept::from_codes(r.kind.code(), r.code).unwrap();
            assert!(to.is_known(), "{} -> {}:{}", from.code(), r.kind, r.code);
            assert_ne!(from, to, "{} relates to itself", from.code());
            let (child, parent) = match r.relation {
                RelationKind::Broader => (from.clone(), to.clone()),
                RelationKind::Narrower => (to.clone(), from.clone()),
                _ => (from.clone(), from.clone()),
            };
            if child != parent {
                parents.entry(child).or_default().insert(parent);
            }
            let (key, what) = match (&r.relation, from < to) {
                (RelationKind::Broader, true) | (RelationKind::Narrower, false) => {
                    ((from.clone(), to.clone()), "first under second")
                }
                (RelationKind::Broader, false) | (RelationKind::Narrower, true) => {
                    ((to.clone(), from.clone()), "second under first")
                }
                (other, _) => {
                    let key = if from < to {
                        (from.clone(), to.clone())
                    } else {
                        (to.clone(), from.clone())
                    };
                    (key, other.code())
                }
            };
            pairs.entry(key).or_default().insert(what);
        }
    }
    assert!(count >= 20, "the codebook has {count} relations");
    for ((a, b), stated) in &pairs {
        assert_eq!(stated.len(), 1, "{} and {}: {stated:?}", a.code(), b.code());
    }
    // No concept is its own ancestor.
    for start in parents.keys() {
        let mut stack: Vec<&Concept> = parents[start].iter().collect();
        let mut seen = BTreeSet::new();
        while let Some(c) = stack.pop() {
            assert_ne!(c, start, "{} is broader than itself", start.code());
            if seen.insert(c) {
                stack.extend(parents.get(c).into_iter().flatten());
            }
        }
    }
}
