//! Cutting selections out of their text, and checking the unit of the positions.
//!
//! REFI-QDA §10.2 counts selection positions in Unicode code points, from 0;
//! the end is exclusive (the standard's own ATLAS.ti example selects
//! 139–195 for a 56-character quotation). Some producers count UTF-16 code
//! units instead, as .NET, Java and JavaScript strings do. The two agree
//! until the text holds a character outside the Basic Multilingual Plane
//! (an emoji, a rare CJK ideograph), which is one code point but two UTF-16
//! units; after it, a UTF-16 position is one too far per such character.
//!
//! The heuristic, for all the selections of one source together (a producer
//! uses one unit throughout):
//!
//! 1. Text without such characters: both readings are the same
//!    ([`Evidence::Same`]); positions past the end are an error.
//! 2. Otherwise each reading is *possible* when every selection fits it:
//!    `start <= end`, `end` within the text's length in that unit, and, for
//!    UTF-16, neither position in the middle of a surrogate pair. When only
//!    one is possible, it is used ([`Evidence::OnlyFit`]): an end beyond
//!    the code-point length proves UTF-16; a position inside a surrogate
//!    pair proves code points.
//! 3. When both are possible, the one that puts fewer selection boundaries
//!    inside a user-perceived character wins ([`Evidence::FewerSplitClusters`]):
//!    people select whole characters, so a boundary between a letter and its
//!    combining accent, inside an emoji sequence (skin tone, ZWJ, flag) or
//!    between CR and LF suggests the wrong unit. The cluster test is an
//!    approximation without the Unicode tables: combining marks of the main
//!    blocks, variation selectors, ZWJ, emoji modifiers, tags, regional
//!    indicator pairs, CR LF.
//! 4. A tie goes to code points, the standard's unit ([`Evidence::Standard`]).
//! 5. When no single reading fits every selection, the error names a
//!    selection that fits neither, or one that fits only each reading
//!    ([`PositionErrorKind::Mixed`]).
//!
//! ```
//! use peer_support::refi_qda::position::{self, Evidence, Unit};
//!
//! let text = "😀😀 hope";
//! // Code points: "hope" is 3..7.
//! let cut = position::cut(text, 3, 7)?;
//! assert_eq!((cut.text, cut.unit, cut.evidence), ("hope", Unit::CodePoints, Evidence::OnlyFit));
//! // A UTF-16 producer wrote 5..9; 9 is past the 7 code points, so the
//! // positions can only be UTF-16 units.
//! let cut = position::cut(text, 5, 9)?;
//! assert_eq!((cut.text, cut.unit), ("hope", Unit::Utf16));
//! // Past both lengths: an error that says so.
//! assert!(position::cut(text, 5, 10).is_err());
//! # Ok::<(), position::PositionError>(())
//! ```

use std::fmt;
use std::ops::Range;

use super::{Guid, PlainTextSelection};

/// What a position counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unit {
    /// Unicode code points (Rust `char`s), as the standard says.
    CodePoints,
    /// UTF-16 code units, as some producers write.
    Utf16,
}

/// Why a [`Unit`] was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Evidence {
    /// The text has no character outside the Basic Multilingual Plane, so
    /// both units count the same.
    Same,
    /// Only this unit fits every selection.
    OnlyFit,
    /// Both fit; this unit puts fewer selection boundaries inside a
    /// user-perceived character.
    FewerSplitClusters {
        /// Boundaries inside a cluster with the chosen unit.
        chosen: usize,
        /// With the other unit.
        other: usize,
    },
    /// Both fit equally well, so the standard's unit (code points) is used.
    Standard,
    /// The caller chose the unit ([`cut_as`]).
    Requested,
}

/// A selection's text, cut out of its source.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Cut<'t> {
    /// The selected text.
    pub text: &'t str,
    /// Its byte range in the source text.
    pub bytes: Range<usize>,
    /// The unit the positions were read in.
    pub unit: Unit,
    /// Why that unit.
    pub evidence: Evidence,
    /// Whether a boundary falls inside a user-perceived character (worth a
    /// look even with the right unit: CR LF split, accent cut off).
    pub splits_cluster: bool,
}

/// Positions that do not fit the text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}positions {start}..{end} {kind} (the text has {code_points} code points, {utf16_units} UTF-16 units)", selection_prefix(.selection))]
#[non_exhaustive]
pub struct PositionError {
    /// The selection, when cutting selections (not bare positions).
    pub selection: Option<Guid>,
    /// Its start position.
    pub start: u64,
    /// Its end position.
    pub end: u64,
    /// The text's length in code points.
    pub code_points: u64,
    /// The text's length in UTF-16 units.
    pub utf16_units: u64,
    /// What is wrong.
    pub kind: PositionErrorKind,
}

fn selection_prefix(selection: &Option<Guid>) -> String {
    selection
        .map(|g| format!("selection {g}: "))
        .unwrap_or_default()
}

/// What is wrong with a selection's positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PositionErrorKind {
    /// The start is after the end.
    Reversed,
    /// The positions fit neither as code points nor as UTF-16 units (past
    /// the end, or inside a surrogate pair).
    OutOfRange,
    /// This selection fits only as code points, and `utf16_only` only as
    /// UTF-16 units: no single unit fits the source.
    Mixed {
        /// A selection of the same source that fits only as UTF-16 units.
        utf16_only: Guid,
    },
    /// The positions do not fit the unit the caller asked for ([`cut_as`]).
    NotIn(Unit),
}

impl fmt::Display for PositionErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PositionErrorKind::Reversed => f.write_str("start after end"),
            PositionErrorKind::OutOfRange => {
                f.write_str("fit neither as code points nor as UTF-16 units (past the end, or inside a surrogate pair)")
            }
            PositionErrorKind::Mixed { utf16_only } => write!(
                f,
                "fit only as code points, but selection {utf16_only} of the same text fits only as UTF-16 units"
            ),
            PositionErrorKind::NotIn(Unit::CodePoints) => f.write_str("do not fit as code points"),
            PositionErrorKind::NotIn(Unit::Utf16) => {
                f.write_str("do not fit as UTF-16 units (past the end, or inside a surrogate pair)")
            }
        }
    }
}

/// Cuts `start..end` out of `text`, choosing the unit by the heuristic in
/// the [module documentation](self) for this one selection. To decide for a
/// whole source at once (better: one selection past the code-point length
/// settles it for all), use [`cut_selections`].
///
/// # Errors
///
/// [`PositionError`] when the positions fit neither unit.
pub fn cut(text: &str, start: u64, end: u64) -> Result<Cut<'_>, PositionError> {
    let index = Index::new(text);
    let (unit, evidence) = index.decide([(None, start, end)].into_iter())?;
    Ok(index
        .cut(start, end, unit, evidence)
        .expect("decide checked the fit"))
}

/// Cuts every selection out of `text` (their source's text), with one unit
/// for all of them, chosen by the heuristic in the [module documentation](self).
///
/// The cuts come in the order of `selections`. Costs one pass over the text
/// plus a short walk per position, so ten thousand selections of a long
/// transcript are cheap.
///
/// # Errors
///
/// [`PositionError`] naming the first selection that fits neither unit, or
/// two selections that need different units.
pub fn cut_selections<'t>(
    text: &'t str,
    selections: &[PlainTextSelection],
) -> Result<Vec<Cut<'t>>, PositionError> {
    let index = Index::new(text);
    let (unit, evidence) =
        index.decide(selections.iter().map(|s| (Some(s.guid), s.start, s.end)))?;
    Ok(selections
        .iter()
        .map(|s| {
            index
                .cut(s.start, s.end, unit, evidence)
                .expect("decide checked the fit")
        })
        .collect())
}

/// Cuts `start..end` out of `text` counting in `unit`, without guessing.
///
/// # Errors
///
/// [`PositionError`] with [`PositionErrorKind::NotIn`] when the positions do
/// not fit that unit.
pub fn cut_as(text: &str, start: u64, end: u64, unit: Unit) -> Result<Cut<'_>, PositionError> {
    let index = Index::new(text);
    if start > end {
        return Err(index.error(None, start, end, PositionErrorKind::Reversed));
    }
    index
        .cut(start, end, unit, Evidence::Requested)
        .ok_or_else(|| index.error(None, start, end, PositionErrorKind::NotIn(unit)))
}

/// Every this many code points, the byte and UTF-16 offsets are recorded, so
/// a position is found by a lookup and a walk of at most that many characters.
const STRIDE: u64 = 64;

struct Index<'t> {
    text: &'t str,
    code_points: u64,
    utf16_units: u64,
    /// Offsets of every STRIDE-th code point.
    marks: Vec<Mark>,
}

/// Where one code point is, in bytes, code points and UTF-16 units.
#[derive(Clone, Copy)]
struct Mark {
    byte: usize,
    code_point: u64,
    utf16: u64,
}

impl Mark {
    fn position(self, unit: Unit) -> u64 {
        match unit {
            Unit::CodePoints => self.code_point,
            Unit::Utf16 => self.utf16,
        }
    }
}

impl<'t> Index<'t> {
    fn new(text: &'t str) -> Self {
        let mut marks = Vec::new();
        let (mut cp, mut units) = (0u64, 0u64);
        for (byte, ch) in text.char_indices() {
            if cp % STRIDE == 0 {
                marks.push(Mark {
                    byte,
                    code_point: cp,
                    utf16: units,
                });
            }
            cp += 1;
            units += ch.len_utf16() as u64;
        }
        Index {
            text,
            code_points: cp,
            utf16_units: units,
            marks,
        }
    }

    fn error(
        &self,
        selection: Option<Guid>,
        start: u64,
        end: u64,
        kind: PositionErrorKind,
    ) -> PositionError {
        PositionError {
            selection,
            start,
            end,
            code_points: self.code_points,
            utf16_units: self.utf16_units,
            kind,
        }
    }

    /// The byte offset of a position in `unit`, if it is one.
    fn byte(&self, position: u64, unit: Unit) -> Option<usize> {
        let limit = match unit {
            Unit::CodePoints => self.code_points,
            Unit::Utf16 => self.utf16_units,
        };
        if position > limit {
            return None;
        }
        if position == limit {
            return Some(self.text.len());
        }
        let mark = self
            .marks
            .partition_point(|m| m.position(unit) <= position)
            .checked_sub(1)?;
        let Mark { byte, .. } = self.marks[mark];
        let mut at = self.marks[mark].position(unit);
        for (offset, ch) in self.text[byte..].char_indices() {
            if at == position {
                return Some(byte + offset);
            }
            at += match unit {
                Unit::CodePoints => 1,
                Unit::Utf16 => ch.len_utf16() as u64,
            };
            if at > position {
                return None; // inside a surrogate pair
            }
        }
        None
    }

    fn cut(&self, start: u64, end: u64, unit: Unit, evidence: Evidence) -> Option<Cut<'t>> {
        if start > end {
            return None;
        }
        let from = self.byte(start, unit)?;
        let to = self.byte(end, unit)?;
        Some(Cut {
            text: &self.text[from..to],
            bytes: from..to,
            unit,
            evidence,
            splits_cluster: splits_cluster(self.text, from) || splits_cluster(self.text, to),
        })
    }

    /// Boundaries of `start..end` inside a cluster when read in `unit`, or
    /// `None` when the positions do not fit it.
    fn splits(&self, start: u64, end: u64, unit: Unit) -> Option<usize> {
        let from = self.byte(start, unit)?;
        let to = self.byte(end, unit)?;
        Some(
            usize::from(splits_cluster(self.text, from))
                + usize::from(splits_cluster(self.text, to)),
        )
    }

    fn decide(
        &self,
        selections: impl Iterator<Item = (Option<Guid>, u64, u64)>,
    ) -> Result<(Unit, Evidence), PositionError> {
        let same = self.code_points == self.utf16_units;
        let (mut cp_splits, mut utf16_splits) = (Some(0usize), Some(0usize));
        // The first selection that fits only each unit, for the error when
        // no unit fits them all.
        let mut cp_only: Option<(Option<Guid>, u64, u64)> = None;
        let mut utf16_only: Option<Option<Guid>> = None;
        for (guid, start, end) in selections {
            if start > end {
                return Err(self.error(guid, start, end, PositionErrorKind::Reversed));
            }
            let as_cp = self.splits(start, end, Unit::CodePoints);
            let as_utf16 = if same {
                as_cp
            } else {
                self.splits(start, end, Unit::Utf16)
            };
            match (as_cp, as_utf16) {
                (None, None) => {
                    return Err(self.error(guid, start, end, PositionErrorKind::OutOfRange));
                }
                (Some(_), None) if cp_only.is_none() => cp_only = Some((guid, start, end)),
                (None, Some(_)) if utf16_only.is_none() => utf16_only = Some(guid),
                _ => {}
            }
            cp_splits = cp_splits.zip(as_cp).map(|(a, b)| a + b);
            utf16_splits = utf16_splits.zip(as_utf16).map(|(a, b)| a + b);
        }
        if same {
            return Ok((Unit::CodePoints, Evidence::Same));
        }
        match (cp_splits, utf16_splits) {
            (Some(cp), Some(utf16)) if utf16 < cp => Ok((
                Unit::Utf16,
                Evidence::FewerSplitClusters {
                    chosen: utf16,
                    other: cp,
                },
            )),
            (Some(cp), Some(utf16)) if cp < utf16 => Ok((
                Unit::CodePoints,
                Evidence::FewerSplitClusters {
                    chosen: cp,
                    other: utf16,
                },
            )),
            (Some(_), Some(_)) => Ok((Unit::CodePoints, Evidence::Standard)),
            (Some(_), None) => Ok((Unit::CodePoints, Evidence::OnlyFit)),
            (None, Some(_)) => Ok((Unit::Utf16, Evidence::OnlyFit)),
            // Neither unit fits every selection, yet each selection fits one
            // (else it returned above): one fits only code points, another
            // only UTF-16. Both were recorded; bare positions (no GUID) come
            // one at a time and cannot get here.
            (None, None) => match (cp_only, utf16_only.flatten()) {
                (Some((guid, start, end)), Some(other)) => Err(self.error(
                    guid,
                    start,
                    end,
                    PositionErrorKind::Mixed { utf16_only: other },
                )),
                _ => Err(self.error(None, 0, 0, PositionErrorKind::OutOfRange)),
            },
        }
    }
}

/// Whether byte offset `at` of `text` falls inside a user-perceived
/// character (approximately; see the module documentation).
fn splits_cluster(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text[..at].chars().next_back(), text[at..].chars().next())
    else {
        return false;
    };
    if before == '\r' && after == '\n' || before == '\u{200D}' || extends(after) {
        return true;
    }
    // Regional indicators pair up into flags: a boundary after an odd number
    // of them splits one.
    is_regional_indicator(after)
        && text[..at]
            .chars()
            .rev()
            .take_while(|&c| is_regional_indicator(c))
            .count()
            % 2
            == 1
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Characters that attach to the one before them.
fn extends(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'   // combining diacritical marks
        | '\u{0483}'..='\u{0489}' // Cyrillic
        | '\u{0591}'..='\u{05BD}' // Hebrew points
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' // Arabic
        | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' // Devanagari signs
        | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}' // Thai
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' // combining extensions
        | '\u{200C}'..='\u{200D}' // ZWNJ, ZWJ
        | '\u{20D0}'..='\u{20FF}' // combining marks for symbols (keycaps)
        | '\u{302A}'..='\u{302F}' | '\u{3099}'..='\u{309A}' // CJK and kana marks
        | '\u{FE00}'..='\u{FE0F}' // variation selectors
        | '\u{FE20}'..='\u{FE2F}' // combining half marks
        | '\u{1F3FB}'..='\u{1F3FF}' // emoji skin tones
        | '\u{E0020}'..='\u{E007F}' // tags (subdivision flags)
        | '\u{E0100}'..='\u{E01EF}' // variation selectors supplement
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(n: u128, start: u64, end: u64) -> PlainTextSelection {
        PlainTextSelection::new(Guid::from_u128(n), start, end)
    }

    #[test]
    fn bmp_text_counts_the_same_either_way() {
        for (text, start, end, expected) in [
            ("peer support", 5, 12, "support"),
            ("你好世界，同伴支持", 5, 9, "同伴支持"),
            ("café crème", 5, 10, "crème"),
            ("line one\r\nline two", 10, 18, "line two"),
        ] {
            let cut = cut(text, start, end).unwrap();
            assert_eq!(
                (cut.text, cut.unit, cut.evidence),
                (expected, Unit::CodePoints, Evidence::Same),
                "{text}"
            );
        }
        let err = cut("abc", 1, 4).unwrap_err();
        assert_eq!(err.kind, PositionErrorKind::OutOfRange);
        assert_eq!(
            err.to_string(),
            "positions 1..4 fit neither as code points nor as UTF-16 units (past the end, or inside a surrogate pair) (the text has 3 code points, 3 UTF-16 units)"
        );
        assert_eq!(
            cut("abc", 2, 1).unwrap_err().kind,
            PositionErrorKind::Reversed
        );
        assert_eq!(cut("", 0, 0).unwrap().text, "");
    }

    #[test]
    fn emoji_decide_the_unit() {
        let text = "I felt 😞 then 💙 with my peer worker";
        let peer = text.find("peer").unwrap();
        let cp = text[..peer].chars().count() as u64;
        let utf16 = text[..peer].encode_utf16().count() as u64;
        assert_eq!(utf16, cp + 2);
        // Code points: both units fit (as UTF-16 the same numbers select other
        // whole characters), so the standard's unit is used.
        let as_cp = cut(text, cp, cp + 11).unwrap();
        assert_eq!(
            (as_cp.text, as_cp.evidence),
            ("peer worker", Evidence::Standard)
        );
        // UTF-16 positions: the end is past the code-point length.
        let as_utf16 = cut(text, utf16, utf16 + 11).unwrap();
        assert_eq!(
            (as_utf16.text, as_utf16.unit, as_utf16.evidence),
            ("peer worker", Unit::Utf16, Evidence::OnlyFit)
        );
        // A position inside the surrogate pair of 😞 rules UTF-16 out.
        let in_pair = text
            .encode_utf16()
            .position(|u| (0xD800..0xDC00).contains(&u))
            .unwrap() as u64
            + 1;
        let c = cut(text, 0, in_pair).unwrap();
        assert_eq!((c.unit, c.evidence), (Unit::CodePoints, Evidence::OnlyFit));
    }

    #[test]
    fn the_whole_source_decides_together() {
        let text = "😀😀 hope and 😀 help";
        let hope_u16 = sel(1, 5, 9);
        // As code points 5..9 is "pe a": fits, splits nothing. Alone, ambiguous → code points.
        assert_eq!(cut(text, 5, 9).unwrap().evidence, Evidence::Standard);
        // But "help" as UTF-16 ends past the code-point length, so the
        // producer counted UTF-16 for every selection.
        let help_u16 = sel(2, 17, 21);
        let cuts = cut_selections(text, &[hope_u16, help_u16]).unwrap();
        assert_eq!(
            cuts.iter().map(|c| c.text).collect::<Vec<_>>(),
            ["hope", "help"]
        );
        assert!(
            cuts.iter()
                .all(|c| c.unit == Unit::Utf16 && c.evidence == Evidence::OnlyFit)
        );

        // One selection only fits code points (3 is inside a surrogate pair as UTF-16),
        // another only UTF-16: no single unit, and the error names both.
        let err = cut_selections(text, &[sel(3, 3, 7), sel(4, 17, 21)]).unwrap_err();
        assert_eq!(err.selection, Some(Guid::from_u128(3)));
        assert_eq!(
            err.kind,
            PositionErrorKind::Mixed {
                utf16_only: Guid::from_u128(4)
            }
        );
        assert!(err.to_string().starts_with(
            "selection 00000000-0000-0000-0000-000000000003: positions 3..7 fit only as code points"
        ));

        let err = cut_selections(text, &[sel(5, 0, 99)]).unwrap_err();
        assert_eq!(
            (err.selection, err.kind),
            (Some(Guid::from_u128(5)), PositionErrorKind::OutOfRange)
        );
        assert_eq!(cut_selections(text, &[]).unwrap(), []);
    }

    #[test]
    fn combining_characters_break_ties() {
        // a 😀 b ◌́ c d e f: as code points 3..5 starts before the accent;
        // as UTF-16 3..5 is "b◌́", whole characters.
        let text = "a😀b\u{301}cdef";
        let c = cut(text, 3, 5).unwrap();
        assert_eq!((c.text, c.unit), ("b\u{301}", Unit::Utf16));
        assert_eq!(
            c.evidence,
            Evidence::FewerSplitClusters {
                chosen: 0,
                other: 1
            }
        );
        assert!(!c.splits_cluster);
        // Forced to code points it splits the cluster, and says so.
        let forced = cut_as(text, 3, 5, Unit::CodePoints).unwrap();
        assert_eq!(
            (forced.text, forced.splits_cluster, forced.evidence),
            ("\u{301}c", true, Evidence::Requested)
        );
        assert_eq!(
            cut_as(text, 0, 10, Unit::Utf16).unwrap_err().kind,
            PositionErrorKind::NotIn(Unit::Utf16)
        );
        assert_eq!(cut_as(text, 0, 9, Unit::Utf16).unwrap().text, text);
    }

    #[test]
    fn clusters() {
        let family = "👩\u{200D}👧";
        assert!(splits_cluster(family, "👩".len()));
        assert!(splits_cluster(family, "👩\u{200D}".len()));
        assert!(splits_cluster("👍🏽", "👍".len()));
        assert!(splits_cluster("a\r\nb", 2));
        assert!(!splits_cluster("a\r\nb", 3));
        let flags = "🇳🇿🇬🇧";
        assert!(splits_cluster(flags, 4));
        assert!(!splits_cluster(flags, 8));
        assert!(splits_cluster(flags, 12));
        assert!(!splits_cluster("ab", 0) && !splits_cluster("ab", 2) && !splits_cluster("ab", 1));
        // A CRLF split by a selection is flagged on the cut even when the unit is clear.
        assert!(cut("a\r\nb", 2, 4).unwrap().splits_cluster);
    }

    #[test]
    fn long_texts_index_correctly() {
        let text: String = (0..1000)
            .map(|i| if i % 7 == 0 { '𠀀' } else { 'x' })
            .collect();
        let index = Index::new(&text);
        let mut units = 0u64;
        for (cp, (byte, ch)) in text.char_indices().enumerate() {
            assert_eq!(index.byte(cp as u64, Unit::CodePoints), Some(byte));
            assert_eq!(index.byte(units, Unit::Utf16), Some(byte));
            if ch == '𠀀' {
                assert_eq!(index.byte(units + 1, Unit::Utf16), None);
            }
            units += ch.len_utf16() as u64;
        }
        assert_eq!(index.byte(1000, Unit::CodePoints), Some(text.len()));
        assert_eq!(index.byte(units, Unit::Utf16), Some(text.len()));
        assert_eq!(index.byte(units + 1, Unit::Utf16), None);
    }
}
