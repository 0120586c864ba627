#!/usr/bin/env bash
# The evidence report in a real browser: headless Chromium opens the report
# of the bundled seed studies and reviews, of a document whose text is markup
# (tests/fixtures/report/hostile.json, under a file name that is markup too)
# and of a generated corpus of 1,000 studies. For each, .ci/browser-check.py
# checks Chromium's DOM (sections, rows, cells, issue counts against
# `synthesize` and `validate`, nothing but the page's own elements and
# script), its network log (no request from the page) and a screenshot.
# A control page with an external image proves the network check sees
# requests.
#
# Installs Debian's chromium when /usr/bin/chromium is missing (as root, as CI
# runs). Everything it writes goes to target/browser-check/; the catalog's
# screenshot there is the one kept as docs/report.png.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
    echo "== installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version

out="$PWD/target/browser-check"
rm -rf "$out"
mkdir -p "$out"
cargo build --quiet --all-features --bin peer-support
bin="$PWD/target/debug/peer-support"
check() { python3 .ci/browser-check.py "$@"; }

# chrome NAME URL ARGS...: one headless run with a fresh profile, no name
# resolution, and a network log in $out/NAME.netlog.json.
chrome() {
    local name=$1 url=$2
    shift 2
    local profile
    profile=$(mktemp -d "$out/profile.XXXXXX")
    timeout 180 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" \
        --host-resolver-rules="MAP * ~NOTFOUND" \
        --log-net-log="$out/$name.netlog.json" --net-log-capture-mode=Default \
        --enable-logging=stderr --v=1 "$@" "$url" 2>"$out/$name.stderr"
}

# look NAME [DOM-CHECK ARGS...]: the DOM, network and screenshot checks of
# $out/NAME.html against $out/NAME.matrix.json and NAME.validation.jsonl.
look() {
    local name=$1
    shift
    chrome "$name.dom" "file://$out/$name.html" --dump-dom >"$out/$name.dom.html"
    check dom "$out/$name.dom.html" --matrix "$out/$name.matrix.json" \
        --validation "$out/$name.validation.jsonl" "$@"
    check netlog "$out/$name.dom.netlog.json"
    chrome "$name.png" "file://$out/$name.html" --hide-scrollbars --window-size=1280,1800 \
        --screenshot="$out/$name.png" >/dev/null
    check png "$out/$name.png" --min-bytes 40000
    check netlog "$out/$name.png.netlog.json"
    # The page's own policy blocked nothing it needs.
    if grep -i "content security policy" "$out/$name.dom.stderr" "$out/$name.png.stderr"; then
        echo "FAIL $name: a Content Security Policy violation"
        exit 1
    fi
}

echo "== report of the bundled seed studies and reviews"
"$bin" report -o "$out/catalog.html" 2>"$out/catalog.report.stderr"
"$bin" synthesize --format json >"$out/catalog.matrix.json" 2>/dev/null
"$bin" catalog >"$out/seeds.json"
"$bin" catalog --reviews >"$out/reviews.json"
"$bin" validate --format json "$out/seeds.json" "$out/reviews.json" >"$out/catalog.validation.jsonl"
look catalog --doi-links 6 --text "Understanding the roles and experiences" \
    --text "a systematic umbrella review"

echo "== report of a document whose text is markup"
hostile="$out/\"><img src=x onerror=alert(1)><script>alert(2)<\\script>.json"
cp tests/fixtures/report/hostile.json "$hostile"
status=0
"$bin" report "$hostile" -o "$out/hostile.html" 2>/dev/null || status=$?
[ "$status" -eq 1 ] || { echo "FAIL hostile: report exit status $status, expected 1"; exit 1; }
"$bin" synthesize --format json "$hostile" >"$out/hostile.matrix.json" 2>/dev/null || true
"$bin" validate --format json "$hostile" >"$out/hostile.validation.jsonl" || true
look hostile --doi-links 1 \
    --text "$(basename "$hostile")" \
    --text '<script>alert("title")</script> peer support' \
    --text '"><img src=x onerror=alert(1)>' \
    --text '</style><script>alert(2)</script>' \
    --text 'javascript:alert(3)' \
    --text 'extension key "<img src=x onerror=alert(10)>" has no namespace'

echo "== report of 1,000 generated studies"
"$bin" generate --studies 1000 --excerpts 100000 --seed 1 >"$out/corpus.json"
"$bin" report "$out/corpus.json" -o "$out/corpus.html"
"$bin" synthesize --format json "$out/corpus.json" >"$out/corpus.matrix.json"
"$bin" validate --format json "$out/corpus.json" >"$out/corpus.validation.jsonl"
bytes=$(wc -c <"$out/corpus.html")
echo "corpus.html: $bytes bytes"
# docs/performance.md: the budget for this corpus.
[ "$bytes" -le 3000000 ] || { echo "FAIL corpus: $bytes bytes, over 3,000,000"; exit 1; }
# ?timing makes the page print its paint timings and element count.
chrome corpus.timing "file://$out/corpus.html?timing" --dump-dom >"$out/corpus.timing.html"
cp "$out/corpus.timing.html" "$out/corpus.dom.html"
check dom "$out/corpus.dom.html" --matrix "$out/corpus.matrix.json" \
    --validation "$out/corpus.validation.jsonl" --doi-links 1000 --max-nodes 60000
check netlog "$out/corpus.timing.netlog.json"

echo "== control: a page that loads an image is caught"
printf '%s\n' '<!DOCTYPE html><title>control</title><img src="https://example.com/x.png">' \
    >"$out/control.html"
chrome control "file://$out/control.html" --dump-dom >/dev/null
check netlog "$out/control.netlog.json" --expect-page-requests

echo "== browser check passed"
