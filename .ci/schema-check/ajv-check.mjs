// Compiles every published schema, docs/schema/*/peer-support.schema.json,
// with ajv (draft 2020-12) in strict mode plus ajv-formats, and checks its
// verdict on the fixtures:
//   - tests/fixtures/{version}/*.json, the version's golden fixtures, and
//     tests/fixtures/lenient/*.json are valid;
//   - of tests/fixtures/invalid/*.json, those whose problem a schema can see
//     are invalid and the others valid (the rule of
//     tests/support/released.rs, applied to tests/fixtures/invalid/expected.json:
//     the reader refuses the file, or validation reports an error with one of
//     SINGLE_VALUE_CODES). A file that is not JSON is skipped, and so is one
//     of a newer minor version than the schema: its new fields are unknown
//     fields to an older schema.
// Prints every check and exits non-zero on any failure.
//
// Run from anywhere: npm ci --prefix .ci/schema-check && node .ci/schema-check/ajv-check.mjs

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const SINGLE_VALUE_CODES = ["invalid_doi", "invalid_extension_key", "review_details_on_primary", "reused_standard_code", "cerqual_on_primary_finding"];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const validatorName = `ajv ${require("ajv/package.json").version}, ajv-formats ${require("ajv-formats/package.json").version}`;

let passed = 0;
let failed = 0;
let skipped = 0;

function report(ok, line) {
  console.log(`${ok ? "ok  " : "FAIL"} ${line}`);
  if (ok) passed += 1;
  else failed += 1;
}

function jsonFiles(dir) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => `${dir}/${name}`);
}

function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

// Format checks must be on, or "valid" would mean less than it says.
function checkFormatsAreEnforced() {
  const ajv = newAjv();
  const date = ajv.compile({ type: "string", format: "date" });
  const uuid = ajv.compile({ type: "string", format: "uuid" });
  report(
    date("2021-01-20") && !date("2021-02-30") && uuid("a0000000-0000-4000-8000-000000000001") && !uuid("not-a-uuid"),
    "format checks: date and uuid are enforced",
  );
}

// Whether the fixture declares a newer minor version than `version`.
function newerThan(file, version) {
  let declared;
  try {
    declared = String(JSON.parse(fs.readFileSync(path.join(root, file), "utf8")).schema_version ?? "");
  } catch {
    return false;
  }
  const [major, minor] = version.split(".").map(Number);
  const [dMajor, dMinor] = declared.split(".").map(Number);
  return dMajor === major && dMinor > minor;
}

function expectations(version) {
  const expected = JSON.parse(fs.readFileSync(path.join(root, "tests/fixtures/invalid/expected.json"), "utf8"));
  const cases = [...jsonFiles(`tests/fixtures/${version}`), ...jsonFiles("tests/fixtures/lenient")].map((file) => ({
    file,
    valid: true,
  }));
  if (!jsonFiles(`tests/fixtures/${version}`).length) {
    report(false, `format ${version}: no golden fixtures in tests/fixtures/${version}/`);
  }
  for (const file of jsonFiles("tests/fixtures/invalid")) {
    const name = path.basename(file, ".json");
    if (name === "expected") continue;
    if (newerThan(file, version)) {
      console.log(`skip ${file}: format ${version} does not know its fields`);
      skipped += 1;
      continue;
    }
    const outcome = expected[name];
    if (outcome === undefined) {
      report(false, `${file}: no entry in tests/fixtures/invalid/expected.json`);
      continue;
    }
    const local =
      "read_error" in outcome ||
      (Array.isArray(outcome) &&
        outcome.some(([severity, code]) => severity === "error" && SINGLE_VALUE_CODES.includes(code)));
    cases.push({ file, valid: !local });
  }
  return cases;
}

checkFormatsAreEnforced();
const schemas = fs
  .readdirSync(path.join(root, "docs/schema"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, "docs/schema", entry.name, "peer-support.schema.json")))
  .map((entry) => entry.name)
  .sort();
if (!schemas.length) report(false, "no schema found at docs/schema/*/peer-support.schema.json");

for (const version of schemas) {
  const schemaPath = `docs/schema/${version}/peer-support.schema.json`;
  let validate;
  try {
    validate = newAjv().compile(JSON.parse(fs.readFileSync(path.join(root, schemaPath), "utf8")));
    report(true, `${schemaPath}: compiles in strict mode`);
  } catch (error) {
    report(false, `${schemaPath}: does not compile in strict mode: ${error.message}`);
    continue;
  }
  for (const { file, valid } of expectations(version)) {
    let document;
    try {
      document = JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
    } catch {
      console.log(`skip ${file}: not JSON`);
      skipped += 1;
      continue;
    }
    const verdict = validate(document);
    const errors = verdict ? "" : ` (${validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`).slice(0, 3).join("; ")})`;
    report(verdict === valid, `${schemaPath} on ${file}: ${verdict ? "valid" : "invalid"}, expected ${valid ? "valid" : "invalid"}${verdict === valid ? "" : errors}`);
  }
}

console.log(`checked with ${validatorName}`);
console.log(`ajv: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
