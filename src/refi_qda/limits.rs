//! Bounds on what reading may cost, so hostile files fail fast and small.

/// How much a read may decompress, allocate and nest.
///
/// Every limit is checked while reading, against the bytes actually produced,
/// never against sizes an archive declares about itself (a ZIP header can say
/// anything). Exceeding one is an [`Error`](super::Error) naming the limit.
///
/// The defaults fit real projects with room to spare (a year of interview
/// transcripts is tens of megabytes of text) while keeping a hostile file's
/// cost to about a gigabyte in the worst case:
///
/// | limit | default | what it bounds |
/// |---|---|---|
/// | [`max_xml_bytes`](Limits::max_xml_bytes) | 64 MiB | a `.qdc`, or `project.qde` once decompressed |
/// | [`max_entry_bytes`](Limits::max_entry_bytes) | 256 MiB | one decompressed text file from `sources/` |
/// | [`max_total_bytes`](Limits::max_total_bytes) | 1 GiB | everything decompressed from one `.qdpx` |
/// | [`max_ratio`](Limits::max_ratio) | 100 | decompressed ÷ compressed size of one entry ... |
/// | [`ratio_floor_bytes`](Limits::ratio_floor_bytes) | 1 MiB | ... once it is past this size |
/// | [`max_entries`](Limits::max_entries) | 100 000 | entries in the archive's central directory |
/// | [`max_central_directory_bytes`](Limits::max_central_directory_bytes) | 64 MiB | the central directory itself |
/// | [`max_depth`](Limits::max_depth) | 256 | element nesting (so codes nest about 250 deep) |
/// | [`max_warnings`](Limits::max_warnings) | 1 000 | warnings kept in a [`ReadSummary`](super::ReadSummary) (the rest are counted) |
///
/// Memory for a read is bounded by these: the decompressed bytes, plus the
/// parsed values, which are a small multiple of the XML they come from.
///
/// ```
/// use peer_support::refi_qda::Limits;
///
/// // A service that accepts uploads might want tighter bounds.
/// let mut limits = Limits::default();
/// limits.max_total_bytes = 64 << 20;
/// limits.max_entries = 1_000;
/// assert_eq!(limits.max_xml_bytes, 64 << 20);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// Largest `.qdc` or decompressed `project.qde`, in bytes.
    pub max_xml_bytes: u64,
    /// Largest decompressed `sources/` text file, in bytes.
    pub max_entry_bytes: u64,
    /// Most bytes decompressed from one archive, all entries together.
    pub max_total_bytes: u64,
    /// Highest ratio of decompressed to compressed bytes for one entry once
    /// it is larger than [`ratio_floor_bytes`](Limits::ratio_floor_bytes).
    /// Text and XML compress 3–15 times; zip bombs a thousand times and more.
    pub max_ratio: u64,
    /// Size below which an entry is not ratio-checked: a tiny file of
    /// repeated characters compresses far beyond 100:1 and is harmless.
    pub ratio_floor_bytes: u64,
    /// Most entries in an archive.
    pub max_entries: u64,
    /// Largest central directory (the archive's table of contents), in bytes;
    /// the ZIP library holds it in memory.
    pub max_central_directory_bytes: u64,
    /// Deepest element nesting in the XML. Reading keeps an explicit stack,
    /// so depth costs memory, not native stack, but it is still bounded.
    pub max_depth: usize,
    /// Most warnings kept in the summary; later ones are only counted.
    pub max_warnings: usize,
}

impl Limits {
    /// The defaults in the table above.
    pub const DEFAULT: Limits = Limits {
        max_xml_bytes: 64 << 20,
        max_entry_bytes: 256 << 20,
        max_total_bytes: 1 << 30,
        max_ratio: 100,
        ratio_floor_bytes: 1 << 20,
        max_entries: 100_000,
        max_central_directory_bytes: 64 << 20,
        max_depth: 256,
        max_warnings: 1_000,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}
