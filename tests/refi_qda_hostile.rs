//! Hostile `.qdpx` archives: each is refused with a clear error naming the
//! entry and the limit, never a panic, with memory bounded by the limits and
//! not by what the archive claims or would expand to.
#![cfg(feature = "refi-qda")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Cursor;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use peer_support::refi_qda::{self, ArchiveProblem, Error, Limits, XmlProblem};

#[path = "refi_qda/raw_zip.rs"]
mod raw_zip;
use raw_zip::{Entry, build, crc32, deflate_zeros};

/// The system allocator, counting the bytes live now and at the peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let live = LIVE.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Tests here run one at a time, so one test's allocations do not show up
/// in another's peak.
fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `f`, returning its result and the most memory it had allocated at
/// once beyond what was live when it started.
fn peak_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let result = f();
    (result, PEAK.load(Ordering::Relaxed) - before)
}

const MIB: usize = 1 << 20;

const PROJECT: &str = r#"<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>
<TextSource guid="11111111-1111-4111-8111-111111111111" plainTextPath="internal://a.txt"/>
<TextSource guid="22222222-2222-4222-8222-222222222222" plainTextPath="internal://b.txt"/>
</Sources></Project>"#;

fn read(bytes: Vec<u8>) -> Result<refi_qda::Parsed<refi_qda::Project>, Error> {
    refi_qda::read_qdpx(Cursor::new(bytes))
}

fn archive_problem(
    result: Result<impl std::fmt::Debug, Error>,
) -> (Option<String>, ArchiveProblem) {
    match result.unwrap_err() {
        Error::Archive { entry, problem } => (entry, problem),
        other => panic!("not an archive error: {other}"),
    }
}

#[test]
fn a_well_formed_raw_archive_reads() {
    let _serial = serial();
    let zip = build(
        &[
            Entry::stored("project.qde", PROJECT.as_bytes()),
            Entry::stored("sources/a.txt", b"alpha"),
            Entry::stored("sources/b.txt", b"\xEF\xBB\xBFbeta\r\n"),
        ],
        None,
    );
    let project = read(zip).unwrap().value;
    assert_eq!(project.sources[0].text.text(), Some("alpha"));
    assert_eq!(project.sources[1].text.text(), Some("beta\r\n"));
}

#[test]
fn path_traversal_and_unsafe_names_are_refused() {
    let _serial = serial();
    for (name, reason) in [
        ("../project.qde", "path traversal (..)"),
        ("sources/../../evil.txt", "path traversal (..)"),
        ("/etc/passwd", "absolute path"),
        ("sources\\a.txt", "backslash (a Windows path separator)"),
        ("C:/Windows/evil.dll", "drive letter"),
        ("sources/a\u{1}.txt", "control characters"),
    ] {
        let zip = build(
            &[
                Entry::stored("project.qde", PROJECT.as_bytes()),
                Entry::stored(name, b"x"),
            ],
            None,
        );
        let err = read(zip).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("archive: unsafe entry name {name:?}: {reason}"),
            "{name:?}"
        );
    }
}

#[test]
fn internal_paths_that_leave_the_sources_folder_are_refused() {
    let _serial = serial();
    for path in [
        "internal://../project.qde",
        "internal://sub/a.txt",
        "internal://..\\a.txt",
        "internal://",
    ] {
        let xml = format!(
            r#"<Project name="p"><Sources><TextSource guid="11111111-1111-4111-8111-111111111111" plainTextPath="{path}"/></Sources></Project>"#
        );
        let zip = build(&[Entry::stored("project.qde", xml.as_bytes())], None);
        match read(zip).unwrap_err() {
            Error::Xml {
                location,
                problem: XmlProblem::InvalidAttribute { attribute, .. },
            } => {
                assert_eq!(attribute, "plainTextPath");
                assert_eq!(
                    location.element,
                    "Project/Sources/TextSource[@guid='11111111-1111-4111-8111-111111111111']"
                );
            }
            other => panic!("{path}: {other}"),
        }
    }
}

#[test]
fn duplicate_entry_names_are_refused() {
    let _serial = serial();
    let zip = build(
        &[
            Entry::stored("project.qde", PROJECT.as_bytes()),
            Entry::stored("project.qde", b"<Project name='other'/>"),
        ],
        None,
    );
    assert_eq!(
        archive_problem(read(zip)).1,
        ArchiveProblem::DuplicateNames {
            listed: 2,
            distinct: 1
        }
    );
    // Names that differ only in case are fine until a lookup hits both.
    let zip = build(
        &[
            Entry::stored("Project.QDE", PROJECT.as_bytes()),
            Entry::stored("PROJECT.qde", PROJECT.as_bytes()),
        ],
        None,
    );
    assert_eq!(
        archive_problem(read(zip)).1,
        ArchiveProblem::AmbiguousName("project.qde".into())
    );
}

#[test]
fn too_many_entries_are_refused_before_they_are_listed() {
    let _serial = serial();
    // The end record claims 65 000 entries (the directory holds one): the
    // claim alone is checked against a limit of 100.
    let mut limits = Limits::default();
    limits.max_entries = 100;
    let zip = build(
        &[Entry::stored("project.qde", PROJECT.as_bytes())],
        Some(65_000),
    );
    let (result, peak) = peak_during(|| refi_qda::read_qdpx_with(Cursor::new(zip), &limits));
    assert_eq!(
        archive_problem(result).1,
        ArchiveProblem::TooManyEntries {
            count: 65_000,
            limit: 100
        }
    );
    assert!(peak < MIB, "peak {peak}");
    // And real entries past the limit.
    let entries: Vec<Entry> = (0..101)
        .map(|i| Entry::stored(&format!("sources/{i}.txt"), b"x"))
        .collect();
    let zip = build(&entries, None);
    assert_eq!(
        archive_problem(refi_qda::read_qdpx_with(Cursor::new(zip), &limits)).1,
        ArchiveProblem::TooManyEntries {
            count: 101,
            limit: 100
        }
    );
    assert_eq!(Limits::default().max_entries, 100_000);
}

#[test]
fn a_zip_bomb_is_stopped_by_the_ratio_limit_with_bounded_memory() {
    let _serial = serial();
    // 64 MiB of zeros in 400 KiB (159:1), posing as a 100-byte project.qde.
    let repeats = (64 * MIB) / 258;
    let data = deflate_zeros(repeats);
    let compressed = data.len() as u64;
    let bomb = Entry {
        name: b"project.qde".to_vec(),
        method: 8,
        flags: 0,
        data,
        crc: 0,
        declared_size: 100,
    };
    let zip = build(&[bomb], None);
    let (result, peak) = peak_during(|| read(zip));
    let (entry, problem) = archive_problem(result);
    assert_eq!(entry.as_deref(), Some("project.qde"));
    assert_eq!(
        problem,
        ArchiveProblem::RatioTooHigh {
            compressed,
            ratio: 100
        }
    );
    // At most 100 × the compressed size is ever decompressed (about 40 MiB),
    // in a buffer that grows by doubling.
    let cap = (compressed * 100) as usize;
    assert!(peak < 2 * cap + 4 * MIB, "peak {peak} for a cap of {cap}");
    let message = Error::Archive { entry, problem }.to_string();
    assert_eq!(
        message,
        format!(
            "project.qde: decompresses to more than 100 times its {compressed} compressed bytes (a zip bomb?)"
        )
    );
}

#[test]
fn entry_and_total_size_limits_hold_whatever_the_headers_say() {
    let _serial = serial();
    let mut limits = Limits::default();
    limits.max_xml_bytes = 1000;
    limits.max_entry_bytes = 300;
    limits.max_total_bytes = PROJECT.len() as u64 + 500;
    // A project.qde larger than the XML limit, whose header says 10 bytes.
    let padded = format!("{PROJECT}{}", " ".repeat(1000));
    let mut lying = Entry::stored("project.qde", padded.as_bytes());
    lying.declared_size = 10;
    let zip = build(&[lying], None);
    let mut roomy = limits;
    roomy.max_total_bytes = 1 << 20;
    let (entry, problem) = archive_problem(refi_qda::read_qdpx_with(Cursor::new(zip), &roomy));
    assert_eq!(
        (entry.as_deref(), problem),
        (
            Some("project.qde"),
            ArchiveProblem::EntryTooLarge { limit: 1000 }
        )
    );

    // A source text over the entry limit.
    let big = vec![b'a'; 301];
    let zip = build(
        &[
            Entry::stored("project.qde", PROJECT.as_bytes()),
            Entry::stored("sources/a.txt", &big),
        ],
        None,
    );
    let (entry, problem) = archive_problem(refi_qda::read_qdpx_with(Cursor::new(zip), &limits));
    assert_eq!(
        (entry.as_deref(), problem),
        (
            Some("sources/a.txt"),
            ArchiveProblem::EntryTooLarge { limit: 300 }
        )
    );

    // Two texts each within the entry limit, together over the total.
    let text = vec![b'a'; 300];
    let zip = build(
        &[
            Entry::stored("project.qde", PROJECT.as_bytes()),
            Entry::stored("sources/a.txt", &text),
            Entry::stored("sources/b.txt", &text),
        ],
        None,
    );
    let (entry, problem) = archive_problem(refi_qda::read_qdpx_with(Cursor::new(zip), &limits));
    assert_eq!(entry.as_deref(), Some("sources/b.txt"));
    assert_eq!(
        problem,
        ArchiveProblem::TotalTooLarge {
            limit: limits.max_total_bytes
        }
    );
}

#[test]
fn the_default_project_qde_limit_is_64_mib() {
    let _serial = serial();
    // A stored (uncompressed, so ratio 1:1) project.qde one byte over 64 MiB.
    let limit = Limits::default().max_xml_bytes;
    assert_eq!(limit, 64 << 20);
    let mut xml = PROJECT.as_bytes().to_vec();
    xml.resize(limit as usize + 1, b' ');
    // Reading stops at the limit, before the end where the CRC is checked,
    // so the (slow to compute here) CRC is left 0.
    let declared_size = xml.len() as u32;
    let entry = Entry {
        name: b"project.qde".to_vec(),
        method: 0,
        flags: 0,
        data: xml,
        crc: 0,
        declared_size,
    };
    let zip = build(&[entry], None);
    let (result, peak) = peak_during(|| read(zip));
    let (entry, problem) = archive_problem(result);
    assert_eq!(
        (entry.as_deref(), problem),
        (Some("project.qde"), ArchiveProblem::EntryTooLarge { limit })
    );
    assert!(peak < limit as usize + 8 * MIB, "peak {peak}");
}

#[test]
fn damaged_encrypted_and_unknown_entries_are_refused() {
    let _serial = serial();
    let mut bad_crc = Entry::stored("project.qde", PROJECT.as_bytes());
    bad_crc.crc ^= 1;
    let (entry, problem) = archive_problem(read(build(&[bad_crc], None)));
    assert_eq!(entry.as_deref(), Some("project.qde"));
    assert!(matches!(problem, ArchiveProblem::Damaged(_)), "{problem:?}");

    let mut encrypted = Entry::stored("project.qde", PROJECT.as_bytes());
    encrypted.flags |= 1;
    let (_, problem) = archive_problem(read(build(&[encrypted], None)));
    assert!(
        matches!(problem, ArchiveProblem::Unsupported(_)),
        "{problem:?}"
    );

    let mut bzip2 = Entry::stored("project.qde", PROJECT.as_bytes());
    bzip2.method = 12;
    let (_, problem) = archive_problem(read(build(&[bzip2], None)));
    assert!(
        matches!(
            problem,
            ArchiveProblem::Unsupported(_) | ArchiveProblem::Damaged(_)
        ),
        "{problem:?}"
    );

    let zip = build(
        &[
            Entry::stored("project.qde", PROJECT.as_bytes()),
            Entry::stored("sources/a.txt", b"caf\xE9"),
        ],
        None,
    );
    let err = read(zip).unwrap_err();
    assert_eq!(
        err.to_string(),
        "sources/a.txt: not UTF-8 at byte 3 (REFI-QDA plain text is UTF-8)"
    );

    let zip = build(&[Entry::stored("sources/a.txt", b"a")], None);
    assert_eq!(archive_problem(read(zip)).1, ArchiveProblem::NoProject);

    for junk in [
        &b""[..],
        b"PK",
        b"PK\x05\x06",
        b"not a zip at all, just text",
    ] {
        let (_, problem) = archive_problem(read(junk.to_vec()));
        assert!(
            matches!(problem, ArchiveProblem::NotZip(_)),
            "{junk:?}: {problem:?}"
        );
    }
    let mut truncated = build(&[Entry::stored("project.qde", PROJECT.as_bytes())], None);
    truncated.drain(10..40);
    assert!(read(truncated).is_err());
}

#[test]
fn a_doctype_inside_an_archive_names_the_entry() {
    let _serial = serial();
    let xml =
        "<?xml version='1.0'?>\n<!DOCTYPE Project [<!ENTITY a 'aaaaaaaaaa'>]><Project name='&a;'/>";
    let zip = build(&[Entry::stored("Project.qde", xml.as_bytes())], None);
    let err = read(zip).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Project.qde: (document) (byte 22): a <!DOCTYPE> (DTD) is refused: REFI-QDA files have none, and its entities are not expanded"
    );
}

#[test]
fn the_crc_helper_matches_the_standard_check_value() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}
