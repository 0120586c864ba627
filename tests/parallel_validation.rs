//! A document over the size from which `validate` uses a second thread
//! reports exactly what validating on one thread does, issue for issue and
//! in order, with issues in several studies.
#![cfg(feature = "synthetic")]

use peer_support::study::Text;
use peer_support::synthetic::Corpus;
use peer_support::validate::{self, IssueCode, PARALLEL_FROM_EXCERPTS};
use uuid::Uuid;

#[test]
fn a_large_document_reports_the_same_on_one_thread_and_two() {
    let mut document = Corpus::new(7)
        .studies(4)
        .excerpts(PARALLEL_FROM_EXCERPTS + 100)
        .build();
    for (s, study) in document.studies.iter_mut().enumerate() {
        study.excerpts[s].text = Text::new("call me on 07700 900123").unwrap();
        study.findings[0]
            .excerpts
            .push(Uuid::from_u128(s as u128 + 1));
    }
    let first_excerpt = document.studies[0].excerpts[0].id;
    document.studies[3].findings[1].excerpts.push(first_excerpt);
    let one = validate::validate_on_one_thread(&document);
    let codes: Vec<_> = one.issues.iter().map(|i| i.code.clone()).collect();
    assert_eq!(codes.len(), 9, "{one}");
    assert!(codes.contains(&IssueCode::PossiblePersonalData), "{one}");
    assert!(codes.contains(&IssueCode::DanglingReference), "{one}");
    assert_eq!(validate::validate(&document), one);
    let json = document.to_json_pretty();
    let loaded = peer_support::document::from_str(&json).unwrap();
    let on_one = peer_support::document::ReadOptions::new()
        .one_thread(true)
        .load_str(&json)
        .unwrap();
    assert_eq!(loaded.report, on_one.report);
    assert_eq!(loaded.report, one);
}
