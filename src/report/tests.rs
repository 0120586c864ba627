//! Tests of the whole page, read back with a WHATWG tokenizer as a browser
//! would read it.

use std::collections::BTreeMap;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use sha2::{Digest, Sha256};

use super::*;
use crate::catalog;
use crate::synthesis::ConceptRow;

const HOSTILE: &str = include_str!("../../tests/fixtures/report/hostile.json");

/// A file name that is itself markup.
const HOSTILE_NAME: &str = "\"><img src=x onerror=alert(0)><script>alert(0)</script>.json";

fn seeds() -> Loaded {
    catalog::seed_studies().unwrap()
}

fn hostile() -> Loaded {
    crate::document::from_str(HOSTILE).unwrap()
}

fn render_one(name: &str, loaded: &Loaded, options: &Options) -> String {
    render(&[Input::new(name, loaded)], options)
}

/// The report of the seed studies with `options`.
fn seed_page(options: Options) -> String {
    render_one("seeds", &seeds(), &options)
}

/// The map grouped by kind: its slice of the page, read back.
fn kind_map(html: &str) -> Parsed {
    let start = html.find(r#"<div class="map" id="map-kind">"#).unwrap();
    let end = html.find(r#"<div class="map" id="map-cfir">"#).unwrap();
    Parsed::of(&html[start..end])
}

/// A start tag: its name and attributes.
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: BTreeMap<String, String>,
}

/// What the tokenizer saw: the start tags, the text of each `<script>` and
/// `<style>` element, all other text, and any parse error.
#[derive(Debug, Default)]
struct Parsed {
    tags: Vec<Tag>,
    scripts: Vec<String>,
    styles: Vec<String>,
    text: String,
    errors: Vec<String>,
}

impl Parsed {
    fn of(html: &str) -> Self {
        let mut emitter = DefaultEmitter::default();
        // Tokenize <script> and <style> content as raw text, as a browser's
        // tree builder makes its tokenizer do.
        emitter.naively_switch_states(true);
        let mut parsed = Parsed::default();
        let mut open_raw: Option<String> = None;
        for token in Tokenizer::new_with_emitter(html, emitter) {
            let lossy = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
            match token.unwrap() {
                Token::StartTag(tag) => {
                    let name = lossy(&tag.name);
                    if name == "script" || name == "style" {
                        open_raw = Some(name.clone());
                        match name.as_str() {
                            "script" => parsed.scripts.push(String::new()),
                            _ => parsed.styles.push(String::new()),
                        }
                    }
                    let attributes = tag
                        .attributes
                        .iter()
                        .map(|(k, v)| (lossy(k), lossy(&v.value)))
                        .collect();
                    parsed.tags.push(Tag { name, attributes });
                }
                Token::EndTag(_) => open_raw = None,
                Token::String(s) => {
                    let text = lossy(&s.value);
                    match open_raw.as_deref() {
                        Some("script") => parsed.scripts.last_mut().unwrap().push_str(&text),
                        Some(_) => parsed.styles.last_mut().unwrap().push_str(&text),
                        None => parsed.text.push_str(&text),
                    }
                }
                Token::Error(e) => parsed.errors.push(format!("{e:?}")),
                Token::Comment(_) | Token::Doctype(_) => {}
            }
        }
        parsed
    }

    /// Every `href` that is not an anchor of the page.
    fn external_links(&self) -> Vec<&str> {
        self.tags
            .iter()
            .filter_map(|t| t.attributes.get("href"))
            .filter(|h| !h.starts_with('#'))
            .map(String::as_str)
            .collect()
    }

    fn with_class<'p>(&'p self, name: &'p str, class: &'p str) -> impl Iterator<Item = &'p Tag> {
        self.tags.iter().filter(move |t| {
            t.name == name
                && t.attributes
                    .get("class")
                    .is_some_and(|c| c.split(' ').any(|x| x == class))
        })
    }
}

/// Every element the page may contain.
const ELEMENTS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "header", "h1", "p", "nav", "ul", "li", "a",
    "main", "section", "h2", "div", "table", "thead", "tbody", "tr", "th", "td", "br", "span", "i",
    "h3", "input", "label", "details", "summary", "code", "strong", "em", "svg", "rect", "dl",
    "dt", "dd", "ol", "time", "script",
];

/// What makes a page inert: only the page's own elements, one script (its
/// own), one stylesheet (its own), no event handler, no resource to load,
/// and no link but to an anchor of the page or to doi.org.
fn assert_inert(html: &str) -> Parsed {
    let parsed = Parsed::of(html);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    for tag in &parsed.tags {
        assert!(
            ELEMENTS.contains(&tag.name.as_str()),
            "element <{}>",
            tag.name
        );
        for (name, value) in &tag.attributes {
            assert!(!name.starts_with("on"), "<{} {name}={value:?}>", tag.name);
            assert!(
                !matches!(
                    name.as_str(),
                    "src" | "srcset" | "action" | "formaction" | "style" | "xlink:href"
                ),
                "<{} {name}>",
                tag.name
            );
            if name == "href" {
                assert_eq!(tag.name, "a");
                assert!(
                    value.starts_with('#') || value.starts_with("https://doi.org/10."),
                    "href {value:?}"
                );
                assert!(!value.contains(['"', '<', '>', ' ']), "href {value:?}");
            }
        }
    }
    assert_eq!(parsed.scripts, [SCRIPT]);
    assert_eq!(parsed.styles.len(), 1);
    assert_eq!(parsed.styles[0], format!("{STYLE}{}", palette::css()));
    parsed
}

#[test]
fn script_hash_is_the_scripts() {
    let digest = Sha256::digest(SCRIPT.as_bytes());
    assert_eq!(base64(&digest), SCRIPT_SHA256, "update SCRIPT_SHA256");
    assert!(content_security_policy().contains(&format!("'sha256-{SCRIPT_SHA256}'")));
}

/// Standard base64 with padding (RFC 4648), for the script's hash.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn base64_matches_rfc_4648_vectors() {
    for (input, expected) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64(input.as_bytes()), expected);
    }
}

#[test]
fn the_catalog_report_is_inert_and_reproducible_byte_for_byte() {
    let seeds = seeds();
    let first = render_one("seed-studies.json", &seeds, &Options::default());
    let second = render_one("seed-studies.json", &seeds.clone(), &Options::default());
    assert_eq!(first, second);
    assert_inert(&first);
    assert!(!first.contains("Generated at"));
    assert!(!first.contains("<time"));
}

#[test]
fn the_generation_time_is_shown_only_when_set() {
    let seeds = seeds();
    let options = Options {
        generated_at: DateTime::from_timestamp(1_700_000_000, 0),
        ..Options::default()
    };
    let html = render_one("seed-studies.json", &seeds, &options);
    assert!(html.contains(r#"<dt>Generated at</dt><dd><time datetime="2023-11-14T22:13:20+00:00">2023-11-14 22:13:20 UTC</time></dd>"#));
    assert_inert(&html);
}

#[test]
fn hostile_text_renders_as_text() {
    let hostile = hostile();
    assert!(hostile.report.has_errors());
    let html = render_one(HOSTILE_NAME, &hostile, &Options::default());
    let parsed = assert_inert(&html);
    // The markup is there, as text a reader sees.
    for text in [
        HOSTILE_NAME,
        "<script>alert(\"title\")</script> peer support",
        "\"><img src=x onerror=alert(1)>",
        "O'Brien, <b>bold</b> & co",
        "</style><script>alert(2)</script>",
        "javascript:alert(3)",
        "10.1234/\"><svg/onload=alert(16)>",
        "javascript:alert(15)",
        "extension key \"<img src=x onerror=alert(10)>\" has no namespace",
        "/studies/0/<script>alert(14)<~1script>",
    ] {
        assert!(parsed.text.contains(text), "{text:?} is not shown as text");
    }
    // Only the DOI of valid syntax is a link, percent-encoded.
    assert_eq!(
        parsed.external_links(),
        ["https://doi.org/10.1234/%22%3E%3Csvg/onload=alert(16)%3E"]
    );
    // Ids are the page's own.
    for tag in &parsed.tags {
        if let Some(id) = tag.attributes.get("id") {
            assert!(
                id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
                "id {id:?}"
            );
        }
    }
    // None of the markup survives as markup.
    assert!(!html.contains("<img"));
    assert!(!html.contains("<svg/"));
    assert!(!html.contains("<iframe"));
}

#[test]
fn dois_link_to_doi_org_only_when_valid() {
    let seeds = seeds();
    let html = render_one("seeds", &seeds, &Options::default());
    let parsed = Parsed::of(&html);
    let links = parsed.external_links();
    let expected: Vec<String> = seeds
        .document
        .studies
        .iter()
        .filter_map(|s| s.citation.doi.as_ref())
        .map(|d| format!("https://doi.org/{}", d.as_str()))
        .collect();
    assert_eq!(links.len(), 4);
    assert_eq!(links, expected);

    let hostile = hostile();
    let html = render_one("hostile", &hostile, &Options::default());
    assert!(html.contains(
        r#"<span class="invalid" title="not DOI syntax, so not a link">javascript:alert(3)</span> <span class="muted">(not a DOI)</span>"#
    ));
}

#[test]
fn the_map_has_a_cell_per_study_reporting_each_concept() {
    let seeds = seeds();
    let html = render_one("seeds", &seeds, &Options::default());
    let matrix = EvidenceMatrix::from_document(&seeds.document);
    let parsed = Parsed::of(&html);
    // Three groupings: by kind every row, by CFIR the facilitators and
    // barriers, by CHIME the outcomes with a CHIME process.
    let cells: usize = matrix.concepts().iter().map(ConceptRow::study_count).sum();
    let rows = parsed.with_class("tr", "row").count();
    let by_kind = matrix.concepts().len();
    let cfir = matrix
        .concepts()
        .iter()
        .filter(|r| matches!(r.concept().kind(), Some(Kind::Facilitator | Kind::Barrier)))
        .count();
    let codebook = Codebook::standard();
    let chime = matrix
        .concepts()
        .iter()
        .filter(|r| {
            r.concept()
                .kind()
                .and_then(|k| codebook.get(k, r.concept().code()))
                .is_some_and(|e| e.mappings.chime.is_some())
        })
        .count();
    assert!(chime > 0);
    assert_eq!(rows, by_kind + cfir + chime);
    assert!(parsed.with_class("td", "c").count() > cells);
    // The kind map alone.
    let kind_map = kind_map(&html);
    assert_eq!(kind_map.with_class("td", "c").count(), cells);
    assert_eq!(kind_map.with_class("tr", "row").count(), by_kind);
    assert_eq!(
        kind_map.with_class("th", "study").count(),
        matrix.studies().len()
    );
    let polarity = kind_map.with_class("tr", "dis-polarity").count();
    assert_eq!(
        polarity,
        matrix
            .disagreements(crate::synthesis::Disagreement::Polarity)
            .count()
    );
    assert_eq!(polarity, 1);
    // Every concept the codebook knows opens onto its definition.
    let supervision = codebook.get(Kind::Facilitator, "supervision").unwrap();
    assert!(html.contains(&format!(
        r#"<summary title="{}">Supervision</summary>"#,
        supervision.definition
    )));
}

#[test]
fn cells_show_each_stance_by_class_and_glyph() {
    let seeds = seeds();
    let html = render_one("seeds", &seeds, &Options::default());
    // 002 reports the absence of a formal recruitment process as a barrier.
    assert!(html.contains(r#"<td class="c" title="S3: barrier (absent); 1 finding"><span class="m s-barrier" title="barrier (absent)">¬−</span><span class="n">1</span></td>"#));
    assert!(html.contains(r#"<span class="m s-facilitator" title="facilitator">+</span>"#));
    assert!(html.contains(r#"<span class="m s-barrier" title="barrier">−</span>"#));
}

#[test]
fn groupings_follow_the_frameworks_order() {
    let seeds = seeds();
    let options = Options::default();
    let codebook = Codebook::standard();
    let inputs = [Input::new("seeds", &seeds)];
    let ctx = Context::new(&inputs, &options, &codebook);
    let (kinds, unmapped) = map::Grouping::Kind.groups(&ctx);
    assert_eq!(unmapped, 0);
    let labels: Vec<&str> = kinds.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Way of working",
            "Value",
            "Facilitator",
            "Barrier",
            "Outcome"
        ]
    );

    let (domains, unmapped) = map::Grouping::Cfir.groups(&ctx);
    let rows: usize = domains.iter().map(|d| d.rows.len()).sum();
    assert_eq!(rows + unmapped, ctx.matrix.concepts().len());
    assert_eq!(rows, 23);
    let order: Vec<usize> = domains
        .iter()
        .map(|d| {
            crate::vocabulary::CfirDomain::ALL
                .iter()
                .position(|x| x.label() == d.label)
                .unwrap()
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    for domain in &domains {
        let inner: usize = domain.subgroups.iter().map(|s| s.rows.len()).sum();
        assert_eq!(inner, domain.rows.len());
    }

    let (processes, _) = map::Grouping::Chime.groups(&ctx);
    let hope = processes
        .iter()
        .find(|g| g.label == "Hope and optimism")
        .unwrap();
    let codes: Vec<&str> = hope
        .rows
        .iter()
        .map(|&r| ctx.matrix.concepts()[r].concept().code())
        .collect();
    assert_eq!(codes, ["hope"]);

    let rollup = map::Rollup::of(&ctx, &kinds[2].rows);
    assert_eq!(
        rollup,
        map::Rollup {
            concepts: 10,
            studies: 3,
            findings: 11,
            polarity_disagreements: 1
        }
    );
}

#[test]
fn past_the_limit_the_map_shows_stance_profiles() {
    let html = seed_page(Options {
        max_matrix_studies: 3,
        ..Options::default()
    });
    let parsed = assert_inert(&html);
    assert_eq!(parsed.with_class("td", "c").count(), 0);
    assert!(parsed.with_class("td", "profile").count() > 0);
    assert!(parsed.with_class("svg", "bar").count() > 0);
    assert!(html.contains(r#"data-layout="profile""#));
    // Supervision: one study each way, and both listed.
    assert!(html.contains(r#"<span class="m s-facilitator" title="facilitator: 1 study">+ 1</span><span class="m s-barrier" title="barrier: 1 study">− 1</span>"#));
    assert!(html.contains(r##"<a href="#study-2">S2</a><span class="m s-facilitator" title="facilitator">+</span> <a href="#study-3">S3</a><span class="m s-barrier" title="barrier">−</span>"##));
}

#[test]
fn every_bar_is_as_wide_as_the_others() {
    let html = seed_page(Options {
        max_matrix_studies: 0,
        ..Options::default()
    });
    let parsed = Parsed::of(&html);
    let mut bars = 0;
    let mut width = 0;
    for tag in &parsed.tags {
        match tag.name.as_str() {
            "svg" => {
                assert!(bars == 0 || width == 96, "a bar of width {width}");
                bars += 1;
                width = 0;
            }
            "rect" => width += tag.attributes["width"].parse::<usize>().unwrap(),
            _ => {}
        }
    }
    assert_eq!(width, 96);
    assert!(bars > 50);
}

#[test]
fn min_studies_keeps_the_shared_concepts() {
    let html = seed_page(Options {
        min_studies: 2,
        ..Options::default()
    });
    let kind_map = kind_map(&html);
    let searched: Vec<&str> = kind_map
        .with_class("tr", "row")
        .map(|t| t.attributes["data-search"].as_str())
        .collect();
    assert_eq!(
        searched,
        [
            "supervision facilitator:supervision",
            "emotional demands barrier:emotional_demands"
        ]
    );
    assert!(html.contains("Only concepts reported by at least 2 studies are shown."));
}

#[test]
fn the_studies_table_says_primary_and_counts_participants() {
    let seeds = seeds();
    let html = render_one("seeds", &seeds, &Options::default());
    for study in &seeds.document.studies {
        assert_eq!(studies::study_type(study), "primary");
    }
    assert_eq!(html.matches("<td>primary</td>").count(), 4);
    assert!(html.contains(r#"<td class="num" data-sort="35">35 participants<br><span class="muted">Peer worker 35</span></td>"#));
    assert!(html.contains(r##"<tr id="study-4"><th scope="row">S4</th>"##));
}

#[test]
fn the_summary_of_findings_says_there_are_none() {
    let html = render_one("seeds", &seeds(), &Options::default());
    assert!(html.contains(r#"<section id="summary-of-findings" aria-labelledby="sqf-h">"#));
    assert!(html.contains(
        r#"<p class="empty" id="sqf-none">No review findings with a confidence assessment.</p>"#
    ));
}

#[test]
fn reviews_fill_the_summary_of_findings_and_count_included_studies() {
    let review =
        crate::document::from_str(include_str!("../../tests/fixtures/1.1/cerqual.json")).unwrap();
    let html = render_one("review", &review, &Options::default());
    assert_inert(&html);
    assert!(
        html.contains("<td>review: qualitative evidence synthesis</td>"),
        "{html}"
    );
    assert!(
        html.contains(r#"data-sort="3">3 included studies</td>"#),
        "{html}"
    );
    assert!(!html.contains("sqf-none"));
    let start = html.find(r#"<table id="sqf-table">"#).unwrap();
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    assert_eq!(
        table.matches("<tr>").count(),
        1 + 2,
        "head and two assessed findings"
    );
    assert!(table.contains(r##"<td>Supervision focused on risk made peer workers feel their role was diluted.<br><a class="muted" href="#study-1">S1</a></td><td>Moderate concerns<br><span class="muted">The single contributing study did not report its analysis in detail.</span></td>"##), "{table}");
    assert!(table.contains("<td>Low confidence</td>"), "{table}");
    assert!(table.contains("<td>Third E (2019)</td>"), "{table}");
}

#[test]
fn a_study_given_twice_is_one_column() {
    let seeds = seeds();
    let html = render(
        &[Input::new("a.json", &seeds), Input::new("b.json", &seeds)],
        &Options::default(),
    );
    assert_inert(&html);
    assert!(html.contains(r##"<tr id="study-4">"##));
    assert!(
        !html.contains(r##"<tr id="study-5">"##),
        "the copies are left out"
    );
    assert!(html.contains(r#"<p id="duplicates">Left out as the same study given again, and counted once: Understanding the roles and experiences of mental health peer support workers in England: a qualitative study (S1, same id); "#), "{html}");
    // The map is the one of a single copy: every cell of evidence once.
    let once = render_one("a.json", &seeds, &Options::default());
    let cells = |page: &str| page.matches(r#"<td class="c"#).count();
    assert!(cells(&once) > 0);
    assert_eq!(cells(&html), cells(&once));
}

#[test]
fn issues_are_listed_per_input_up_to_the_limit() {
    let hostile = hostile();
    let seeds = seeds();
    let options = Options {
        max_issues_per_file: 3,
        ..Options::default()
    };
    let html = render(
        &[
            Input::new("hostile.json", &hostile),
            Input::new("seeds.json", &seeds),
        ],
        &options,
    );
    assert!(html.contains(r#"<p class="issue-count" data-errors="2" data-warnings="6">2 errors, 6 warnings. The first 3 are listed; <code>peer-support validate</code> lists them all.</p>"#));
    assert!(html.contains(r#"<div class="input-issues" id="issues-2"><h3>seeds.json</h3><p class="issue-count" data-errors="0" data-warnings="0">No issues.</p></div>"#));
    let start = html.find(r#"id="issues-1""#).unwrap();
    let end = html.find(r#"id="issues-2""#).unwrap();
    assert_eq!(html[start..end].matches("<tr>").count(), 1 + 3);
    // Studies of both inputs are columns, in input order.
    assert!(html.contains(
        r##"<tr id="study-3"><th scope="row">S3</th><td class="title">Understanding the roles"##
    ));
}

#[test]
fn nothing_to_report_still_renders() {
    let html = render(&[], &Options::default());
    assert_inert(&html);
    assert!(html.contains("0 studies from 0 inputs; 0 concepts in the evidence map"));
    assert!(html.contains("No concepts to show."));
    assert!(html.contains("No concept in the map has a CHIME process mapping."));

    let empty = Document::new(Vec::new());
    let report = empty.validate();
    let html = render(
        &[Input::from_document("empty", &empty, &report)],
        &Options::default(),
    );
    assert_inert(&html);
    assert!(html.contains("<code>empty_document</code>"));
}

#[test]
fn the_stylesheet_cannot_end_its_element() {
    let css = format!("{STYLE}{}", palette::css());
    assert!(!css.to_ascii_lowercase().contains("</style"));
    assert!(!css.contains("url("));
    assert!(!css.contains("@import"));
    assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
    assert!(!SCRIPT.contains("innerHTML"));
}

#[test]
fn declared_concepts_show_their_labels_and_sit_in_their_cfir_domain() {
    let loaded = crate::from_str(include_str!("../../tests/fixtures/1.1/codebook.json")).unwrap();
    let html = render_one("codebook", &loaded, &Options::default());
    assert_inert(&html);
    assert!(html.contains("Human resource management policies"));
    assert!(html.contains("Declared in a document's project codebook."));
    // Only the declared welfare concepts map to this outer-setting construct.
    assert!(html.contains("Policies &amp; Laws"));
    // poor_pay is an exact match of low_pay: one row, under the standard label.
    assert!(!html.contains("poor_pay"));
}
