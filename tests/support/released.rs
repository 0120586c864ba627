//! The released artifacts of the format and the manifest that pins them,
//! shared by `tests/released.rs` and `tests/json_schema.rs`
//! (`#[path = "support/released.rs"] mod released;`).
//!
//! `docs/schema/SHA256SUMS` lists, in `sha256sum -c` form, every file that a
//! released format version published: its schema and code list under
//! `docs/schema/{MAJOR}.{MINOR}/` and its golden fixtures. A version is
//! released when the manifest pins its schema; from then on its files never
//! change and its directories take no new files.
// Each test file uses a different subset.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use peer_support::document::CURRENT_VERSION;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The manifest, relative to the repository root.
pub const MANIFEST: &str = "docs/schema/SHA256SUMS";

/// The variable that regenerates the files of an unreleased version.
pub const BLESS: &str = "PEER_SUPPORT_BLESS";

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `MAJOR.MINOR` of the version this crate writes: the name of its directories.
pub fn current() -> String {
    format!("{}.{}", CURRENT_VERSION.major, CURRENT_VERSION.minor)
}

/// The JSON Schema of a version (`"1.0"`), relative to the repository root.
pub fn schema_path(version: &str) -> String {
    format!("docs/schema/{version}/peer-support.schema.json")
}

/// The list of codes a version knows, relative to the repository root.
pub fn codes_path(version: &str) -> String {
    format!("docs/schema/{version}/codes.json")
}

/// The directories whose every file a released version pins.
pub fn released_dirs(version: &str) -> [String; 2] {
    [
        format!("docs/schema/{version}"),
        format!("tests/fixtures/{version}"),
    ]
}

/// One manifest line: a SHA-256 and the path of the file it pins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pin {
    pub sha256: String,
    pub path: String,
}

/// The manifest under `root`, line by line.
///
/// # Errors
///
/// Every line that is not `<64 lowercase hex digits><two spaces><path>` with
/// a relative path, a path listed twice, and lines out of order (the file
/// is kept sorted by path, in byte order).
pub fn manifest(root: &Path) -> Result<Vec<Pin>, Vec<String>> {
    let text = std::fs::read_to_string(root.join(MANIFEST))
        .map_err(|e| vec![format!("cannot read {MANIFEST}: {e}")])?;
    let mut pins = Vec::new();
    let mut problems = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let parsed = line.split_once("  ").filter(|(hash, path)| {
            hash.len() == 64
                && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
                && !path.is_empty()
                && !path.starts_with('/')
                && path.split('/').all(|part| !part.is_empty() && part != "..")
        });
        match parsed {
            Some((sha256, path)) => pins.push(Pin {
                sha256: sha256.to_owned(),
                path: path.to_owned(),
            }),
            None => problems.push(format!(
                "{MANIFEST} line {}: expected `<sha256>  <relative path>`, found {line:?}",
                number + 1
            )),
        }
    }
    for pair in pins.windows(2) {
        if pair[0].path >= pair[1].path {
            problems.push(format!(
                "{MANIFEST}: {} is listed after {} (keep one line per file, sorted by path: \
                 LC_ALL=C sort -k2 -o {MANIFEST} {MANIFEST})",
                pair[1].path, pair[0].path
            ));
        }
    }
    if !text.ends_with('\n') {
        problems.push(format!("{MANIFEST} does not end with a newline"));
    }
    if problems.is_empty() {
        Ok(pins)
    } else {
        Err(problems)
    }
}

/// Whether the manifest under `root` pins `path`; false when there is no
/// manifest.
///
/// # Errors
///
/// A manifest that cannot be read as one: it must not let a released file
/// be rewritten as if it pinned nothing.
pub fn is_pinned(root: &Path, path: &str) -> Result<bool, Vec<String>> {
    if !root.join(MANIFEST).exists() {
        return Ok(false);
    }
    Ok(manifest(root)?.iter().any(|pin| pin.path == path))
}

/// The versions (`"1.0"`) whose schema the manifest pins, in manifest order.
pub fn released_versions(pins: &[Pin]) -> Vec<String> {
    pins.iter()
        .filter_map(|pin| {
            let version = pin.path.strip_prefix("docs/schema/")?.split_once('/')?.0;
            (pin.path == schema_path(version)).then(|| version.to_owned())
        })
        .collect()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Each manifest entry under `root` whose file is missing or hashes
/// otherwise than listed.
pub fn hash_problems(root: &Path, pins: &[Pin]) -> Vec<String> {
    pins.iter()
        .filter_map(|pin| match std::fs::read(root.join(&pin.path)) {
            Err(e) => Some(format!(
                "{}: pinned in {MANIFEST}, cannot read: {e}",
                pin.path
            )),
            Ok(bytes) => {
                let actual = sha256_hex(&bytes);
                (actual != pin.sha256).then(|| {
                    format!(
                        "{}: a released file changed (sha256 {actual}, pinned {}); released \
                         files never change, a change needs a new format version",
                        pin.path, pin.sha256
                    )
                })
            }
        })
        .collect()
}

/// Each file under `root` in a released version's directories that the
/// manifest does not pin.
pub fn unpinned_files(root: &Path, pins: &[Pin]) -> Vec<String> {
    let mut unpinned = Vec::new();
    for version in released_versions(pins) {
        for dir in released_dirs(&version) {
            for path in files_under(root, &dir) {
                if !pins.iter().any(|pin| pin.path == path) {
                    unpinned.push(format!(
                        "{path}: a new file in {dir}/, which format {version} released; a new \
                         file belongs to the next version's directory"
                    ));
                }
            }
        }
    }
    unpinned
}

/// The whole check of the released artifacts under `root`: the manifest is
/// well formed, every file it pins hashes as listed, and the released
/// directories hold no file it does not pin. Empty when all is well.
pub fn check(root: &Path) -> Vec<String> {
    match manifest(root) {
        Err(problems) => problems,
        Ok(pins) => {
            let mut problems = hash_problems(root, &pins);
            problems.extend(unpinned_files(root, &pins));
            problems
        }
    }
}

/// Every file below `root/dir` (recursively), as paths relative to `root`
/// with `/` separators, sorted; none when the directory does not exist.
pub fn files_under(root: &Path, dir: &str) -> Vec<String> {
    let mut files = Vec::new();
    let mut pending = vec![PathBuf::from(dir)];
    while let Some(relative) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(root.join(&relative)) else {
            continue;
        };
        for entry in entries {
            let entry = entry.expect("directory entry");
            let path = relative.join(entry.file_name());
            if entry.file_type().expect("file type").is_dir() {
                pending.push(path);
            } else {
                files.push(path.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    files.sort();
    files
}

/// Compares `path` (relative to the repository root), a file of the current
/// version, with what the code generates.
///
/// With `PEER_SUPPORT_BLESS` set the file is written first, unless the
/// manifest pins it: a released file is never rewritten, so blessing one
/// fails, and the generated text must then equal it byte for byte.
pub fn compare_or_bless(path: &str, generated: &str, test: &str) {
    let full = root().join(path);
    let pinned =
        is_pinned(root(), path).unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
    let version = current();
    if std::env::var_os(BLESS).is_some() {
        assert!(
            !pinned,
            "{BLESS} refuses to rewrite {path}: format {version} is released and {MANIFEST} pins \
             the file. A change to what the file says needs a new format version: bump \
             CURRENT_VERSION (src/document/version.rs), then {BLESS}=1 writes that version's \
             own file."
        );
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(&full, generated).unwrap();
    }
    let actual = std::fs::read_to_string(&full).unwrap_or_default();
    if pinned {
        assert!(
            actual == generated,
            "{path} is released (pinned in {MANIFEST}) and the code no longer generates it byte \
             for byte. Released files never change: undo the change, or make it in a new format \
             version (bump CURRENT_VERSION in src/document/version.rs and run {BLESS}=1 cargo \
             test --all-features --test {test})."
        );
    } else {
        assert!(
            actual == generated,
            "{path} and the code have drifted apart. Format {version} is not released yet: \
             regenerate the file with {BLESS}=1 cargo test --all-features --test {test}"
        );
    }
}

/// Pretty JSON with a trailing newline, as every checked-in JSON file is written.
pub fn pretty(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    text
}

/// The `.json` files directly in `dir` (relative to the repository root),
/// sorted; none when it does not exist.
pub fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .into_iter()
        .flatten()
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// The file name without `.json`.
pub fn name(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// Issue codes for a problem with one value (or, for review details and
/// GRADE-CERQual on primary research, one that a schema `if`/`else` on the
/// study's `kind` expresses), which a schema can see.
/// Everything else the validator reports needs the whole document.
pub const SINGLE_VALUE_CODES: &[&str] = &[
    "invalid_doi",
    "invalid_extension_key",
    "review_details_on_primary",
    "reused_standard_code",
    "cerqual_on_primary_finding",
];

/// The invalid fixtures (`tests/fixtures/invalid/*.json` but `expected.json`),
/// each with whether its problem is local, so that a schema must reject it:
/// the reader refuses it, or validation finds an error in a single value.
/// The others need the whole document (references, cycles, sums), and a
/// schema accepts them. The CI scripts under `.ci/` apply the same rule.
pub fn invalid_fixtures() -> Vec<(PathBuf, bool)> {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/invalid/expected.json")).unwrap(),
    )
    .unwrap();
    json_files("tests/fixtures/invalid")
        .into_iter()
        .filter(|path| name(path) != "expected")
        .map(|path| {
            let outcome = &expected[&name(&path)];
            let local = outcome.get("read_error").is_some()
                || outcome.as_array().is_some_and(|issues| {
                    issues.iter().any(|issue| {
                        issue[0] == "error"
                            && SINGLE_VALUE_CODES.contains(&issue[1].as_str().unwrap())
                    })
                });
            (path, local)
        })
        .collect()
}

/// Whether `document` declares a newer minor version of the same major than
/// `version` (`"1.0"`): its new fields are unknown fields to that version's
/// schema, which cannot see their problems. The CI scripts under `.ci/`
/// skip such fixtures too.
pub fn declares_newer_minor(document: &Value, version: &str) -> bool {
    let parse = |text: &str| -> Option<(u64, u64)> {
        let mut parts = text.split('.');
        Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
    };
    let declared = document["schema_version"].as_str().and_then(parse);
    match (declared, parse(version)) {
        (Some((major, minor)), Some((of_major, of_minor))) => major == of_major && minor > of_minor,
        _ => false,
    }
}
