//! Checks on what references say beyond resolving: an excerpt's speaker
//! takes part in its source.

use uuid::Uuid;

use super::Validator;
use super::index::Location;
use crate::diagnostics::pointer::Path;
use crate::diagnostics::{Issue, IssueCode};
use crate::study::Study;

impl Validator<'_> {
    /// Checks that an excerpt's speaker, at `path`, is among the participants
    /// of its source, found (by [`Validator::reference`]) at `source`.
    pub(super) fn speaker_in_source(
        &mut self,
        study: &Study,
        source: Location,
        participant: &Uuid,
        path: &Path<'_>,
    ) {
        let listed = &study.sources[source.index].participants;
        // Sources list few participants (one, or a focus group's handful), so a scan is O(1) in practice.
        if !listed.is_empty() && !listed.contains(participant) {
            self.report.push(Issue::warning(
                IssueCode::ParticipantNotInSource,
                path.to_pointer(),
                format!(
                    "participant {participant} is not among the participants of source {}",
                    source.pointer()
                ),
            ));
        }
    }
}
