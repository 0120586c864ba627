//! The theme hierarchy: no theme may be its own ancestor.

use super::Validator;
use super::index::EntityKind;
use crate::diagnostics::{Issue, IssueCode};
use crate::study::Study;

impl Validator<'_> {
    /// Reports each theme whose parent chain loops, once per cycle, in linear
    /// time: every theme is walked at most once (colouring).
    pub(super) fn theme_cycles(&mut self, si: usize, study: &Study) {
        const UNSEEN: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let parent_of = |i: usize| -> Option<usize> {
            let parent = study.themes[i].parent.as_ref()?;
            let found = self.index.get(parent)?;
            (found.kind == EntityKind::Theme && found.study == si).then_some(found.index)
        };
        let parents: Vec<Option<usize>> = (0..study.themes.len()).map(parent_of).collect();
        let mut state = vec![UNSEEN; study.themes.len()];
        let mut path = Vec::new();
        for start in 0..study.themes.len() {
            let mut at = Some(start);
            while let Some(i) = at {
                match state[i] {
                    UNSEEN => {
                        state[i] = ON_PATH;
                        path.push(i);
                        at = parents[i];
                    }
                    ON_PATH => {
                        // `i` is on the current path: the cycle is path[from..].
                        let from = path.iter().position(|&p| p == i).unwrap_or(0);
                        let cycle: Vec<String> = path[from..]
                            .iter()
                            .map(|&t| format!("/studies/{si}/themes/{t}"))
                            .collect();
                        self.report.push(Issue::error(
                            IssueCode::CyclicTheme,
                            format!("/studies/{si}/themes/{i}/parent"),
                            format!(
                                "themes form a cycle through their parents: {}",
                                cycle.join(" -> ")
                            ),
                        ));
                        break;
                    }
                    _ => break,
                }
            }
            for &t in &path {
                state[t] = DONE;
            }
            path.clear();
        }
    }
}
