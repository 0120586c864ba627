"""The peer_support package against the crate's fixtures and contracts."""

from __future__ import annotations

import ast
import copy
import json
import re
import threading
from pathlib import Path

import pytest

import peer_support
from peer_support import Issue, Loaded, ReadError

MINIMAL = {
    "schema": "urn:peer-support:study-document",
    "schema_version": "1.0.0",
    "studies": [
        {
            "id": "a0000000-0000-4000-8000-000000000001",
            "citation": {"title": "Peer support workers' experiences"},
        }
    ],
}


def triples(issues):
    return [[i.severity, i.code, i.path] for i in issues]


# --- load -----------------------------------------------------------------


def test_load_accepts_a_path_a_str_path_text_and_bytes(fixtures: Path):
    path = fixtures / "1.1" / "minimal.json"
    text = path.read_text("utf-8")
    for source in (path, str(path), text, text.encode("utf-8"), bytearray(text, "utf-8")):
        loaded = peer_support.load(source)
        assert isinstance(loaded, Loaded)
        assert loaded.issues == []
        assert loaded.version == "1.1.0"
        assert not loaded.has_errors


def test_document_is_plain_values_in_canonical_field_order(fixtures: Path):
    loaded = peer_support.load(fixtures / "1.1" / "full.json")
    assert type(loaded.document) is dict
    assert list(loaded.document)[:3] == ["schema", "schema_version", "studies"]
    study = loaded.document["studies"][0]
    assert type(loaded.document["studies"]) is list
    # The key order of the canonical file, which json.loads keeps.
    text = (fixtures / "1.1" / "full.json").read_text("utf-8")
    assert list(loaded.document) == list(json.loads(text))
    assert list(study) == list(json.loads(text)["studies"][0])
    assert loaded.document == json.loads(text)


def test_older_minor_is_written_as_current_and_keeps_its_declared_version(fixtures: Path):
    loaded = peer_support.load(fixtures / "1.0" / "minimal.json")
    assert loaded.version == "1.0.0"
    assert loaded.document["schema_version"] == peer_support.FORMAT_VERSION


def test_unknown_field_is_a_warning_then_refused_in_strict_mode():
    document = dict(MINIMAL, colour="blue")
    text = json.dumps(document)
    loaded = peer_support.load(text)
    assert triples(loaded.issues) == [["warning", "unknown_field", "/colour"]]
    # Kept on the document and written back.
    assert loaded.document["colour"] == "blue"
    with pytest.raises(ReadError) as caught:
        peer_support.load(text, strict=True)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.kind == "unknown_fields"
    assert error.path == "/colour"
    assert triples(error.issues) == [["error", "unknown_field", "/colour"]]
    assert error.line is None and error.column is None


def test_invalid_fixtures_give_the_crate_s_issues(fixtures: Path, expected_invalid: dict):
    checked = 0
    for name, expected in expected_invalid.items():
        path = fixtures / "invalid" / f"{name}.json"
        if isinstance(expected, list):
            assert triples(peer_support.load(path).issues) == expected, name
            assert triples(peer_support.check(path)) == expected, name
            checked += 1
        else:
            with pytest.raises(ReadError) as caught:
                peer_support.load(path)
            error = caught.value
            kind = expected["read_error"]
            if kind == "json":
                assert error.kind in ("syntax", "eof", "data"), name
            else:
                assert error.kind == kind, name
            if "path" in expected:
                assert error.path == expected["path"], name
            if "line" in expected:
                assert error.line == expected["line"], name
    assert checked >= 15


def test_dangling_reference_has_the_exact_pointer(fixtures: Path):
    issues = peer_support.load(fixtures / "invalid" / "dangling_reference.json").issues
    first = issues[0]
    assert isinstance(first, Issue)
    assert (first.severity, first.code, first.path) == (
        "error",
        "dangling_reference",
        "/studies/0/sources/0/participants/0",
    )
    assert first.is_error
    assert first.message
    assert str(first).startswith("error[dangling_reference] /studies/0/sources/0/participants/0: ")
    assert "dangling_reference" in repr(first)


def test_read_error_has_path_line_and_column():
    text = (
        '{"schema": "urn:peer-support:study-document", "schema_version": "1.0.0",\n'
        '  "studies": [{"id": "a0000000-0000-4000-8000-000000000001", "citation": {"title": " "}}]}'
    )
    with pytest.raises(ReadError) as caught:
        peer_support.load(text)
    error = caught.value
    assert (error.kind, error.path, error.line, error.column) == (
        "data",
        "/studies/0/citation/title",
        2,
        87,
    )
    assert str(error) == (
        "invalid value at /studies/0/citation/title: text must not be empty or only "
        "whitespace (line 2, column 87)"
    )


def test_malformed_json_is_a_syntax_error():
    with pytest.raises(ReadError) as caught:
        peer_support.load(b'{"schema": }')
    assert (caught.value.kind, caught.value.line, caught.value.column) == ("syntax", 1, 12)


def test_newer_major_and_wrong_schema_name_what_they_found():
    with pytest.raises(ReadError, match=r"unsupported schema_version 2\.0\.0") as caught:
        peer_support.load(json.dumps(dict(MINIMAL, schema_version="2.0.0")))
    assert caught.value.kind == "unsupported_version"
    assert caught.value.path == "/schema_version"
    with pytest.raises(ReadError, match="not a peer-support document") as caught:
        peer_support.load(json.dumps(dict(MINIMAL, schema="urn:other")))
    assert caught.value.kind == "wrong_schema"


def test_what_a_generated_model_accepts_the_crate_refuses():
    # A float where a count belongs, and a blank title.
    document = copy.deepcopy(MINIMAL)
    document["studies"][0]["sample"] = {"total": 3.0}
    with pytest.raises(ReadError) as caught:
        peer_support.load(json.dumps(document))
    assert caught.value.path == "/studies/0/sample/total"


def test_missing_file_is_an_os_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        peer_support.load(tmp_path / "absent.json")
    with pytest.raises(FileNotFoundError):
        peer_support.check(str(tmp_path / "absent.json"))


def test_bad_source_type_is_a_type_error():
    with pytest.raises(TypeError, match="source must be"):
        peer_support.load(42)
    with pytest.raises(TypeError):
        peer_support.load(MINIMAL)


def test_byte_order_mark_is_skipped():
    text = json.dumps(MINIMAL)
    assert peer_support.load(b"\xef\xbb\xbf" + text.encode()).issues == []
    assert peer_support.load("\ufeff" + text).issues == []


# --- check ------------------------------------------------------------------


def test_check_returns_the_issues_load_returns(fixtures: Path):
    for path in sorted((fixtures / "invalid").glob("*.json")):
        try:
            expected = peer_support.load(path).issues
        except ReadError:
            with pytest.raises(ReadError):
                peer_support.check(path)
            continue
        assert peer_support.check(path.read_bytes()) == expected, path.name


def test_check_strict():
    text = json.dumps(dict(MINIMAL, colour="blue"))
    assert triples(peer_support.check(text)) == [["warning", "unknown_field", "/colour"]]
    with pytest.raises(ReadError):
        peer_support.check(text, strict=True)


# --- validate ---------------------------------------------------------------


def test_validate_a_changed_document(fixtures: Path):
    document = peer_support.load(fixtures / "1.1" / "full.json").document
    assert peer_support.validate(document) == []
    study = document["studies"][0]
    study["findings"][0]["excerpts"] = ["e0000000-0000-4000-8000-00000000ffff"]
    issues = peer_support.validate(document)
    assert ["error", "dangling_reference", "/studies/0/findings/0/excerpts/0"] in triples(issues)


def test_validate_refuses_values_of_the_wrong_shape():
    document = copy.deepcopy(MINIMAL)
    document["studies"][0]["citation"]["title"] = "   "
    with pytest.raises(ReadError) as caught:
        peer_support.validate(document)
    assert caught.value.path == "/studies/0/citation/title"
    # Positions would point into text the caller never saw.
    assert caught.value.line is None
    with pytest.raises(TypeError, match="document must be a dict"):
        peer_support.validate([MINIMAL])
    with pytest.raises(ValueError, match="JSON cannot represent"):
        peer_support.validate({"schema": object()})


# --- dumps ------------------------------------------------------------------


def canonical_now(text: str) -> str:
    """The fixture as the crate writes it today: the current schema_version."""
    return re.sub(
        r'"schema_version": "[^"]*"',
        f'"schema_version": "{peer_support.FORMAT_VERSION}"',
        text,
        count=1,
    )


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_dumps_of_load_is_the_crate_s_canonical_bytes(fixtures: Path, version: str):
    paths = sorted((fixtures / version).glob("*.json"))
    assert paths
    for path in paths:
        text = path.read_text("utf-8")
        loaded = peer_support.load(path)
        assert peer_support.dumps(loaded.document) == canonical_now(text), path.name
        compact = peer_support.dumps(loaded.document, pretty=False)
        assert "\n" not in compact
        assert peer_support.load(compact).document == loaded.document


def test_dumps_of_the_catalog_is_the_bundled_file():
    bundled = Path(__file__).resolve().parents[2] / "data" / "seed-studies.json"
    assert peer_support.dumps(peer_support.catalog().document) == bundled.read_text("utf-8")


def test_dumps_orders_fields_canonically_and_keeps_unknown_fields():
    shuffled = {"studies": MINIMAL["studies"], "zeta": 1, **{k: MINIMAL[k] for k in ("schema_version", "schema")}}
    text = peer_support.dumps(shuffled)
    assert text.startswith('{\n  "schema": "urn:peer-support:study-document",\n  "schema_version": "1.1.0",\n')
    assert '"zeta": 1' in text
    assert text.endswith("}\n")


# --- redact -----------------------------------------------------------------


def test_redact_quotes_and_aggregate(fixtures: Path):
    document = peer_support.load(fixtures / "1.1" / "full.json").document
    assert document["studies"][0]["excerpts"]
    quotes = peer_support.redact(document, "quotes")
    assert all(e["text"] == "[redacted]" for e in quotes["studies"][0]["excerpts"])
    aggregate = peer_support.redact(document, "aggregate")
    assert "excerpts" not in aggregate["studies"][0]
    assert "participants" not in aggregate["studies"][0]
    # Redacted copies are still documents.
    assert [i for i in peer_support.validate(aggregate) if i.is_error] == []
    # The input is not changed.
    assert document["studies"][0]["excerpts"][0]["text"] != "[redacted]"


def test_redact_refuses_another_level():
    with pytest.raises(ValueError, match='"everything"') as caught:
        peer_support.redact(MINIMAL, "everything")
    assert "quotes" in str(caught.value) and "aggregate" in str(caught.value)


# --- synthesize -------------------------------------------------------------


def test_synthesize_the_catalog():
    seeds = peer_support.catalog()
    rows = peer_support.synthesize([seeds])
    assert rows == peer_support.synthesize([seeds.document], by="concept")
    assert list(rows[0]) == list(peer_support.SYNTHESIS_COLUMNS)
    supervision = [r for r in rows if r["code"] == "supervision"]
    assert {r["study"] for r in supervision} >= {2, 3}
    stances = {tuple(r["stances"]) for r in supervision}
    assert ("facilitator",) in stances and ("barrier",) in stances
    first = rows[0]
    assert isinstance(first["known"], bool)
    assert isinstance(first["findings"], int)
    assert first["study_kind"] == "primary"


def test_synthesize_counts_a_study_given_twice_once():
    seeds = peer_support.catalog().document
    assert peer_support.synthesize([seeds, seeds]) == peer_support.synthesize([seeds])


def test_synthesize_rows_match_the_crate_s_csv_columns(fixtures: Path):
    rows = peer_support.synthesize([peer_support.load(fixtures / "1.1" / "full.json")])
    assert rows
    for row in rows:
        assert tuple(row) == peer_support.SYNTHESIS_COLUMNS


def test_synthesize_rolls_up_by_cfir_domain_counting_each_study_once():
    documents = [peer_support.catalog(), peer_support.catalog(reviews=True)]
    rows = peer_support.synthesize(documents, by="cfir-domain")
    assert rows and all(tuple(r) == peer_support.SYNTHESIS_GROUP_COLUMNS for r in rows)
    assert {r["by"] for r in rows} == {"cfir-domain"}
    # One row per group and study: a study counts once per domain.
    keys = [(r["group"], r["study"]) for r in rows]
    assert len(keys) == len(set(keys))
    domains = {r["group"] for r in rows}
    assert {"inner_setting", "outer_setting"} <= domains
    # Both reviews place factors in the outer setting.
    outer = {r["study"] for r in rows if r["group"] == "outer_setting"}
    assert {5, 6} <= outer
    for r in rows:
        assert r["concepts"] and all(":" in c for c in r["concepts"])


def test_synthesize_unmapped_concepts_form_their_own_group():
    rows = peer_support.synthesize([peer_support.catalog()], by="chime")
    unmapped = [r for r in rows if r["group"] is None]
    assert unmapped and {r["group_label"] for r in unmapped} == {"(unmapped)"}


def test_synthesize_by_an_unknown_grouping_names_the_accepted_ones():
    assert peer_support.SYNTHESIS_BY == (
        "concept", "broader", "cfir-construct", "cfir-domain", "chime", "kind",
    )
    with pytest.raises(ValueError, match=r'"concept", "broader", "cfir-construct", "cfir-domain", "chime", "kind"'):
        peer_support.synthesize([MINIMAL], by="nonsense")


def test_synthesize_refuses_a_single_document():
    with pytest.raises(TypeError, match="sequence of documents"):
        peer_support.synthesize(MINIMAL)


def test_synthesize_frame():
    pandas = pytest.importorskip("pandas")
    frame = peer_support.synthesize_frame([peer_support.catalog()])
    assert isinstance(frame, pandas.DataFrame)
    assert tuple(frame.columns) == peer_support.SYNTHESIS_COLUMNS
    assert len(frame) == len(peer_support.synthesize([peer_support.catalog()]))
    grouped = peer_support.synthesize_frame([peer_support.catalog()], by="kind")
    assert tuple(grouped.columns) == peer_support.SYNTHESIS_GROUP_COLUMNS
    assert len(grouped) == len(peer_support.synthesize([peer_support.catalog()], by="kind"))


def test_synthesize_frame_without_pandas_says_how_to_install(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"peer-support\[pandas\]"):
        peer_support.synthesize_frame([MINIMAL])


# --- codebook, schema, catalog, constants -----------------------------------


def test_codebook():
    entries = peer_support.codebook()
    assert len(entries) > 100
    supervision = [e for e in entries if e["kind"] == "facilitator" and e["code"] == "supervision"]
    assert len(supervision) == 1
    assert supervision[0]["label"] == "Supervision"
    assert supervision[0]["definition"]
    assert {e["kind"] for e in entries} >= {"role", "value", "facilitator", "barrier", "outcome"}


def test_schema_is_the_checked_in_file():
    schema = peer_support.schema()
    major, minor, _ = peer_support.FORMAT_VERSION.split(".")
    path = Path(__file__).resolve().parents[2] / "docs" / "schema" / f"{major}.{minor}" / "peer-support.schema.json"
    assert schema == json.loads(path.read_text("utf-8"))
    assert schema["$id"] == f"urn:peer-support:study-document:{major}.{minor}"


def test_catalog_is_the_four_seed_studies():
    seeds = peer_support.catalog()
    assert seeds.issues == []
    assert len(seeds.document["studies"]) == 4
    assert seeds.document["studies"][0]["citation"]["title"].startswith(
        "Understanding the roles and experiences"
    )


def test_catalog_reviews_are_the_two_bundled_reviews():
    reviews = peer_support.catalog(reviews=True)
    assert not reviews.has_errors
    studies = reviews.document["studies"]
    assert [s["kind"] for s in studies] == ["review", "review"]
    assert [s["sample"] for s in studies] == [
        {"unit": "studies", "total": 53},
        {"unit": "reviews", "total": 35},
    ]


def test_versions():
    assert re.fullmatch(r"\d+\.\d+\.\d+", peer_support.__version__)
    assert peer_support.FORMAT_VERSION == "1.1.0"


# --- threads ----------------------------------------------------------------


def test_loads_run_in_threads(fixtures: Path):
    data = (fixtures / "1.1" / "full.json").read_bytes()
    results = []

    def work():
        results.append(len(peer_support.check(data)))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [0, 0, 0, 0]


# --- the stub ---------------------------------------------------------------


def stub_names() -> set:
    stub = Path(peer_support.__file__).with_name("__init__.pyi")
    tree = ast.parse(stub.read_text("utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def test_stub_and_all_match_the_module():
    public = {n for n in dir(peer_support) if not n.startswith("_")} | {"__version__"}
    assert set(peer_support.__all__) == public
    declared = stub_names() - {"__all__", "Source", "Document"}
    assert declared == set(peer_support.__all__)
    for name in peer_support.__all__:
        assert getattr(peer_support, name) is not None
    assert (Path(peer_support.__file__).parent / "py.typed").exists()


def test_every_public_function_has_a_docstring():
    for name in peer_support.__all__:
        value = getattr(peer_support, name)
        if callable(value):
            assert value.__doc__ and value.__doc__.strip(), name
