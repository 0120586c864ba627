#!/usr/bin/env python3
"""Checks what headless Chromium made of a `peer-support report` page.

Python standard library only. Subcommands:

  dom DOM --matrix M.json --validation V.jsonl [--hostile] [--max-nodes N]
      DOM is Chromium's --dump-dom of the page (after its script ran). M.json
      is `peer-support synthesize --format json` of the same inputs, V.jsonl
      `peer-support validate --format json` of each input, in order: the
      page's sections, cells and issue counts must agree with them, and the
      page must be inert (see check_inert).
  netlog NETLOG [--expect-page-requests]
      NETLOG is Chromium's --log-net-log of the page's load: no request may
      come from the page (its network isolation key is the file:// page);
      requests Chromium makes for itself (updates, accounts) are not the
      page's. With --expect-page-requests the opposite: the negative control,
      which proves the check can see a request.
  png PNG --min-bytes N
      A PNG screenshot of at least N bytes, wider and taller than 200 px.

Exits 1 with one line per failed check; prints what it checked otherwise.
"""

import argparse
import json
import struct
import sys
from html.parser import HTMLParser

# Every element the page may hold once its script has run (button, input and
# pre are the script's own additions).
ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "p", "nav", "ul", "li",
    "a", "main", "section", "h2", "div", "table", "thead", "tbody", "tr", "th", "td", "br",
    "span", "i", "h3", "input", "label", "details", "summary", "code", "strong", "em", "svg",
    "rect", "dl", "dt", "dd", "ol", "time", "script", "button", "pre",
}
VOID = {"meta", "br", "input", "link", "img", "hr", "base", "source", "wbr", "area", "col", "embed", "param", "track"}
SECTIONS = ["overview", "studies", "studies-table", "evidence-map", "map-kind", "map-cfir", "map-chime",
            "summary-of-findings", "issues", "provenance", "concept-filter"]


class Element:
    def __init__(self, tag, attrs, ancestors):
        self.tag = tag
        self.attrs = dict(attrs)
        self.classes = set((self.attrs.get("class") or "").split())
        self.ancestor_ids = {a.attrs["id"] for a in ancestors if "id" in a.attrs}
        self.text = []

    def inside(self, element_id):
        return element_id in self.ancestor_ids


class Dom(HTMLParser):
    """The elements of a serialized DOM, each knowing the ids above it."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.stack = []
        self.text = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.stack)
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, attrs, self.stack))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        for element in self.stack:
            element.text.append(data)
        if not any(e.tag in ("script", "style") for e in self.stack):
            self.text.append(data)

    def select(self, tag, cls=None, inside=None):
        return [e for e in self.elements
                if e.tag == tag and (cls is None or cls in e.classes) and (inside is None or e.inside(inside))]

    def by_id(self, element_id):
        return next((e for e in self.elements if e.attrs.get("id") == element_id), None)


class Checks:
    def __init__(self):
        self.failed = []
        self.passed = 0

    def expect(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failed.append(message)

    def equal(self, actual, expected, what):
        self.expect(actual == expected, f"{what}: {actual!r}, expected {expected!r}")

    def finish(self, what):
        for message in self.failed:
            print(f"FAIL {what}: {message}")
        if self.failed:
            sys.exit(1)
        print(f"ok {what}: {self.passed} checks")


def check_inert(dom, checks):
    """Only the page's own elements; one script, inline, and it ran; no
    event handler, inline style attribute or resource URL; links only to
    anchors of the page and to https://doi.org/."""
    for e in dom.elements:
        checks.expect(e.tag in ELEMENTS, f"element <{e.tag}>")
        for name, value in e.attrs.items():
            value = value or ""
            checks.expect(not name.startswith("on"), f"<{e.tag} {name}={value!r}>")
            checks.expect(name not in ("src", "srcset", "style", "action", "formaction", "xlink:href", "background", "poster", "data"),
                          f"<{e.tag} {name}={value!r}>")
            if name == "href":
                checks.expect(e.tag == "a", f"href on <{e.tag}>")
                checks.expect(value.startswith("#") or value.startswith("https://doi.org/10."), f"href {value!r}")
    scripts = dom.select("script")
    checks.equal(len(scripts), 1, "script elements")
    checks.expect(all("src" not in s.attrs for s in scripts), "a script with src")
    html = dom.select("html")
    checks.expect(html and "data-enhanced" in html[0].attrs, "the page's script did not run (data-enhanced missing: CSP hash?)")
    checks.equal(len(dom.select("style")), 1, "style elements")
    csp = [m for m in dom.select("meta") if (m.attrs.get("http-equiv") or "").lower() == "content-security-policy"]
    checks.expect(len(csp) == 1 and "default-src 'none'" in csp[0].attrs.get("content", ""), "Content-Security-Policy meta")


def check_dom(args):
    checks = Checks()
    with open(args.dom, encoding="utf-8") as f:
        dom = Dom(f.read())
    with open(args.matrix, encoding="utf-8") as f:
        matrix = json.load(f)
    with open(args.validation, encoding="utf-8") as f:
        validation = [json.loads(line) for line in f if line.strip()]

    check_inert(dom, checks)
    for element_id in SECTIONS:
        checks.expect(dom.by_id(element_id) is not None, f"no #{element_id}")
    checks.expect(dom.by_id("sqf-none") is not None, "the Summary of Qualitative Findings does not say it has none")

    studies = len(matrix["studies"])
    concepts = matrix["concepts"]
    cells = sum(len(c["evidence"]) for c in concepts)
    polarity = sum(1 for c in concepts if c.get("disagreement") == "polarity")
    stance = sum(1 for c in concepts if c.get("disagreement") == "stance")
    checks.equal(len(dom.select("tr", inside="studies-table")) - 1, studies, "studies table rows")
    if args.doi_links is not None:
        links = [a for a in dom.select("a", inside="studies-table") if a.attrs.get("href", "").startswith("https://doi.org/")]
        checks.equal(len(links), args.doi_links, "doi.org links")
    rows = dom.select("tr", "row", inside="map-kind")
    checks.equal(len(rows), len(concepts), "concept rows grouped by kind")
    checks.equal(len(dom.select("tr", "dis-polarity", inside="map-kind")), polarity, "polarity disagreements marked")
    checks.equal(len(dom.select("tr", "dis-stance", inside="map-kind")), stance, "stance disagreements marked")
    layout = dom.select("div", "groupings")
    layout = layout[0].attrs.get("data-layout") if layout else None
    if layout == "matrix":
        checks.equal(len(dom.select("th", "study", inside="map-kind")), studies, "study columns")
        checks.equal(len(dom.select("td", "c", inside="map-kind")), cells, "cells with evidence")
        empty = [td for td in dom.select("td", inside="map-kind") if not td.classes and not "".join(td.text).strip()]
        checks.expect(len(empty) >= len(concepts) * studies - cells, "empty cells")
    else:
        checks.equal(layout, "profile", "map layout")
        checks.equal(len(dom.select("td", "profile", inside="map-kind")), len(concepts), "stance profiles")
        listed = [a for a in dom.select("a", inside="map-kind") if a.attrs.get("href", "").startswith("#study-")]
        checks.equal(len(listed), cells, "studies listed under the concepts")
    definitions = [s for s in dom.select("summary", inside="map-kind") if s.attrs.get("title")]
    known = sum(1 for c in concepts if c["known"])
    checks.equal(len(definitions), known, "concepts with a definition on hover")
    chips = dom.select("span", "m", inside="map-kind")
    checks.expect(all(c.classes & {"s-facilitator", "s-barrier", "s-benefit", "s-harm", "s-value_held", "s-caveat", "s-influence", "s-practice", "s-other"}
                      and "".join(c.text).strip() for c in chips), "a chip without a stance class or glyph")
    checks.expect(len(chips) >= cells, "chips")

    inputs = dom.select("div", "input-issues")
    checks.equal(len(inputs), len(validation), "inputs in the issues section")
    for i, result in enumerate(validation):
        count = dom.select("p", "issue-count", inside=f"issues-{i + 1}")
        errors = sum(1 for issue in result["issues"] if issue["severity"] == "error")
        warnings = len(result["issues"]) - errors
        checks.expect(len(count) == 1, f"no issue count for input {i + 1}")
        if count:
            checks.equal((int(count[0].attrs["data-errors"]), int(count[0].attrs["data-warnings"])), (errors, warnings),
                         f"errors and warnings of input {i + 1}")
        listed = len(dom.select("tr", inside=f"issues-{i + 1}"))
        shown = min(len(result["issues"]), args.max_issues)
        checks.equal(listed, shown + 1 if shown else 0, f"issue rows of input {i + 1}")

    text = "".join(dom.text)
    for expected in args.text or []:
        checks.expect(expected in text, f"text {expected!r} is not shown as text")
    nodes = len(dom.elements)
    if args.max_nodes is not None:
        checks.expect(nodes <= args.max_nodes, f"{nodes} elements, more than {args.max_nodes}")
    timing = dom.by_id("timing")
    if timing is not None:
        print("timing " + "".join(timing.text))
    print(f"{args.dom}: {nodes} elements, {studies} studies, {len(concepts)} concepts, {cells} cells, layout {layout}")
    checks.finish(args.dom)


def check_netlog(args):
    checks = Checks()
    with open(args.netlog, encoding="utf-8") as f:
        raw = f.read()
    try:
        log = json.loads(raw)
    except json.JSONDecodeError:
        # A log cut short when the browser exited: close the events array.
        log = json.loads(raw.rstrip().rstrip(",") + "]}")
    types = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    page, browser = [], []
    for event in log["events"]:
        params = event.get("params") or {}
        if types.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        if "file://" in params.get("network_isolation_key", "") or params.get("initiator") not in (None, "not an origin"):
            page.append(params["url"])
        else:
            browser.append(params["url"])
    if args.expect_page_requests:
        checks.expect(page, "the control page's requests were not seen")
    else:
        checks.equal(page, [], "requests made by the page")
    print(f"{args.netlog}: {len(page)} request(s) by the page {page}, {len(browser)} by the browser itself")
    checks.finish(args.netlog)


def check_png(args):
    checks = Checks()
    with open(args.png, "rb") as f:
        data = f.read()
    checks.expect(data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG")
    width, height = struct.unpack(">II", data[16:24]) if len(data) >= 24 else (0, 0)
    checks.expect(width > 200 and height > 200, f"{width}x{height}")
    checks.expect(len(data) >= args.min_bytes, f"{len(data)} bytes, fewer than {args.min_bytes}")
    print(f"{args.png}: {width}x{height}, {len(data)} bytes")
    checks.finish(args.png)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dom = sub.add_parser("dom")
    dom.add_argument("dom")
    dom.add_argument("--matrix", required=True)
    dom.add_argument("--validation", required=True)
    dom.add_argument("--doi-links", type=int)
    dom.add_argument("--text", action="append", help="text the page must show (repeatable)")
    dom.add_argument("--max-nodes", type=int)
    dom.add_argument("--max-issues", type=int, default=200, help="the report's max_issues_per_file")
    dom.set_defaults(run=check_dom)
    netlog = sub.add_parser("netlog")
    netlog.add_argument("netlog")
    netlog.add_argument("--expect-page-requests", action="store_true")
    netlog.set_defaults(run=check_netlog)
    png = sub.add_parser("png")
    png.add_argument("png")
    png.add_argument("--min-bytes", type=int, required=True)
    png.set_defaults(run=check_png)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
