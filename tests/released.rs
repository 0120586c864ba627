//! What a released format version published stays as published.
//!
//! `docs/schema/SHA256SUMS` pins every released file (see
//! `tests/support/released.rs`): each must hash as listed, a released
//! directory takes no new file, every code a released version listed still
//! parses as a known code of its kind, and every released schema still
//! accepts its golden fixtures and rejects what a schema can see is wrong.
//! The code list of the current version is generated here from the types;
//! `PEER_SUPPORT_BLESS=1 cargo test --test released` writes it while the
//! version is not released, and refuses once it is.

#[path = "support/released.rs"]
mod released;

use std::path::{Path, PathBuf};

use peer_support::study::Concept;
use peer_support::vocabulary::{
    Beneficiary, CfirConstruct, CfirDomain, ChimeProcess, Direction, Kind,
};
use peer_support::{Codebook, IssueCode, RedactionLevel, Severity};
use serde::{Deserialize, Serialize};

use released::{Pin, root};

/// `docs/schema/{version}/codes.json`: the codes a format version knows.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeList {
    /// `MAJOR.MINOR`.
    format: String,
    /// The open vocabularies, one per kind, in codebook order.
    vocabularies: Vec<VocabularyCodes>,
    /// The closed sets: a code outside them is an error, not a custom value.
    closed: Vec<ClosedCodes>,
    /// The open sets without definitions (issue codes and severities from
    /// 1.1 on): a code outside them is kept as a custom value. Format 1.0
    /// had none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    open: Vec<ClosedCodes>,
}

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularyCodes {
    kind: String,
    codes: Vec<String>,
}

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClosedCodes {
    set: String,
    codes: Vec<String>,
}

/// A code set without definitions: its name in `codes.json`, its codes in
/// table order, whether a code parses as one of them (not as a custom value
/// of an open set), and whether the set is open.
struct CodeSet {
    name: &'static str,
    codes: fn() -> Vec<&'static str>,
    parses: fn(&str) -> bool,
    open: bool,
}

macro_rules! code_sets {
    ($($name:literal => $ty:ty, $open:literal;)*) => {
        &[$(CodeSet {
            name: $name,
            codes: || <$ty>::ALL.iter().map(|value| value.code()).collect(),
            parses: |code| <$ty>::ALL.iter().any(|value| value.code() == code),
            open: $open,
        }),*]
    };
}

const CODE_SETS: &[CodeSet] = code_sets!(
    "vocabulary_kind" => Kind, false;
    "cfir_domain" => CfirDomain, false;
    "cfir_construct" => CfirConstruct, false;
    "chime_process" => ChimeProcess, false;
    "beneficiary" => Beneficiary, false;
    "direction" => Direction, false;
    "issue_code" => IssueCode, true;
    "severity" => Severity, true;
    "redaction_level" => RedactionLevel, false;
);

/// Whether `code` parses as a code of `kind` that this version knows (not
/// as a custom value): through [`Concept::from_codes`] for the concept
/// kinds, through the codebook, which lists every vocabulary's known
/// entries, for the kinds that are not concepts. False for an unknown kind.
fn is_known_vocabulary_code(kind: &str, code: &str) -> bool {
    match Kind::from_code(kind) {
        Ok(k) => match Concept::from_codes(kind, code) {
            Ok(Concept::Other(_)) | Err(_) => Codebook::standard().get(k, code).is_some(),
            Ok(concept) => concept.is_known() && concept.code() == code,
        },
        Err(_) => false,
    }
}

/// The code list of the current version, from the types.
fn generated_code_list() -> CodeList {
    let mut vocabularies: Vec<VocabularyCodes> = Vec::new();
    for entry in Codebook::standard().entries() {
        let kind = entry.kind.code();
        match vocabularies.last_mut() {
            Some(last) if last.kind == kind => last.codes.push(entry.code.to_owned()),
            _ => vocabularies.push(VocabularyCodes {
                kind: kind.to_owned(),
                codes: vec![entry.code.to_owned()],
            }),
        }
    }
    let listed = |open: bool| {
        CODE_SETS
            .iter()
            .filter(|set| set.open == open)
            .map(|set| ClosedCodes {
                set: set.name.to_owned(),
                codes: (set.codes)().into_iter().map(str::to_owned).collect(),
            })
            .collect()
    };
    CodeList {
        format: released::current(),
        vocabularies,
        closed: listed(false),
        open: listed(true),
    }
}

fn read_code_list(path: &str) -> CodeList {
    let text = std::fs::read_to_string(root().join(path))
        .unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn pins() -> Vec<Pin> {
    released::manifest(root()).unwrap_or_else(|problems| panic!("{}", problems.join("\n")))
}

#[test]
fn format_1_0_is_released() {
    let pins = pins();
    assert!(
        released::released_versions(&pins).contains(&"1.0".to_owned()),
        "{} does not pin {}",
        released::MANIFEST,
        released::schema_path("1.0")
    );
    for path in [
        released::codes_path("1.0"),
        "tests/fixtures/1.0/minimal.json".into(),
        "tests/fixtures/0.9/draft.json".into(),
        "tests/fixtures/lenient/newer_minor.json".into(),
        "tests/fixtures/invalid/bad_uuid.json".into(),
    ] {
        assert!(
            pins.iter().any(|pin| pin.path == path),
            "{} does not pin {path}",
            released::MANIFEST
        );
    }
    // The invalid fixtures' expectations grow with validation: not pinned.
    assert!(
        !pins
            .iter()
            .any(|pin| pin.path == "tests/fixtures/invalid/expected.json")
    );
}

#[test]
fn every_pinned_file_hashes_as_listed() {
    let pins = pins();
    let problems = released::hash_problems(root(), &pins);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn released_directories_hold_only_pinned_files() {
    let pins = pins();
    let problems = released::unpinned_files(root(), &pins);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A copy of every pinned file, and of the released directories, in a
/// directory of its own.
struct Copy(PathBuf);

impl Copy {
    fn new(tag: &str) -> Self {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("released-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let pins = pins();
        let mut files: Vec<String> = pins.iter().map(|pin| pin.path.clone()).collect();
        files.push(released::MANIFEST.into());
        for version in released::released_versions(&pins) {
            for released_dir in released::released_dirs(&version) {
                files.extend(released::files_under(root(), &released_dir));
            }
        }
        for file in files {
            let to = dir.join(&file);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(root().join(&file), to).unwrap();
        }
        Copy(dir)
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The check fails on a copy with one byte changed, a file missing or a
/// file added to a released directory, and passes on the untouched copy.
#[test]
fn the_check_fails_when_a_released_file_changes() {
    let copy = Copy::new("check");
    assert_eq!(released::check(&copy.0), Vec::<String>::new());

    let schema = released::schema_path("1.0");
    let path = copy.0.join(&schema);
    let original = std::fs::read(&path).unwrap();
    let mut changed = original.clone();
    let at = changed.iter().position(|&b| b == b'"').unwrap();
    changed[at] = b'\'';
    std::fs::write(&path, &changed).unwrap();
    let problems = released::check(&copy.0);
    assert!(
        problems.len() == 1 && problems[0].starts_with(&format!("{schema}: a released file")),
        "{problems:?}"
    );

    std::fs::remove_file(&path).unwrap();
    let problems = released::check(&copy.0);
    assert!(
        problems.len() == 1 && problems[0].contains("cannot read"),
        "{problems:?}"
    );
    std::fs::write(&path, &original).unwrap();

    std::fs::write(copy.0.join("tests/fixtures/1.0/added.json"), "{}\n").unwrap();
    let problems = released::check(&copy.0);
    assert!(
        problems.len() == 1 && problems[0].starts_with("tests/fixtures/1.0/added.json: a new file"),
        "{problems:?}"
    );
}

#[test]
fn the_check_refuses_a_malformed_manifest() {
    let copy = Copy::new("manifest");
    let manifest = copy.0.join(released::MANIFEST);
    let text = std::fs::read_to_string(&manifest).unwrap();
    for (what, broken) in [
        ("one space", text.replacen("  ", " ", 1)),
        ("out of order", {
            let mut lines: Vec<&str> = text.lines().collect();
            lines.reverse();
            lines.join("\n") + "\n"
        }),
        ("absolute path", text.replacen("  ", "  /", 1)),
        ("no final newline", text.trim_end().to_owned()),
    ] {
        std::fs::write(&manifest, broken).unwrap();
        assert!(!released::check(&copy.0).is_empty(), "{what}");
        assert!(
            released::is_pinned(&copy.0, "x").is_err(),
            "{what}: a broken manifest must not read as pinning nothing"
        );
    }
}

/// Codes are never removed or renamed: every code a released (or the
/// current) code list names still parses, in this version, as a code of its
/// kind that it knows.
#[test]
fn every_listed_code_is_still_known() {
    let lists = released::files_under(root(), "docs/schema")
        .into_iter()
        .filter(|path| path.ends_with("/codes.json"))
        .collect::<Vec<_>>();
    assert!(lists.contains(&released::codes_path("1.0")), "{lists:?}");
    for path in lists {
        let list = read_code_list(&path);
        assert_eq!(
            path,
            released::codes_path(&list.format),
            "{path} names another version"
        );
        assert!(!list.vocabularies.is_empty() && !list.closed.is_empty());
        let mut unknown = Vec::new();
        for vocabulary in &list.vocabularies {
            assert!(!vocabulary.codes.is_empty(), "{path}: {}", vocabulary.kind);
            for code in &vocabulary.codes {
                if !is_known_vocabulary_code(&vocabulary.kind, code) {
                    unknown.push(format!("{}/{code}", vocabulary.kind));
                }
            }
        }
        // A set may have been closed in one version and open in a later
        // one (issue codes in 1.1): either way its codes stay known.
        for set in list.closed.iter().chain(&list.open) {
            assert!(!set.codes.is_empty(), "{path}: {}", set.set);
            let known = CODE_SETS.iter().find(|known| known.name == set.set);
            for code in &set.codes {
                if !known.is_some_and(|known| (known.parses)(code)) {
                    unknown.push(format!("{}/{code}", set.set));
                }
            }
        }
        assert!(
            unknown.is_empty(),
            "{path} lists codes this version does not know (a released code is never removed or \
             renamed): {unknown:?}"
        );
    }
}

/// The checks above can fail: a removed or misspelt code is not known.
#[test]
fn an_unknown_code_is_not_known() {
    assert!(is_known_vocabulary_code("facilitator", "supervision"));
    assert!(!is_known_vocabulary_code("facilitator", "supervisionn"));
    assert!(!is_known_vocabulary_code("barrier", "supervision"));
    assert!(!is_known_vocabulary_code("policy_lever", "supervision"));
    assert!(is_known_vocabulary_code("stance", "barrier"));
    assert!(!is_known_vocabulary_code("stance", "enabler"));
    assert!(!is_known_vocabulary_code("facilitator", "Supervision"));
    let severity = CODE_SETS.iter().find(|set| set.name == "severity").unwrap();
    assert!((severity.parses)("error") && !(severity.parses)("fatal"));
}

#[test]
fn the_code_list_of_the_current_version_matches_the_types() {
    let generated = generated_code_list();
    let kinds: Vec<&str> = generated.vocabularies.iter().map(|v| &*v.kind).collect();
    let expected: Vec<&str> = Kind::ALL.iter().map(|kind| kind.code()).collect();
    assert_eq!(
        kinds, expected,
        "one vocabulary per kind, in codebook order"
    );
    released::compare_or_bless(
        &released::codes_path(&released::current()),
        &released::pretty(&generated),
        "released",
    );
}

/// Every released schema, as pinned, still accepts its version's golden
/// fixtures and the lenient ones, and rejects the invalid fixtures whose
/// problem a schema can see (after a version bump, these are the checks
/// that keep running on the older file).
#[test]
fn released_schemas_keep_their_verdicts() {
    let versions = released::released_versions(&pins());
    for version in versions {
        let path = released::schema_path(&version);
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(root().join(&path)).unwrap()).unwrap();
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .unwrap_or_else(|e| panic!("{path} does not compile: {e}"));
        let mut valid = released::json_files(&format!("tests/fixtures/{version}"));
        assert!(!valid.is_empty(), "format {version} has no golden fixtures");
        valid.extend(released::json_files("tests/fixtures/lenient"));
        let mut expectations: Vec<(PathBuf, bool)> =
            valid.into_iter().map(|path| (path, false)).collect();
        expectations.extend(released::invalid_fixtures());
        let mut rejected = 0;
        for (fixture, local) in expectations {
            let text = std::fs::read_to_string(&fixture).unwrap();
            // A file that is not JSON at all (truncated) no schema sees.
            let Ok(document) = serde_json::from_str::<serde_json::Value>(&text) else {
                continue;
            };
            if local && released::declares_newer_minor(&document, &version) {
                continue;
            }
            let accepted = validator.is_valid(&document);
            assert_eq!(
                accepted,
                !local,
                "{path} on {}: accepted {accepted}",
                fixture.display()
            );
            rejected += usize::from(local);
        }
        assert!(rejected > 0, "{path} rejected no fixture");
    }
}
