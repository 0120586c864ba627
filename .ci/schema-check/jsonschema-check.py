"""Checks every published schema with Python's jsonschema.

Each docs/schema/*/peer-support.schema.json is checked against the draft
2020-12 meta-schema, then, with Draft202012Validator and its format checker,
its verdict on the fixtures:

- tests/fixtures/{version}/*.json, the version's golden fixtures, and
  tests/fixtures/lenient/*.json are valid;
- of tests/fixtures/invalid/*.json, those whose problem a schema can see are
  invalid and the others valid (the rule of tests/support/released.rs,
  applied to tests/fixtures/invalid/expected.json: the reader refuses the
  file, or validation reports an error with one of SINGLE_VALUE_CODES).
  A file that is not JSON is skipped, and so is one of a newer minor version
  than the schema: its new fields are unknown fields to an older schema.

Prints every check and exits non-zero on any failure. Run with
`python3 .ci/schema-check/jsonschema-check.py` in an environment with
.ci/schema-check/requirements.txt installed.
"""

import json
import sys
from importlib.metadata import version as installed_version
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

SINGLE_VALUE_CODES = {"invalid_doi", "invalid_extension_key", "review_details_on_primary", "reused_standard_code", "cerqual_on_primary_finding"}
ROOT = Path(__file__).resolve().parent.parent.parent

counts = {"passed": 0, "failed": 0, "skipped": 0}


def report(ok, line):
    print(("ok   " if ok else "FAIL ") + line)
    counts["passed" if ok else "failed"] += 1


def json_files(directory):
    full = ROOT / directory
    if not full.is_dir():
        return []
    return [f"{directory}/{p.name}" for p in sorted(full.glob("*.json"))]


def validator_for(schema):
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check_formats_are_enforced():
    """Format checks must be on, or "valid" would mean less than it says."""
    date = validator_for({"type": "string", "format": "date"})
    uuid = validator_for({"type": "string", "format": "uuid"})
    report(
        date.is_valid("2021-01-20")
        and not date.is_valid("2021-02-30")
        and uuid.is_valid("a0000000-0000-4000-8000-000000000001")
        and not uuid.is_valid("not-a-uuid"),
        "format checks: date and uuid are enforced",
    )


def newer_than(f, version):
    """Whether fixture `f` declares a newer minor version than `version`."""
    try:
        declared = json.loads((ROOT / f).read_text(encoding="utf-8")).get("schema_version", "")
    except (ValueError, AttributeError):
        return False
    parts = str(declared).split(".")
    major, minor = (int(x) for x in version.split("."))
    try:
        return int(parts[0]) == major and int(parts[1]) > minor
    except (IndexError, ValueError):
        return False


def expectations(version):
    golden = json_files(f"tests/fixtures/{version}")
    if not golden:
        report(False, f"format {version}: no golden fixtures in tests/fixtures/{version}/")
    cases = [(f, True) for f in golden + json_files("tests/fixtures/lenient")]
    expected = json.loads((ROOT / "tests/fixtures/invalid/expected.json").read_text(encoding="utf-8"))
    for f in json_files("tests/fixtures/invalid"):
        name = Path(f).stem
        if name == "expected":
            continue
        if name not in expected:
            report(False, f"{f}: no entry in tests/fixtures/invalid/expected.json")
            continue
        if newer_than(f, version):
            print(f"skip {f}: format {version} does not know its fields")
            counts["skipped"] += 1
            continue
        outcome = expected[name]
        local = (isinstance(outcome, dict) and "read_error" in outcome) or (
            isinstance(outcome, list)
            and any(issue[0] == "error" and issue[1] in SINGLE_VALUE_CODES for issue in outcome)
        )
        cases.append((f, not local))
    return cases


def main():
    check_formats_are_enforced()
    versions = sorted(
        p.parent.name for p in (ROOT / "docs/schema").glob("*/peer-support.schema.json")
    )
    if not versions:
        report(False, "no schema found at docs/schema/*/peer-support.schema.json")
    for version in versions:
        schema_path = f"docs/schema/{version}/peer-support.schema.json"
        schema = json.loads((ROOT / schema_path).read_text(encoding="utf-8"))
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as error:
            report(False, f"{schema_path}: not a valid draft 2020-12 schema: {error.message}")
            continue
        report(True, f"{schema_path}: a valid draft 2020-12 schema")
        validator = validator_for(schema)
        for f, valid in expectations(version):
            try:
                document = json.loads((ROOT / f).read_text(encoding="utf-8"))
            except ValueError:
                print(f"skip {f}: not JSON")
                counts["skipped"] += 1
                continue
            errors = list(validator.iter_errors(document))
            verdict = not errors
            detail = ""
            if verdict != valid:
                detail = " (" + "; ".join(
                    f"/{'/'.join(map(str, e.absolute_path))} {e.message[:120]}" for e in errors[:3]
                ) + ")"
            report(
                verdict == valid,
                f"{schema_path} on {f}: {'valid' if verdict else 'invalid'}, "
                f"expected {'valid' if valid else 'invalid'}{detail}",
            )
    print(f"checked with jsonschema {installed_version('jsonschema')}")
    print(f"jsonschema: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    return 0 if counts["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
