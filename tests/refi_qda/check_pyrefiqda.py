#!/usr/bin/env python3
"""Read .qdpx files written by peer_support::refi_qda with pyrefiqda (PyPI),
an independent REFI-QDA reader, and compare what it finds with what the crate
expects: codes, text sources and their texts, selections, their texts and
their codings.

    python3 -m venv /tmp/venv-refi
    /tmp/venv-refi/bin/pip install pyrefiqda xmlschema
    cargo run --features refi-qda --example refi_qda_samples -- target/refi-qda-samples
    /tmp/venv-refi/bin/python tests/refi_qda/check_pyrefiqda.py target/refi-qda-samples

Each argument is a .qdpx or a folder of them; beside each FILE.qdpx the
example writes FILE.qdpx.expected.jsonl, what the crate expects. Selection
texts are cut by code points, as the standard says (Python string
indices are code points); a selection the crate read as UTF-16 units (a
producer's, kept as written) is converted first. Prints one line per file and
a closing "N passed, N failed" line; exits 1 on any difference.
"""

import json
import sys
import tempfile
from pathlib import Path

from pyrefiqda import RefiProject

from validate_xsd import files, report


def walk(codes):
    for code in codes:
        yield code
        yield from walk(code.code)


def cut(text, start, end, unit):
    if unit == "Utf16":
        units = text.encode("utf-16-le")
        return units[2 * start:2 * end].decode("utf-16-le")
    return text[start:end]


def check(qdpx):
    expected = [json.loads(line) for line in Path(f"{qdpx}.expected.jsonl").read_text("utf-8").splitlines()]
    problems = []
    with tempfile.TemporaryDirectory() as extract:
        project = RefiProject.load(qdpx, extract_dir=extract)
        codes = {c.guid: c.name for c in walk(project.code_book.codes.code)} if project.code_book else {}
        sources = {s.guid: s for s in (project.sources.text_source if project.sources else [])}
        texts = {}
        for guid, source in sources.items():
            if source.plain_text_path and not source.plain_text_path.startswith("internal://"):
                texts[guid] = None  # external, not in the archive
            elif source.plain_text_path:
                path = RefiProject.resolve_source_path(source.plain_text_path, extract)
                if path.exists():
                    # newline="": keep CRLF, as positions count it.
                    with open(path, encoding="utf-8-sig", newline="") as file:
                        texts[guid] = file.read()
                else:
                    texts[guid] = None
            else:
                texts[guid] = source.plain_text_content
        selections = {sel.guid: (guid, sel) for guid, s in sources.items() for sel in s.plain_text_selection}
        for item in expected:
            kind, guid = item["kind"], item["guid"]
            if kind == "code" and codes.get(guid) != item["name"]:
                problems.append(f"code {guid}: {codes.get(guid)!r} != {item['name']!r}")
            elif kind == "source":
                if guid not in sources:
                    problems.append(f"source {guid} missing")
                elif texts[guid] != item["text"]:
                    problems.append(f"source {guid}: text differs: {texts[guid]!r} != {item['text']!r}")
            elif kind == "selection":
                if guid not in selections:
                    problems.append(f"selection {guid} missing")
                    continue
                source_guid, sel = selections[guid]
                found = (sel.start_position, sel.end_position, [c.code_ref.target_guid for c in sel.coding])
                wanted = (item["start"], item["end"], item["codes"])
                if found != wanted:
                    problems.append(f"selection {guid}: {found} != {wanted}")
                text = cut(texts[source_guid], sel.start_position, sel.end_position, item["unit"])
                if text != item["text"]:
                    problems.append(f"selection {guid}: text {text!r} != {item['text']!r}")
    counts = {k: sum(1 for i in expected if i["kind"] == k) for k in ("code", "source", "selection")}
    return problems, counts


def main(paths):
    if not paths:
        raise SystemExit(__doc__)

    def results():
        for path in files(paths, (".qdpx",)):
            problems, counts = check(path)
            summary = f"{path}: {counts['code']} codes, {counts['source']} text sources, {counts['selection']} selections"
            yield not problems, summary, problems

    return report(results())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
