//! Migrations: JSON-to-JSON steps that bring a document of an older major
//! version up to the current major version, one version at a time. A minor
//! version needs none: minor versions only add, so an older 1.x document is
//! already a document of the current 1.x version.
//!
//! Each step is a [`Migration`] in [`MIGRATIONS`]. The reader applies them
//! automatically; [`migrate`] is the same chain for callers holding a
//! `serde_json::Value`.

use serde_json::{Map, Value};

use super::{CURRENT_VERSION, SchemaVersion};
use crate::diagnostics::pointer;

/// One step from a schema version to the next.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Migration {
    /// The version this step reads.
    pub from: SchemaVersion,
    /// The version it writes.
    pub to: SchemaVersion,
    /// What changes, for people.
    pub summary: &'static str,
    apply: fn(&mut Value) -> Result<(), MigrationError>,
}

/// Every migration step, oldest first.
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: SchemaVersion::new(0, 9, 0),
    to: SchemaVersion::new(1, 0, 0),
    summary: "0.9.0 (the pre-release draft) to 1.0.0: study-level title, authors, year, journal and doi move into `citation`; participants' `pseudonym` becomes `code`; concept links written as \"kind/code\" in `concept` become separate `kind` and `code` fields",
    apply: from_0_9,
}];

/// A document that could not be migrated.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot migrate from schema_version {from}: {} {message}", if path.is_empty() { String::new() } else { format!("at {path}:") })]
#[non_exhaustive]
pub struct MigrationError {
    /// The version being migrated from.
    pub from: SchemaVersion,
    /// JSON Pointer to the value the step could not handle (`""` = document).
    pub path: String,
    /// What was wrong.
    pub message: String,
}

/// Migrates a document held as JSON to the current major version, applying
/// every step from its `schema_version` on. A document of the current major
/// version (any minor) is returned as is.
///
/// ```
/// use peer_support::document::migrate;
/// use serde_json::json;
///
/// let old = json!({
///     "schema": "urn:peer-support:study-document",
///     "schema_version": "0.9.0",
///     "studies": [{"id": "5d8ebf13-d301-4143-ac31-bebb0249d387", "title": "A study", "year": 2021}]
/// });
/// let new = migrate(old)?;
/// assert_eq!(new["schema_version"], "1.0.0");
/// assert_eq!(new["studies"][0]["citation"], json!({"title": "A study", "year": 2021}));
/// # Ok::<(), peer_support::document::MigrationError>(())
/// ```
///
/// # Errors
///
/// [`MigrationError`] when the version is missing, newer than this crate, has
/// no migration path, or the document does not have the shape its version
/// promises.
pub fn migrate(mut document: Value) -> Result<Value, MigrationError> {
    let mut version = declared_version(&document)?;
    if version.major > CURRENT_VERSION.major {
        return Err(MigrationError {
            from: version,
            path: "/schema_version".into(),
            message: format!(
                "schema_version {version} is a newer major version than this crate's {CURRENT_VERSION}; upgrade peer-support to read it"
            ),
        });
    }
    while version.major < CURRENT_VERSION.major {
        let Some(step) = MIGRATIONS.iter().find(|m| m.from == version) else {
            return Err(MigrationError {
                from: version,
                path: "/schema_version".into(),
                message: format!(
                    "no migration step starts at {version}; known starting versions: {}",
                    MIGRATIONS
                        .iter()
                        .map(|m| m.from.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        };
        (step.apply)(&mut document)?;
        version = step.to;
        if let Some(object) = document.as_object_mut() {
            object.insert("schema_version".into(), Value::String(version.to_string()));
        }
    }
    Ok(document)
}

fn declared_version(document: &Value) -> Result<SchemaVersion, MigrationError> {
    let unreadable = |message: String| MigrationError {
        from: SchemaVersion::new(0, 0, 0),
        path: "/schema_version".into(),
        message,
    };
    let Some(raw) = document.get("schema_version") else {
        return Err(unreadable("the document has no schema_version".into()));
    };
    let Some(text) = raw.as_str() else {
        return Err(unreadable(format!("schema_version is {raw}, not a string")));
    };
    text.parse().map_err(|e| unreadable(format!("{e}")))
}

fn from_0_9(document: &mut Value) -> Result<(), MigrationError> {
    let fail = |path: String, message: &str| MigrationError {
        from: SchemaVersion::new(0, 9, 0),
        path,
        message: message.to_owned(),
    };
    let Some(studies) = document.get_mut("studies").and_then(Value::as_array_mut) else {
        return Err(fail("/studies".into(), "expected an array of studies"));
    };
    for (si, study) in studies.iter_mut().enumerate() {
        let Some(study) = study.as_object_mut() else {
            return Err(fail(format!("/studies/{si}"), "expected a study object"));
        };
        let mut citation = match study.remove("citation") {
            Some(Value::Object(c)) => c,
            None => Map::new(),
            Some(_) => {
                return Err(fail(
                    format!("/studies/{si}/citation"),
                    "expected an object",
                ));
            }
        };
        for field in ["title", "authors", "year", "journal", "doi"] {
            if let Some(value) = study.remove(field) {
                move_into(&mut citation, field, value, || {
                    format!("/studies/{si}/citation/{field}")
                })?;
            }
        }
        study.insert("citation".into(), Value::Object(citation));

        if let Some(participants) = study.get_mut("participants").and_then(Value::as_array_mut) {
            for (pi, p) in participants.iter_mut().enumerate() {
                let Some(p) = p.as_object_mut() else {
                    continue;
                };
                if let Some(code) = p.remove("pseudonym") {
                    move_into(p, "code", code, || {
                        format!("/studies/{si}/participants/{pi}/code")
                    })?;
                }
            }
        }

        let Some(findings) = study.get_mut("findings").and_then(Value::as_array_mut) else {
            continue;
        };
        for (fi, finding) in findings.iter_mut().enumerate() {
            let Some(links) = finding.get_mut("concepts").and_then(Value::as_array_mut) else {
                continue;
            };
            // Numbered before non-objects are skipped, so paths stay right.
            for (li, link) in links.iter_mut().enumerate() {
                let Some(link) = link.as_object_mut() else {
                    continue;
                };
                let Some(concept) = link.remove("concept") else {
                    continue;
                };
                let at = format!("/studies/{si}/findings/{fi}/concepts/{li}");
                let mut path = at.clone();
                pointer::push_segment(&mut path, "concept");
                let Some((kind, code)) = concept.as_str().and_then(|c| c.split_once('/')) else {
                    return Err(fail(path, "expected a \"kind/code\" string"));
                };
                move_into(link, "kind", Value::String(kind.into()), || {
                    format!("{at}/kind")
                })?;
                move_into(link, "code", Value::String(code.into()), || {
                    format!("{at}/code")
                })?;
            }
        }
    }
    Ok(())
}

/// Puts a value the 0.9 layout held elsewhere under `key`, refusing to
/// overwrite a different value already there: migration never drops data.
fn move_into(
    object: &mut Map<String, Value>,
    key: &str,
    value: Value,
    path: impl FnOnce() -> String,
) -> Result<(), MigrationError> {
    match object.get(key) {
        Some(existing) if *existing != value => Err(MigrationError {
            from: SchemaVersion::new(0, 9, 0),
            path: path(),
            message: format!(
                "both the 0.9 field and the 1.0 field `{key}` are present with different values; keep one"
            ),
        }),
        _ => {
            object.insert(key.into(), value);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn chain_reaches_the_current_version() {
        let mut v = SchemaVersion::new(0, 9, 0);
        while v.major < CURRENT_VERSION.major {
            v = MIGRATIONS.iter().find(|m| m.from == v).expect("a step").to;
        }
        assert_eq!(v.major, CURRENT_VERSION.major);
    }

    #[test]
    fn bad_shapes_are_errors_with_paths() {
        let err = migrate(json!({"schema_version": "0.9.0", "studies": {}})).unwrap_err();
        assert_eq!(err.path, "/studies");
        let err = migrate(json!({"schema_version": "0.8.0", "studies": []})).unwrap_err();
        assert!(err.message.contains("0.9.0"), "{err}");
        let err = migrate(json!({"studies": []})).unwrap_err();
        assert!(err.to_string().contains("no schema_version"), "{err}");
        let err = migrate(json!({"schema_version": "0.9.0", "studies": [
            {"findings": [{"concepts": [{"concept": 7}]}]}
        ]}))
        .unwrap_err();
        assert_eq!(err.path, "/studies/0/findings/0/concepts/0/concept");
    }

    #[test]
    fn conflicting_old_and_new_fields_are_errors_not_overwrites() {
        let err = migrate(json!({"schema_version": "0.9.0", "studies": [
            {"title": "Old", "citation": {"title": "Real title"}}
        ]}))
        .unwrap_err();
        assert_eq!(err.path, "/studies/0/citation/title");
        let err = migrate(json!({"schema_version": "0.9.0", "studies": [
            {"participants": [7, {"code": "P1", "pseudonym": "Q9"}]}
        ]}))
        .unwrap_err();
        assert_eq!(err.path, "/studies/0/participants/1/code");
        // The same value in both places is not a conflict.
        let ok = migrate(json!({"schema_version": "0.9.0", "studies": [
            {"title": "Same", "citation": {"title": "Same"}}
        ]}))
        .unwrap();
        assert_eq!(ok["studies"][0]["citation"]["title"], "Same");
    }

    #[test]
    fn paths_count_non_object_entries() {
        let err = migrate(json!({"schema_version": "0.9.0", "studies": [
            {"findings": [{"concepts": [5, {"concept": "barrier"}]}]}
        ]}))
        .unwrap_err();
        assert_eq!(err.path, "/studies/0/findings/0/concepts/1/concept");
    }

    #[test]
    fn newer_major_versions_are_refused() {
        let err = migrate(json!({"schema_version": "2.0.0", "studies": []})).unwrap_err();
        assert_eq!(err.from, SchemaVersion::new(2, 0, 0));
        assert_eq!(
            err.to_string(),
            format!(
                "cannot migrate from schema_version 2.0.0: at /schema_version: schema_version 2.0.0 is a newer major version than this crate's {CURRENT_VERSION}; upgrade peer-support to read it"
            )
        );
        // A newer minor version is not migrated: it loads as it is.
        let newer = json!({"schema_version": "1.9.0", "studies": []});
        assert_eq!(migrate(newer.clone()).unwrap(), newer);
    }

    #[test]
    fn current_documents_pass_through() {
        let doc = json!({"schema_version": "1.0.0", "studies": [{"title": "kept"}]});
        assert_eq!(migrate(doc.clone()).unwrap(), doc);
    }
}
