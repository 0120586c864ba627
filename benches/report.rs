//! Summarises the last `corpus` benchmark run as the Markdown tables of
//! docs/performance.md: time, MB/s and excerpts/s for every operation and
//! size, ratios to the raw-deserialize baseline, the cost per excerpt across
//! sizes, and the synthesis share of load time.
//!
//! ```text
//! cargo bench --features synthetic --bench corpus && cargo bench --bench report
//! ```
//!
//! It reads criterion's estimates (`<target>/criterion/corpus_<n>/<op>/new/`),
//! so every figure comes from one run. It measures nothing itself.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

const SIZES: &[u64] = &[1_000, 10_000, 100_000, 1_000_000];
/// The operations, the baseline first.
const OPERATIONS: &[&str] = &[
    "raw_deserialize",
    "load",
    "validate",
    "write_pretty",
    "synthesis",
    "validate_digits",
];

/// One operation at one size, as criterion recorded it.
struct Row {
    excerpts: u64,
    bytes: u64,
    operation: &'static str,
    /// Mean time per iteration, in nanoseconds, with its 95% interval.
    mean: f64,
    low: f64,
    high: f64,
}

fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    // The bench runs as <target>/release/deps/report-<hash>.
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.parent()?.join("criterion")))
        .unwrap_or_else(|| PathBuf::from("target/criterion"))
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_slice(&fs::read(path).ok()?).ok()
}

fn load_row(dir: &Path, excerpts: u64, bytes: u64, operation: &'static str) -> Option<Row> {
    let estimates =
        read_json(&dir.join(format!("corpus_{excerpts}/{operation}/new/estimates.json")))?;
    let mean = &estimates["mean"];
    Some(Row {
        excerpts,
        bytes,
        operation,
        mean: mean["point_estimate"].as_f64()?,
        low: mean["confidence_interval"]["lower_bound"].as_f64()?,
        high: mean["confidence_interval"]["upper_bound"].as_f64()?,
    })
}

/// The JSON size of a corpus, from the byte throughput of its baseline.
fn json_bytes(dir: &Path, excerpts: u64) -> Option<u64> {
    let bench = read_json(&dir.join(format!(
        "corpus_{excerpts}/raw_deserialize/new/benchmark.json"
    )))?;
    bench["throughput"]["Bytes"].as_u64()
}

fn human_time(ns: f64) -> String {
    match ns {
        ns if ns >= 1e9 => format!("{:.2} s", ns / 1e9),
        ns if ns >= 1e6 => format!("{:.2} ms", ns / 1e6),
        ns => format!("{:.1} µs", ns / 1e3),
    }
}

fn main() {
    let dir = criterion_dir();
    let mut rows = Vec::new();
    for &excerpts in SIZES {
        let Some(bytes) = json_bytes(&dir, excerpts) else {
            continue;
        };
        rows.extend(
            OPERATIONS
                .iter()
                .filter_map(|op| load_row(&dir, excerpts, bytes, op)),
        );
    }
    if rows.is_empty() {
        println!(
            "No corpus results under {}: run `cargo bench --features synthetic --bench corpus` first.",
            dir.display()
        );
        return;
    }
    let find = |excerpts: u64, operation: &str| {
        rows.iter()
            .find(|r| r.excerpts == excerpts && r.operation == operation)
    };

    println!("Results from {}\n", dir.display());
    println!(
        "| excerpts | JSON MB | operation | mean time (95% CI) | MB/s | excerpts/s | ns/excerpt | throughput vs raw |"
    );
    println!("|---:|---:|---|---|---:|---:|---:|---:|");
    for row in &rows {
        let seconds = row.mean / 1e9;
        let vs_raw = find(row.excerpts, "raw_deserialize")
            .map_or("".to_owned(), |raw| format!("{:.2}×", raw.mean / row.mean));
        println!(
            "| {} | {:.1} | {} | {} ({} – {}) | {:.0} | {:.0} | {:.0} | {} |",
            row.excerpts,
            row.bytes as f64 / 1e6,
            row.operation,
            human_time(row.mean),
            human_time(row.low),
            human_time(row.high),
            row.bytes as f64 / 1e6 / seconds,
            row.excerpts as f64 / seconds,
            row.mean / row.excerpts as f64,
            vs_raw,
        );
    }

    println!("\nCost per excerpt across sizes (ns/excerpt; spread = largest / smallest):\n");
    let sizes: Vec<u64> = SIZES
        .iter()
        .copied()
        .filter(|&n| find(n, "raw_deserialize").is_some())
        .collect();
    print!("| operation |");
    for n in &sizes {
        print!(" {n} |");
    }
    println!(" spread |");
    println!("|---|{}---:|", "---:|".repeat(sizes.len()));
    for op in OPERATIONS {
        let costs: Vec<Option<f64>> = sizes
            .iter()
            .map(|&n| find(n, op).map(|r| r.mean / n as f64))
            .collect();
        print!("| {op} |");
        for cost in &costs {
            match cost {
                Some(c) => print!(" {c:.0} |"),
                None => print!(" – |"),
            }
        }
        let known: Vec<f64> = costs.iter().flatten().copied().collect();
        let spread = known.iter().copied().fold(f64::MIN, f64::max)
            / known.iter().copied().fold(f64::MAX, f64::min);
        println!(" {spread:.2}× |");
    }

    println!("\nTargets per size:\n");
    println!("| excerpts | load throughput / raw (≥ 0.90) | synthesis time / load time (≤ 5%) |");
    println!("|---:|---:|---:|");
    for &n in &sizes {
        let (Some(raw), Some(load)) = (find(n, "raw_deserialize"), find(n, "load")) else {
            continue;
        };
        let synthesis = find(n, "synthesis").map_or("–".to_owned(), |s| {
            format!("{:.2}%", 100.0 * s.mean / load.mean)
        });
        println!("| {n} | {:.3} | {synthesis} |", raw.mean / load.mean);
    }
}
