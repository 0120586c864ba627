//! `.qdpx` archives: a ZIP holding `project.qde` and a flat `sources/` folder.
//!
//! Reading treats the archive as hostile until proven otherwise:
//!
//! - before the ZIP library builds its table of entries, the archive's end
//!   record is read here to refuse too many entries or an oversized central
//!   directory (that table lives in memory);
//! - every entry name is checked, and the whole archive refused when one
//!   could escape a folder on extraction (`../`, absolute paths,
//!   backslashes, drive letters) or is duplicated;
//! - every entry read is decompressed through a bounded [`Read::take`], so
//!   the sizes its headers declare are never trusted: the per-entry, total
//!   and ratio [`Limits`] apply to the bytes actually produced;
//! - only `project.qde` and the `sources/` text files that text sources and
//!   notes name are decompressed at all.
//!
//! Entry names are matched exactly first, then ignoring letter case: the
//! standard's own ATLAS.ti example has `Project.qde` and `Sources/`.

use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom, Write};

use zip::result::ZipError;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use super::xml_read::{parse_project, resolve_texts};
use super::xml_write::{internal_name, write_project};
use super::{ArchiveProblem, Error, Limits, Parsed, PlainText, Project, WriteProblem};

/// Reads a `.qdpx` project with the default [`Limits`].
///
/// The text of every `internal://` text source and note is read from the
/// archive's `sources/` folder (UTF-8, a leading BOM removed, line ends kept).
/// External (`relative://`, `absolute://`) paths are left
/// [`PlainText::Unresolved`] and counted, as are the elements not modelled.
///
/// ```
/// use std::io::Cursor;
/// use peer_support::refi_qda::{self, Error, ArchiveProblem};
///
/// // Not an archive at all:
/// let err = refi_qda::read_qdpx(Cursor::new(b"PK\x03\x04 truncated")).unwrap_err();
/// assert!(matches!(err, Error::Archive { problem: ArchiveProblem::NotZip(_), .. }), "{err}");
/// ```
///
/// # Errors
///
/// [`Error::Archive`] for a damaged or hostile archive (naming the entry and
/// the limit), [`Error::Xml`] for a bad `project.qde` (naming the element),
/// [`Error::Io`] when `reader` fails.
pub fn read_qdpx<R: Read + Seek>(reader: R) -> Result<Parsed<Project>, Error> {
    read_qdpx_with(reader, &Limits::DEFAULT)
}

/// Reads a `.qdpx` project with the given limits.
///
/// # Errors
///
/// As [`read_qdpx`].
pub fn read_qdpx_with<R: Read + Seek>(
    mut reader: R,
    limits: &Limits,
) -> Result<Parsed<Project>, Error> {
    let declared = end_record(&mut reader, limits)?;
    reader.seek(SeekFrom::Start(0))?;
    let mut archive =
        ZipArchive::new(reader).map_err(|e| zip_error(None, e, ArchiveProblem::NotZip))?;
    check_names(&archive, declared)?;

    let lookup = Lookup::new(&archive);
    let project_index = lookup
        .find("project.qde")?
        .ok_or_else(|| Error::archive(None, ArchiveProblem::NoProject))?;
    let mut budget = Budget {
        limits,
        used: 0,
        read: Vec::new(),
    };
    let project_name = archive
        .name_for_index(project_index)
        .unwrap_or("project.qde")
        .to_owned();
    let xml = budget.read(&mut archive, project_index, limits.max_xml_bytes)?;
    let (mut project, mut summary) = parse_project(&xml, limits, Some(&project_name))?;
    drop(xml);

    resolve_texts(
        &mut project,
        &mut summary,
        limits,
        |name| {
            let Some(index) = lookup.find(&format!("sources/{name}"))? else {
                return Ok(None);
            };
            let bytes = budget.read(&mut archive, index, limits.max_entry_bytes)?;
            let entry = archive.name_for_index(index).unwrap_or(name);
            text_of(bytes, entry).map(Some)
        },
        "no such file in the archive's sources folder",
    )?;
    let files = (0..archive.len())
        .filter(|&i| archive.name_for_index(i).is_some_and(|n| !n.ends_with('/')))
        .count();
    budget.read.sort_unstable();
    budget.read.dedup();
    summary.unread_entries = files.saturating_sub(budget.read.len()) as u64;
    Ok(Parsed {
        value: project,
        summary,
    })
}

/// Writes `project` as a `.qdpx` archive to `writer`.
///
/// `project.qde` comes first, then one `sources/<guid>.txt` per text source
/// whose text is known, in source order; those sources point at their file
/// with `plainTextPath="internal://<guid>.txt"`. Files rather than inline
/// `PlainTextContent`, because the standard says plain text sources are
/// stored as `.txt` files (§9.1.2), which is what importers look for, and
/// because a file can hold any character while XML 1.0 cannot hold most
/// control characters. Notes stay inline (see
/// [`write_project_qde`](super::write_project_qde)).
///
/// The archive is deterministic: deflate at level 6, every timestamp
/// 1980-01-01 00:00:00 (the ZIP epoch), permissions 0644, no comment, so the
/// same project always gives the same bytes. Texts are written as UTF-8
/// without a BOM (unless the text itself starts with U+FEFF, which then
/// gets one, so that the reader, which removes one BOM, gives it back).
///
/// # Errors
///
/// [`Error::Write`] when two text sources share a GUID (their files would
/// collide) or the ZIP library fails; [`Error::Io`] when `writer` fails.
pub fn write_qdpx<W: Write + Seek>(project: &Project, writer: W) -> Result<(), Error> {
    let mut seen = std::collections::HashSet::new();
    for source in &project.sources {
        if matches!(source.text, PlainText::Text(_)) && !seen.insert(source.guid) {
            return Err(Error::write(
                format!("Project/Sources/TextSource[@guid='{}']", source.guid),
                WriteProblem::DuplicateSource(source.guid),
            ));
        }
    }
    let xml = write_project(project, true)?;
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
        .large_file(false);
    let mut zip = ZipWriter::new(writer);
    let zip_failed = |e: ZipError| match e {
        ZipError::Io(io) => Error::Io(io),
        other => Error::write("(archive)", WriteProblem::Zip(other.to_string())),
    };
    zip.start_file("project.qde", options).map_err(zip_failed)?;
    zip.write_all(&xml)?;
    for source in &project.sources {
        if let PlainText::Text(text) = &source.text {
            let name = format!("sources/{}", internal_name(source.guid));
            zip.start_file(name, options).map_err(zip_failed)?;
            if text.starts_with('\u{FEFF}') {
                zip.write_all("\u{FEFF}".as_bytes())?;
            }
            zip.write_all(text.as_bytes())?;
        }
    }
    zip.finish().map_err(zip_failed)?;
    Ok(())
}

/// A source text file's bytes as text: UTF-8, one leading BOM removed.
fn text_of(bytes: Vec<u8>, entry: &str) -> Result<String, Error> {
    let mut text = String::from_utf8(bytes).map_err(|e| {
        Error::archive(
            Some(entry),
            ArchiveProblem::NotUtf8 {
                valid_up_to: e.utf8_error().valid_up_to(),
            },
        )
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}

fn zip_error(
    entry: Option<&str>,
    error: ZipError,
    otherwise: fn(String) -> ArchiveProblem,
) -> Error {
    match error {
        ZipError::Io(io)
            if io.kind() != std::io::ErrorKind::UnexpectedEof
                && io.kind() != std::io::ErrorKind::InvalidData =>
        {
            Error::Io(io)
        }
        ZipError::UnsupportedArchive(what) => {
            Error::archive(entry, ArchiveProblem::Unsupported(what.to_owned()))
        }
        other => Error::archive(
            entry,
            otherwise(crate::util::truncate(&other.to_string(), 300).to_owned()),
        ),
    }
}

/// What the archive's end record declares.
#[derive(Clone, Copy)]
struct Declared {
    entries: u64,
}

/// Reads the end of central directory record (and its ZIP64 form) to check
/// the entry count and directory size before the ZIP library allocates for
/// them. A file with no end record is left for the library to refuse.
fn end_record<R: Read + Seek>(reader: &mut R, limits: &Limits) -> Result<Option<Declared>, Error> {
    const EOCD: [u8; 4] = [0x50, 0x4B, 0x05, 0x06];
    const LOCATOR: [u8; 4] = [0x50, 0x4B, 0x06, 0x07];
    const EOCD64: [u8; 4] = [0x50, 0x4B, 0x06, 0x06];
    let len = reader.seek(SeekFrom::End(0))?;
    // The record is 22 bytes plus a comment of at most 65 535.
    let tail_len = len.min(22 + 0xFFFF);
    let tail_start = len - tail_len;
    reader.seek(SeekFrom::Start(tail_start))?;
    let mut tail = vec![0; tail_len as usize];
    reader.read_exact(&mut tail)?;
    let u16_at = |b: &[u8], at: usize| u64::from(u16::from_le_bytes([b[at], b[at + 1]]));
    let u32_at = |b: &[u8], at: usize| {
        u64::from(u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]))
    };
    let u64_at = |b: &[u8], at: usize| {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(bytes)
    };
    // The last signature whose comment length reaches exactly the end of the file.
    let Some(at) = (0..tail.len().saturating_sub(21)).rev().find(|&at| {
        tail[at..at + 4] == EOCD && at as u64 + 22 + u16_at(&tail, at + 20) == tail_len
    }) else {
        return Ok(None);
    };
    let mut entries = u16_at(&tail, at + 10);
    let mut size = u32_at(&tail, at + 12);
    if entries == 0xFFFF || size == 0xFFFF_FFFF {
        // ZIP64: a 20-byte locator just before the record points at the ZIP64 record.
        let locator_at = tail_start + at as u64;
        if locator_at >= 20 {
            let mut locator = [0; 20];
            reader.seek(SeekFrom::Start(locator_at - 20))?;
            reader.read_exact(&mut locator)?;
            if locator[..4] == LOCATOR {
                let record_at = u64_at(&locator, 8);
                let mut record = [0; 56];
                if record_at.checked_add(56).is_some_and(|end| end <= len) {
                    reader.seek(SeekFrom::Start(record_at))?;
                    reader.read_exact(&mut record)?;
                    if record[..4] == EOCD64 {
                        entries = u64_at(&record, 32);
                        size = u64_at(&record, 40);
                    }
                }
            }
        }
    }
    if entries > limits.max_entries {
        return Err(Error::archive(
            None,
            ArchiveProblem::TooManyEntries {
                count: entries,
                limit: limits.max_entries,
            },
        ));
    }
    if size > limits.max_central_directory_bytes {
        return Err(Error::archive(
            None,
            ArchiveProblem::CentralDirectoryTooLarge {
                size,
                limit: limits.max_central_directory_bytes,
            },
        ));
    }
    Ok(Some(Declared { entries }))
}

/// Refuses the archive if any entry name is unsafe or duplicated.
fn check_names<R: Read + Seek>(
    archive: &ZipArchive<R>,
    declared: Option<Declared>,
) -> Result<(), Error> {
    for name in archive.file_names() {
        if let Some(reason) = unsafe_entry_name(name) {
            return Err(Error::archive(
                None,
                ArchiveProblem::UnsafeName {
                    name: crate::util::truncate(name, 200).to_owned(),
                    reason,
                },
            ));
        }
    }
    // The ZIP library keeps one entry per name, so duplicates show as fewer
    // entries than the central directory lists.
    if let Some(declared) = declared {
        let distinct = archive.len() as u64;
        if distinct < declared.entries {
            return Err(Error::archive(
                None,
                ArchiveProblem::DuplicateNames {
                    listed: declared.entries,
                    distinct,
                },
            ));
        }
    }
    Ok(())
}

/// Why an entry name is unsafe, or `None` when it is fine.
fn unsafe_entry_name(name: &str) -> Option<&'static str> {
    let bytes = name.as_bytes();
    if name.is_empty() {
        Some("empty name")
    } else if name.contains('\\') {
        Some("backslash (a Windows path separator)")
    } else if name.starts_with('/') {
        Some("absolute path")
    } else if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        Some("drive letter")
    } else if name.split('/').any(|part| part == "..") {
        Some("path traversal (..)")
    } else if name.chars().any(char::is_control) {
        Some("control characters")
    } else {
        None
    }
}

/// Entry lookup: exact name first, then the unique match ignoring case.
struct Lookup {
    exact: HashMap<String, usize>,
    folded: HashMap<String, Vec<usize>>,
}

impl Lookup {
    fn new<R: Read + Seek>(archive: &ZipArchive<R>) -> Self {
        let mut exact = HashMap::new();
        let mut folded: HashMap<String, Vec<usize>> = HashMap::new();
        for index in 0..archive.len() {
            if let Some(name) = archive.name_for_index(index) {
                exact.insert(name.to_owned(), index);
                folded.entry(name.to_lowercase()).or_default().push(index);
            }
        }
        Lookup { exact, folded }
    }

    fn find(&self, name: &str) -> Result<Option<usize>, Error> {
        if let Some(&index) = self.exact.get(name) {
            return Ok(Some(index));
        }
        match self.folded.get(&name.to_lowercase()).map(Vec::as_slice) {
            None | Some([]) => Ok(None),
            Some([index]) => Ok(Some(*index)),
            Some(_) => Err(Error::archive(
                None,
                ArchiveProblem::AmbiguousName(crate::util::truncate(name, 200).to_owned()),
            )),
        }
    }
}

/// What has been decompressed so far, against the limits.
struct Budget<'l> {
    limits: &'l Limits,
    used: u64,
    /// Indices of the entries read.
    read: Vec<usize>,
}

impl Budget<'_> {
    /// Decompresses entry `index`, at most `entry_limit` bytes, within the
    /// ratio and total limits, trusting none of the sizes it declares.
    fn read<R: Read + Seek>(
        &mut self,
        archive: &mut ZipArchive<R>,
        index: usize,
        entry_limit: u64,
    ) -> Result<Vec<u8>, Error> {
        let limits = self.limits;
        let name = archive.name_for_index(index).unwrap_or("?").to_owned();
        let mut file = archive
            .by_index(index)
            .map_err(|e| zip_error(Some(&name), e, ArchiveProblem::Damaged))?;
        if file.is_dir() {
            return Err(Error::archive(
                Some(&name),
                ArchiveProblem::Damaged("a folder, not a file".into()),
            ));
        }
        // The decompressor cannot consume more than the declared compressed
        // size, so that declared size is a sound base for the ratio.
        let compressed = file.compressed_size();
        let by_ratio = compressed
            .saturating_mul(limits.max_ratio)
            .max(limits.ratio_floor_bytes);
        let remaining = limits.max_total_bytes.saturating_sub(self.used);
        let cap = entry_limit.min(by_ratio).min(remaining);
        // Reserve what the header declares, but never more than the cap: a
        // lie in either direction costs at most twice the cap.
        let reserve = usize::try_from(file.size().min(cap)).unwrap_or(0);
        let mut bytes = Vec::with_capacity(reserve.saturating_add(1));
        let read = (&mut file)
            .take(cap.saturating_add(1))
            .read_to_end(&mut bytes);
        if let Err(e) = read {
            let problem =
                ArchiveProblem::Damaged(crate::util::truncate(&e.to_string(), 300).to_owned());
            return Err(Error::archive(Some(&name), problem));
        }
        if bytes.len() as u64 > cap {
            let problem = if cap == entry_limit {
                ArchiveProblem::EntryTooLarge { limit: entry_limit }
            } else if cap == by_ratio {
                ArchiveProblem::RatioTooHigh {
                    compressed,
                    ratio: limits.max_ratio,
                }
            } else {
                ArchiveProblem::TotalTooLarge {
                    limit: limits.max_total_bytes,
                }
            };
            return Err(Error::archive(Some(&name), problem));
        }
        self.used += bytes.len() as u64;
        self.read.push(index);
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_names() {
        for ok in [
            "project.qde",
            "sources/a.txt",
            "sources/",
            "Sources/X.TXT",
            "a..b/c",
            "é/ü.txt",
        ] {
            assert_eq!(unsafe_entry_name(ok), None, "{ok}");
        }
        for (bad, reason) in [
            ("", "empty name"),
            ("../project.qde", "path traversal (..)"),
            ("sources/../../etc/passwd", "path traversal (..)"),
            ("sources/..", "path traversal (..)"),
            ("/etc/passwd", "absolute path"),
            ("sources\\a.txt", "backslash (a Windows path separator)"),
            ("C:/Windows/x", "drive letter"),
            ("c:x", "drive letter"),
            ("sources/a\u{0}.txt", "control characters"),
        ] {
            assert_eq!(unsafe_entry_name(bad), Some(reason), "{bad:?}");
        }
    }

    #[test]
    fn text_files_lose_one_bom_and_keep_line_ends() {
        assert_eq!(
            text_of(b"\xEF\xBB\xBFa\r\nb".to_vec(), "x").unwrap(),
            "a\r\nb"
        );
        assert_eq!(
            text_of("\u{FEFF}\u{FEFF}a".as_bytes().to_vec(), "x").unwrap(),
            "\u{FEFF}a"
        );
        let err = text_of(b"ok\xC3(".to_vec(), "sources/x.txt").unwrap_err();
        assert_eq!(
            err.to_string(),
            "sources/x.txt: not UTF-8 at byte 2 (REFI-QDA plain text is UTF-8)"
        );
    }
}
