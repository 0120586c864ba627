//! Redaction: a shareable copy of a document with participants' own words, or
//! every participant-level record, removed.
//!
//! Two levels, each a superset of the one before:
//!
//! | field | [`quotes`](RedactionLevel::Quotes) | [`aggregate`](RedactionLevel::Aggregate) |
//! |---|---|---|
//! | excerpt `text` | replaced by [`REDACTED`] | excerpt removed |
//! | excerpt `location` | removed | excerpt removed |
//! | study and finding `notes` | removed | removed |
//! | `extensions` (document, study and finding) | removed | removed |
//! | unknown fields (fields this version does not define), on every object | removed | removed |
//! | participants | kept | removed; counted into `sample` when it has no counts |
//! | data sources | kept | removed; methods, rounds and the lived-experience interviewer flag folded into `design` |
//! | finding `excerpts` | kept | removed |
//! | finding `participants` | kept | removed; counted into `endorsement_count` |
//! | participant codes inside statements, theme labels and descriptions, aims, countries | kept | replaced by [`PARTICIPANT`] |
//! | citation, design, settings, sample, themes, finding statements and concepts | kept | kept |
//! | study kind, reporting guidelines, review details and included studies; finding `contributing`, `endorsement_percent` and `cerqual` | kept | kept |
//!
//! Why these choices:
//!
//! - Excerpt text is the only field that holds participants' words. `Text`
//!   cannot be empty, so a fixed marker replaces it and the excerpt, its source
//!   and speaker links stay in place: the evidence structure can still be
//!   shared and checked.
//! - An excerpt's location (`"lines 120-131"`, a file name) points into a
//!   transcript the reader of a redacted copy does not have, and is free text
//!   that may name a file or a person; without the quote it is of no use.
//! - Study notes are whatever the encoder wrote, and often that is about
//!   participants.
//! - Extensions are opaque tool data (an NVivo export can carry whole
//!   transcripts). Redaction cannot vouch for what it cannot read, so it drops
//!   them; likewise unknown fields (a newer version's, or a tool's), whose
//!   number [`Document::into_redaction`] reports.
//! - Citation fields are the public bibliographic record of a published paper
//!   and are kept untouched, including at `aggregate`.
//! - At `aggregate` no information about *how many* is lost where the format
//!   can hold it, and no count the study gives is changed, only added to. A
//!   finding's `endorsement_count` becomes the larger of the count it had and
//!   the number of distinct listed participants of the study who endorsed it.
//!   A sample without group counts gets a missing total (the listed
//!   participants, or the largest endorsement count if larger) and, when the
//!   listed participants are the whole total, their group counts. A sample with
//!   group counts but no total gets a count for each group that has listed
//!   participants but none in the sample. What the format cannot hold (the
//!   number of interviews, the groups of listed participants in a sample that
//!   gives a total and only some groups) is lost with the records.
//!
//! Redacting a document that validates without errors gives one that validates
//! without errors.
//!
//! ```
//! use peer_support::redact::{RedactionLevel, REDACTED};
//! use peer_support::document;
//!
//! let json = r#"{
//!   "schema": "urn:peer-support:study-document", "schema_version": "1.0.0",
//!   "studies": [{
//!     "id": "5d8ebf13-d301-4143-ac31-bebb0249d387",
//!     "citation": {"title": "A study"},
//!     "participants": [{"id": "00000000-0000-0000-0000-000000000001", "code": "P07", "group": "peer_worker"}],
//!     "sources": [{"id": "00000000-0000-0000-0000-000000000002", "participants": ["00000000-0000-0000-0000-000000000001"]}],
//!     "excerpts": [{"id": "00000000-0000-0000-0000-000000000003", "text": "I felt listened to",
//!                   "source": "00000000-0000-0000-0000-000000000002",
//!                   "participant": "00000000-0000-0000-0000-000000000001"}],
//!     "notes": "P07 asked to see the transcript"
//!   }]
//! }"#;
//! let document = document::from_str(json)?.document;
//!
//! let quotes = document.redact(RedactionLevel::Quotes);
//! assert_eq!(quotes.studies[0].excerpts[0].text.as_str(), REDACTED);
//! assert!(quotes.studies[0].notes.is_none());
//! assert!(!quotes.validate().has_errors());
//!
//! let aggregate = document.redact("aggregate".parse()?);
//! assert!(aggregate.studies[0].participants.is_empty());
//! assert_eq!(aggregate.studies[0].sample.as_ref().and_then(|s| s.total), Some(1));
//! assert!(!aggregate.to_json_compact().contains("P07"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use crate::study::nodes;
use crate::study::{
    DataSource, Document, Excerpt, Extensions, Finding, GroupCount, Participant, Sample, Study,
    StudyDesign, Text, Theme,
};
use crate::vocabulary::SampleUnit;

/// What replaces an excerpt's text at every level of redaction.
pub const REDACTED: &str = "[redacted]";

/// What replaces a participant code found in free text at
/// [`RedactionLevel::Aggregate`].
pub const PARTICIPANT: &str = "[participant]";

closed_codes! {
    /// How much [`Document::redact`] removes; see the [module](self) for the
    /// field-by-field table.
    #[non_exhaustive]
    pub enum RedactionLevel: kind "redaction level" {
        /// Participants' words removed (excerpt texts replaced, excerpt
        /// locations, notes and extensions removed); structure, participants
        /// and links kept.
        Quotes = "quotes", "Quotes",
        /// No participant-level records: participants, data sources and
        /// excerpts removed, counts kept, participant codes scrubbed from free
        /// text. Includes everything `quotes` removes.
        Aggregate = "aggregate", "Aggregate",
    }
}

impl Document {
    /// A shareable copy of the document, redacted to `level`.
    ///
    /// See the [`redact`](crate::redact) module for what each level removes.
    #[must_use = "the redacted copy is returned; the document is unchanged"]
    pub fn redact(&self, level: RedactionLevel) -> Document {
        self.clone().into_redacted(level)
    }

    /// As [`Document::redact`], consuming the document (no copy of the parts
    /// that are removed anyway).
    #[must_use]
    pub fn into_redacted(self, level: RedactionLevel) -> Document {
        self.into_redaction(level).document
    }

    /// As [`Document::into_redacted`], also saying how many unknown fields
    /// (see [`UnknownFields`](crate::study::UnknownFields)) were dropped.
    ///
    /// ```
    /// use peer_support::RedactionLevel;
    ///
    /// let json = r#"{"schema": "urn:peer-support:study-document", "schema_version": "1.4.0",
    ///   "studies": [], "curator_email": "jo@example.org"}"#;
    /// let document = peer_support::from_str(json)?.document;
    /// let redaction = document.into_redaction(RedactionLevel::Quotes);
    /// assert_eq!(redaction.unknown_fields_dropped, 1);
    /// assert!(!redaction.document.to_json_compact().contains("jo@example.org"));
    /// # Ok::<(), peer_support::ReadError>(())
    /// ```
    #[must_use]
    pub fn into_redaction(mut self, level: RedactionLevel) -> Redaction {
        // First, at every level, so that none survives in a part that is
        // kept (a citation, a design) and every one is counted, also in the
        // parts that are removed.
        let unknown_fields_dropped = self.clear_all_unknown_fields();
        // Destructured so that a new field fails to compile here until
        // someone decides how it is redacted.
        let Document {
            studies,
            concepts,
            extensions: _,
            unknown: _,
            newer_version,
        } = self;
        let mut document = Document::new(
            studies
                .into_iter()
                .map(|study| redact_study(study, level))
                .collect(),
        );
        // The project codebook describes concepts from the literature, not
        // anyone's words or records: kept at every level.
        document.concepts = concepts;
        // A newer document stays labelled as such: its codes may still be
        // ones only the newer version defines.
        document.newer_version = newer_version;
        Redaction {
            document,
            unknown_fields_dropped,
        }
    }
}

impl Document {
    /// Drops the fields this version does not define from every object of
    /// the document (see [`UnknownFields`](crate::study::UnknownFields)), so
    /// that writing it gives a document of this version only; returns how
    /// many there were.
    pub fn clear_all_unknown_fields(&mut self) -> usize {
        nodes::clear_unknown_fields(self)
    }
}

/// A redacted copy of a document, and what was dropped without a trace in
/// it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Redaction {
    /// The redacted document.
    pub document: Document,
    /// How many unknown fields were dropped, at every level: redaction
    /// cannot tell whether fields this version does not define hold
    /// personal data, so it keeps none.
    pub unknown_fields_dropped: usize,
}

fn redact_study(study: Study, level: RedactionLevel) -> Study {
    // Destructured for the same reason as the document: every field is a
    // decision.
    let Study {
        id,
        kind,
        citation,
        countries,
        aims,
        design,
        reporting_guidelines,
        settings,
        sample,
        review,
        participants,
        sources,
        excerpts,
        themes,
        findings,
        notes: _,
        extensions: _,
        unknown: _,
    } = study;
    let mut redacted = Study::new(id, citation);
    // What kind of study it is and what a review includes are published
    // facts, as the citation is.
    redacted.kind = kind;
    redacted.reporting_guidelines = reporting_guidelines;
    redacted.review = review;
    redacted.settings = settings;
    match level {
        RedactionLevel::Quotes => {
            redacted.countries = countries;
            redacted.aims = aims;
            redacted.design = design;
            redacted.sample = sample;
            redacted.participants = participants;
            redacted.sources = sources;
            redacted.excerpts = excerpts.into_iter().map(redact_excerpt).collect();
            redacted.themes = themes;
            redacted.findings = findings.into_iter().map(strip_finding).collect();
        }
        RedactionLevel::Aggregate => {
            let scrubber = Scrubber::new(&participants);
            let scrub_all = |texts: Vec<Text>| -> Vec<Text> {
                texts.into_iter().map(|t| scrubber.scrub(t)).collect()
            };
            redacted.countries = scrub_all(countries);
            redacted.aims = scrub_all(aims);
            redacted.design = fold_sources(design, &sources);
            redacted.themes = themes
                .into_iter()
                .map(|theme| scrub_theme(theme, &scrubber))
                .collect();
            // Participants are folded into counts only where the counts are
            // of participants: a review's sample and endorsements count
            // included studies, and people are never added to those.
            let unit = crate::study::sample_unit(
                &redacted.kind,
                redacted.review.as_ref(),
                sample.as_ref(),
            );
            let counts_people = unit == SampleUnit::Participants;
            let ids: HashSet<Uuid> = if counts_people {
                participants.iter().map(|p| p.id).collect()
            } else {
                HashSet::new()
            };
            redacted.findings = findings
                .into_iter()
                .map(|finding| aggregate_finding(finding, &ids, &scrubber))
                .collect();
            let most_endorsed = redacted
                .findings
                .iter()
                .filter_map(|f| f.endorsement_count)
                .max()
                .unwrap_or(0);
            redacted.sample = if counts_people {
                fill_sample(sample, &participants, most_endorsed)
            } else {
                sample
            };
        }
    }
    redacted
}

fn redact_excerpt(excerpt: Excerpt) -> Excerpt {
    let Excerpt {
        id,
        text: _,
        source,
        participant,
        location: _,
        unknown: _,
    } = excerpt;
    let mut redacted = Excerpt::new(id, marker(REDACTED), source);
    redacted.participant = participant;
    redacted
}

fn marker(text: &'static str) -> Text {
    Text::new(text).expect("redaction markers are not blank")
}

/// The sample with counts from the listed participants where it has none.
///
/// Counts the study reports are never changed, only added to:
///
/// - without group counts, a missing total becomes the number of listed
///   participants, or the largest endorsement count if that is larger (the
///   listed participants can be some of the sample), and groups are filled
///   from the listed participants when they account for the whole total;
/// - with groups but no total (the groups imply it), a group that has
///   listed participants but is not named at all gets their number, so the
///   implied total still covers everyone listed; a group named without a
///   count stays uncounted (its listed members may be only some of it);
/// - with both, validation already holds the listed participants to them.
fn fill_sample(
    sample: Option<Sample>,
    participants: &[Participant],
    most_endorsed: u32,
) -> Option<Sample> {
    if participants.is_empty() {
        return sample;
    }
    let listed = u32::try_from(participants.len()).unwrap_or(u32::MAX);
    let mut sample = sample.unwrap_or_default();
    if sample.groups.is_empty() {
        let total = *sample.total.get_or_insert(listed.max(most_endorsed));
        if total == listed {
            sample.groups = group_counts(participants);
        }
    } else if sample.total.is_none() {
        // In order of first appearance, so the output is deterministic. A
        // group the study names without a count stays uncounted: its listed
        // participants may be only some of its members, and turning a lower
        // bound into a count could contradict an endorsement count.
        let listed = group_counts(participants);
        let named: HashSet<_> = sample.groups.iter().map(|g| g.group.clone()).collect();
        sample
            .groups
            .extend(listed.into_iter().filter(|l| !named.contains(&l.group)));
    }
    Some(sample)
}

/// Listed participants per stakeholder group, in order of first appearance.
fn group_counts(participants: &[Participant]) -> Vec<GroupCount> {
    let mut groups: Vec<GroupCount> = Vec::new();
    let mut slot = HashMap::new();
    for p in participants {
        let i = *slot.entry(&p.group).or_insert_with(|| {
            groups.push(GroupCount::new(p.group.clone(), 0));
            groups.len() - 1
        });
        groups[i].count = Some(groups[i].count.unwrap_or(0).saturating_add(1));
    }
    groups
}

/// The design with what the removed data sources said about the study as a
/// whole: their methods, the highest interview round, and whether any
/// interviewer had lived experience.
fn fold_sources(mut design: StudyDesign, sources: &[DataSource]) -> StudyDesign {
    let mut methods: HashSet<_> = design.methods.iter().cloned().collect();
    for method in sources.iter().filter_map(|s| s.method.as_ref()) {
        if methods.insert(method.clone()) {
            design.methods.push(method.clone());
        }
    }
    if design.interview_rounds.is_none() {
        design.interview_rounds = sources
            .iter()
            .filter_map(|s| s.round)
            .max()
            .filter(|&r| r > 0);
    }
    if sources
        .iter()
        .any(|s| s.interviewer_lived_experience == Some(true))
    {
        design.lived_experience_interviewers = true;
    }
    design
}

fn scrub_theme(theme: Theme, scrubber: &Scrubber) -> Theme {
    let Theme {
        id,
        label,
        description,
        parent,
        unknown: _,
    } = theme;
    let mut scrubbed = Theme::new(id, scrubber.scrub(label));
    scrubbed.description = description.map(|d| scrubber.scrub(d));
    scrubbed.parent = parent;
    scrubbed
}

/// A finding without its notes and extensions (free text and opaque tool
/// data, as for studies); everything else is kept.
fn strip_finding(mut finding: Finding) -> Finding {
    finding.notes = None;
    finding.extensions = Extensions::new();
    finding
}

fn aggregate_finding(
    finding: Finding,
    participants: &HashSet<Uuid>,
    scrubber: &Scrubber,
) -> Finding {
    let Finding {
        id,
        statement,
        basis,
        themes,
        concepts,
        reported_by,
        excerpts: _,
        participants: endorsers,
        endorsement_count,
        endorsement_percent,
        contributing,
        cerqual,
        notes: _,
        extensions: _,
        unknown: _,
    } = finding;
    // Distinct endorsers who are participants of the study: a repeated or
    // dangling id is not another person.
    let listed: HashSet<&Uuid> = endorsers
        .iter()
        .filter(|id| participants.contains(id))
        .collect();
    let listed = u32::try_from(listed.len()).unwrap_or(u32::MAX);
    let mut aggregated = Finding::new(id, scrubber.scrub(statement));
    aggregated.basis = basis;
    aggregated.themes = themes;
    aggregated.concepts = concepts;
    aggregated.reported_by = reported_by;
    aggregated.endorsement_percent = endorsement_percent;
    // A review's contributing studies and its confidence assessment are
    // about published studies, not participants.
    aggregated.contributing = contributing;
    aggregated.cerqual = cerqual;
    aggregated.endorsement_count = match endorsement_count {
        Some(count) => Some(count.max(listed)),
        None => (listed > 0).then_some(listed),
    };
    aggregated
}

/// Replaces participant codes that stand as words in free text.
///
/// A code matches case-insensitively where it starts a word (no ASCII letter
/// or digit before it) and ends one (no ASCII letter or digit after it), so
/// `P07`, `P07's`, `(P07)` and `P07-P08` are scrubbed but `MP07` and `P070`
/// are not. Work per byte is bounded by the longest code, so scrubbing is
/// linear in the text.
struct Scrubber {
    codes: HashSet<String>,
    longest: usize,
}

impl Scrubber {
    fn new(participants: &[Participant]) -> Self {
        let codes: HashSet<String> = participants
            .iter()
            .map(|p| p.code.as_str().to_ascii_lowercase())
            .collect();
        let longest = codes.iter().map(String::len).max().unwrap_or(0);
        Scrubber { codes, longest }
    }

    fn scrub(&self, text: Text) -> Text {
        if self.codes.is_empty() {
            return text;
        }
        let bytes = text.as_bytes();
        let mut out = String::new();
        let mut copied = 0;
        let mut candidate = String::with_capacity(self.longest);
        let mut i = 0;
        while i < bytes.len() {
            let starts_word = bytes[i].is_ascii_alphanumeric()
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
            if !starts_word {
                i += 1;
                continue;
            }
            match self.longest_code_at(bytes, i, &mut candidate) {
                Some(end) => {
                    out.push_str(&text[copied..i]);
                    out.push_str(PARTICIPANT);
                    copied = end;
                    i = end;
                }
                None => i += 1,
            }
        }
        if copied == 0 {
            return text;
        }
        out.push_str(&text[copied..]);
        // Not blank: it holds at least one marker.
        Text::new(out).unwrap_or_else(|_| marker(PARTICIPANT))
    }

    /// The end of the longest code starting at `start` that ends a word.
    fn longest_code_at(&self, bytes: &[u8], start: usize, candidate: &mut String) -> Option<usize> {
        let mut found = None;
        let limit = bytes.len().min(start + self.longest);
        candidate.clear();
        for end in start + 1..=limit {
            let b = bytes[end - 1];
            if !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')) {
                break;
            }
            candidate.push(char::from(b.to_ascii_lowercase()));
            let ends_word = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
            if ends_word && self.codes.contains(candidate.as_str()) {
                found = Some(end);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{ParticipantCode, UnknownFields};
    use crate::vocabulary::Stakeholder;

    fn participant(n: u128, code: &str, group: Stakeholder) -> Participant {
        Participant::new(
            Uuid::from_u128(n),
            ParticipantCode::new(code).unwrap(),
            group,
        )
    }

    fn text(s: &str) -> Text {
        Text::new(s).unwrap()
    }

    #[test]
    fn level_codes_agree_everywhere() {
        for level in RedactionLevel::ALL {
            let code = level.to_string();
            assert_eq!(code.parse::<RedactionLevel>().unwrap(), *level);
            assert_eq!(serde_json::to_string(level).unwrap(), format!("\"{code}\""));
        }
        let err = "everything".parse::<RedactionLevel>().unwrap_err();
        assert!(err.to_string().contains("quotes, aggregate"), "{err}");
    }

    #[test]
    fn scrubs_codes_as_whole_words_only() {
        let scrubber = Scrubber::new(&[
            participant(1, "P07", Stakeholder::PeerWorker),
            participant(2, "PW-1", Stakeholder::Manager),
        ]);
        let scrubbed = scrubber.scrub(text(
            "p07 and P07's view (PW-1), P07-PW-1; not MP07, P070 or PW-12. P07",
        ));
        assert_eq!(
            scrubbed.as_str(),
            "[participant] and [participant]'s view ([participant]), [participant]-[participant]; not MP07, P070 or PW-12. [participant]"
        );
        assert_eq!(scrubber.scrub(text("P07")).as_str(), PARTICIPANT);
        assert_eq!(
            scrubber.scrub(text("nothing here")).as_str(),
            "nothing here"
        );
        assert_eq!(
            scrubber.scrub(text("é P07 ü")).as_str(),
            "é [participant] ü"
        );
    }

    #[test]
    fn fills_missing_counts_and_keeps_reported_ones() {
        let listed = [
            participant(1, "P1", Stakeholder::PeerWorker),
            participant(2, "P2", Stakeholder::Manager),
            participant(3, "P3", Stakeholder::PeerWorker),
        ];
        let filled = fill_sample(None, &listed, 0).unwrap();
        assert_eq!(filled.total, Some(3));
        assert_eq!(
            filled.groups,
            [
                GroupCount::new(Stakeholder::PeerWorker, 2),
                GroupCount::new(Stakeholder::Manager, 1)
            ]
        );
        // A larger reported total stays, and groups that would not add up to
        // it are not invented.
        let reported = Sample {
            unit: None,
            total: Some(10),
            groups: Vec::new(),
            unknown: UnknownFields::default(),
        };
        assert_eq!(
            fill_sample(Some(reported.clone()), &listed, 0),
            Some(reported)
        );
        assert_eq!(fill_sample(None, &[], 5), None);
        // Endorsed by more than are listed: the total covers them, and the
        // listed participants' groups are not the whole sample.
        let filled = fill_sample(None, &listed, 4).unwrap();
        assert_eq!((filled.total, filled.groups.len()), (Some(4), 0));
        // Groups that leave out a listed group get it added.
        let partial = Sample {
            unit: None,
            total: None,
            groups: vec![GroupCount::new(Stakeholder::PeerWorker, 5)],
            unknown: UnknownFields::default(),
        };
        let filled = fill_sample(Some(partial), &listed, 0).unwrap();
        assert_eq!(
            filled.groups,
            [
                GroupCount::new(Stakeholder::PeerWorker, 5),
                GroupCount::new(Stakeholder::Manager, 1)
            ]
        );
    }

    #[test]
    fn endorsement_counts_distinct_listed_participants() {
        let ids: HashSet<Uuid> = [1, 2, 3].map(Uuid::from_u128).into();
        let scrubber = Scrubber::new(&[]);
        let mut finding = Finding::new(Uuid::from_u128(9), text("s"));
        finding.participants = [1, 2, 2, 99].map(Uuid::from_u128).into();
        let aggregated = aggregate_finding(finding.clone(), &ids, &scrubber);
        assert_eq!(aggregated.endorsement_count, Some(2));
        assert!(aggregated.participants.is_empty());
        finding.endorsement_count = Some(7);
        assert_eq!(
            aggregate_finding(finding.clone(), &ids, &scrubber).endorsement_count,
            Some(7)
        );
        finding.endorsement_count = Some(1);
        assert_eq!(
            aggregate_finding(finding, &ids, &scrubber).endorsement_count,
            Some(2)
        );
    }

    #[test]
    fn a_group_named_without_a_count_stays_uncounted() {
        // Regression (review): filling the count from the one listed member
        // made the endorsement count of 5 exceed the sample.
        let mut study = Study::new(Uuid::from_u128(1), crate::study::Citation::new(text("T")));
        study.sample = Some(Sample {
            unit: None,
            total: None,
            groups: vec![GroupCount::uncounted(Stakeholder::PeerWorker)],
            unknown: UnknownFields::default(),
        });
        study
            .participants
            .push(participant(2, "P1", Stakeholder::PeerWorker));
        let mut finding = Finding::new(Uuid::from_u128(3), text("x"));
        finding.endorsement_count = Some(5);
        study.findings.push(finding);
        let document = Document::new(vec![study]);
        assert!(!document.validate().has_errors());
        let redacted = document.redact(RedactionLevel::Aggregate);
        assert!(!redacted.validate().has_errors(), "{}", redacted.validate());
        let sample = redacted.studies[0].sample.as_ref().unwrap();
        assert_eq!(
            sample.groups,
            [GroupCount::uncounted(Stakeholder::PeerWorker)]
        );
    }
}
