//! The crate's modules form layers: each uses only the modules declared
//! before it in `src/lib.rs`. This test reads the sources and fails on any
//! `crate::`, `$crate::` or `super::` path that reaches a module declared
//! later, which also proves there is no import cycle between modules.
//!
//! Comments are skipped: a doc link may point anywhere, it imports nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// The top-level modules in declaration order, from `src/lib.rs`.
fn layers() -> Vec<String> {
    let lib = std::fs::read_to_string(Path::new(SRC).join("lib.rs")).unwrap();
    let mut modules = Vec::new();
    for line in lib.lines() {
        let line = line.trim();
        let rest = ["pub mod ", "pub(crate) mod ", "mod "]
            .iter()
            .find_map(|prefix| line.strip_prefix(prefix));
        if let Some(name) = rest.and_then(|r| r.strip_suffix(';')) {
            modules.push(name.to_owned());
        }
    }
    modules
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a source file (`src/validate/index.rs` is
/// `["validate", "index"]`; `mod.rs` names its directory).
fn module_path(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(SRC).unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" {
        parts.push(stem.to_owned());
    }
    parts
}

/// Every top-level module a line of code names through `crate::`,
/// `$crate::` or a `super::` chain that climbs to the crate root, given the
/// module path of the file.
fn referenced_modules(line: &str, path: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = line.as_bytes();
    let word = |at: usize| {
        line[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect::<String>()
    };
    let mut i = 0;
    while i < line.len() {
        let starts_word = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if starts_word && bytes[i..].starts_with(b"crate::") {
            found.push(word(i + "crate::".len()));
            i += "crate::".len();
            continue;
        }
        if starts_word && bytes[i..].starts_with(b"super::") {
            let mut depth = 0;
            let mut j = i;
            while bytes[j..].starts_with(b"super::") {
                depth += 1;
                j += "super::".len();
            }
            // From a file at `path`, `depth` supers reach the crate root
            // when they climb out of every module of the path.
            if depth >= path.len() {
                found.push(word(j));
            }
            i = j;
            continue;
        }
        i += 1;
    }
    found
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let layers = layers();
    assert!(
        layers.len() >= 10,
        "lib.rs should declare the layers: {layers:?}"
    );
    let mut rank: HashMap<&str, usize> = layers
        .iter()
        .enumerate()
        .map(|(i, m)| (m.as_str(), i))
        .collect();
    // The shared macros are declared first so that every module can use
    // them; their expansions are part of the leaf layer, `util`.
    if let Some(&util) = rank.get("util") {
        rank.insert("macros", util);
    }
    let mut files = Vec::new();
    rust_files(Path::new(SRC), &mut files);
    let mut violations = Vec::new();
    let mut checked = 0;
    for file in &files {
        let path = module_path(file);
        // The crate root re-exports; the binary sits on top of everything.
        let Some(top) = path.first() else { continue };
        if top == "bin" || top == "lib" {
            continue;
        }
        let Some(&own) = rank.get(top.as_str()) else {
            violations.push(format!(
                "{}: module `{top}` is not declared in lib.rs",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for target in referenced_modules(line, &path) {
                checked += 1;
                match rank.get(target.as_str()) {
                    Some(&r) if r > own => violations.push(format!(
                        "{}:{}: `{top}` uses `{target}`, a layer above it: {}",
                        file.display(),
                        n + 1,
                        line.trim()
                    )),
                    _ => {}
                }
            }
        }
    }
    assert!(checked > 50, "the scan found only {checked} paths");
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn the_scanner_sees_what_it_must() {
    let validate = ["validate".to_owned()];
    let index = ["validate".to_owned(), "index".to_owned()];
    assert_eq!(
        referenced_modules("use crate::study::{Document, Study};", &validate),
        ["study"]
    );
    assert_eq!(
        referenced_modules("$crate::util::code::check(x)", &validate),
        ["util"]
    );
    assert_eq!(
        referenced_modules("use super::Document;", &validate),
        ["Document"]
    );
    assert_eq!(
        referenced_modules("use super::Issue;", &index),
        Vec::<String>::new()
    );
    assert_eq!(
        referenced_modules("use super::super::document::Loaded;", &index),
        ["document"]
    );
    assert_eq!(
        referenced_modules("let x = notcrate::y; supercrate::z", &validate),
        Vec::<String>::new()
    );
}
