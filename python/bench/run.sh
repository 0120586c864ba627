#!/usr/bin/env bash
# The Python load benchmark (docs/performance.md, "Python"): builds a
# virtual environment under target/ with peer_support (release build),
# pydantic, datamodel-code-generator and msgspec from PyPI, generates the
# synthetic corpus and the pydantic model of the format's schema, and runs
# bench_load.py. Not part of CI. Arguments: excerpts (default 10000), repeats
# (default 10).
set -euo pipefail
cd "$(dirname "$0")/../.."

excerpts="${1:-10000}"
repeat="${2:-10}"
venv=target/bench-venv
out=target/bench

mkdir -p "$out"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --disable-pip-version-check --quiet \
    pydantic datamodel-code-generator msgspec
CARGO_TARGET_DIR="$PWD/target" "$venv/bin/pip" install --disable-pip-version-check \
    --quiet --force-reinstall --no-deps ./python

corpus="$out/python-corpus-$excerpts.json"
[ -s "$corpus" ] || cargo run --quiet --all-features -- \
    generate --studies 10 --excerpts "$excerpts" --seed 2024 > "$corpus"

major_minor="$("$venv/bin/python" -c 'import peer_support as p; print(".".join(p.FORMAT_VERSION.split(".")[:2]))')"
"$venv/bin/datamodel-codegen" --input "docs/schema/$major_minor/peer-support.schema.json" \
    --input-file-type jsonschema --output-model-type pydantic_v2.BaseModel \
    --output "$out/pydantic_model.py" 2>/dev/null

"$venv/bin/python" python/bench/bench_load.py "$corpus" "$out/pydantic_model.py" --repeat "$repeat"
