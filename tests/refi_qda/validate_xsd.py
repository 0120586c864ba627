#!/usr/bin/env python3
"""Validate REFI-QDA files against the standard's XSDs with xmlschema.

A third-party check of what peer_support::refi_qda writes:

    python3 -m venv /tmp/venv-refi
    /tmp/venv-refi/bin/pip install xmlschema
    cargo run --features refi-qda --example refi_qda_samples -- target/refi-qda-samples
    /tmp/venv-refi/bin/python tests/refi_qda/validate_xsd.py target/refi-qda-samples

Each argument is a .qdc (checked against Codebook.xsd), a .qde (Project.xsd),
a .qdpx (its project.qde, against Project.xsd), or a folder of them. The schemas are the copies
in tests/fixtures/refi-qda/xsd/. Prints one line per file and a closing
"N passed, N failed" line; exits 1 when any file is invalid.
"""

import sys
import zipfile
from pathlib import Path

XSD = Path(__file__).resolve().parent.parent / "fixtures" / "refi-qda" / "xsd"


def documents(path):
    """(label, bytes, schema file name) for each XML document in `path`."""
    suffix = path.suffix.lower()
    if suffix == ".qdc":
        yield str(path), path.read_bytes(), "Codebook.xsd"
    elif suffix == ".qde":
        yield str(path), path.read_bytes(), "Project.xsd"
    elif suffix == ".qdpx":
        with zipfile.ZipFile(path) as archive:
            yield f"{path}!project.qde", archive.read("project.qde"), "Project.xsd"
    else:
        raise SystemExit(f"{path}: not a .qdc, .qde or .qdpx file")


SUFFIXES = (".qdc", ".qde", ".qdpx")


def files(paths, suffixes=SUFFIXES):
    """The paths, with each folder replaced by its files with those suffixes."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix.lower() in suffixes)
        else:
            yield path


def report(results):
    """Prints (ok, label, detail lines) results and the closing "N passed,
    N failed" line; returns the exit status."""
    passed = failed = 0
    for ok, label, details in results:
        if ok:
            passed += 1
            print(f"ok      {label}")
        else:
            failed += 1
            print(f"FAILED  {label}")
        for line in details:
            print(f"  {line}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def validate(paths):
    import xmlschema

    schemas = {name: xmlschema.XMLSchema(str(XSD / name)) for name in ("Codebook.xsd", "Project.xsd")}
    for path in files(paths):
        for label, data, schema_name in documents(path):
            errors = list(schemas[schema_name].iter_errors(data.decode("utf-8")))
            details = [f"{error.path}: {error.reason}" for error in errors[:10]]
            yield not errors, f"{label} ({schema_name})", details


def main(paths):
    if not paths:
        raise SystemExit(__doc__)
    return report(validate(paths))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
