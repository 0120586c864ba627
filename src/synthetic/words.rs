//! The words synthetic text is made of, and how sentences are strung together.
//!
//! Plain English words only: no digits, no `@`, no proper names, and
//! nothing that cues the personal-data lint (no "born", no "dob"), so a
//! generated corpus never trips it and real personal data cannot appear.

use super::rng::Rng;

/// The vocabulary of the generated quotes, statements and titles: the
/// everyday words of interview transcripts about peer support.
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "the", "the", "the", "and", "and", "and", "to", "to", "of", "of", "a", "a", "in", "in", "it",
    "it", "that", "that", "was", "is", "you", "you", "we", "we", "they", "they", "my", "our",
    "their", "with", "for", "on", "about", "when", "because", "but", "so", "just", "really",
    "think", "feel", "felt", "know", "knew", "said", "talk", "talked", "listen", "listened",
    "understand", "understood", "support", "supported", "peer", "peers", "worker", "workers",
    "team", "teams", "manager", "managers", "staff", "service", "services", "ward", "clinic",
    "community", "group", "groups", "people", "person", "someone", "everyone", "nobody", "role",
    "roles", "job", "work", "working", "shift", "hours", "time", "week", "day", "days", "year",
    "recovery", "hope", "hopeful", "trust", "trusted", "story", "stories", "lived", "experience",
    "experiences", "own", "journey", "share", "shared", "sharing", "connection", "connect",
    "relationship", "relationships", "boundaries", "supervision", "training", "learning",
    "learned", "pay", "paid", "money", "funding", "contract", "career", "progression", "value",
    "valued", "respect", "respected", "heard", "voice", "voices", "medical", "clinical", "nurse",
    "nurses", "doctor", "doctors", "meeting", "meetings", "notes", "plan", "plans", "care",
    "caring", "difficult", "hard", "easy", "better", "worse", "different", "same", "little", "lot",
    "more", "less", "first", "last", "again", "always", "never", "sometimes", "often", "maybe",
    "actually", "honestly", "together", "alone", "isolated", "welcome", "welcomed", "included",
    "excluded", "equal", "power", "choice", "choices", "change", "changed", "changes", "need",
    "needs", "needed", "help", "helped", "helpful", "safe", "unsafe", "calm", "anxious", "tired",
    "stress", "burnout", "wellbeing", "open", "honest", "empathy", "kindness", "listening",
    "walking", "alongside", "coffee", "phone", "visit", "home", "housing", "benefits",
    "appointment", "discharge", "admission", "crisis", "medication", "diagnosis", "label",
    "labels", "system", "hierarchy", "culture", "organisation", "leadership", "policy",
    "recruitment", "interview", "role", "model", "example", "difference", "reason", "reasons",
    "question", "questions", "answer", "somewhere", "nowhere", "everything", "nothing",
    "something", "don't", "didn't", "can't", "it's", "I'm", "they're", "wasn't", "couldn't",
];

/// Words for theme labels and titles: the nouns and adjectives of the field.
#[rustfmt::skip]
const TOPICS: &[&str] = &[
    "hope", "mutuality", "connection", "boundaries", "supervision", "training", "recovery",
    "identity", "belonging", "trust", "power", "hierarchy", "culture", "leadership", "pay",
    "career", "wellbeing", "burnout", "empathy", "knowledge", "experience", "teams", "integration",
    "recruitment", "flexibility", "structure", "advocacy", "openness", "empowerment", "inclusion",
    "isolation", "value", "respect", "practice", "roles", "relationships", "support", "change",
    "services", "voices",
];

/// What joins the words of a title.
const JOINERS: &[&str] = &[" and ", " of ", " in ", " "];

/// Countries a synthetic study can be set in.
#[rustfmt::skip]
pub(crate) const COUNTRIES: &[&str] = &[
    "England", "Scotland", "Wales", "Northern Ireland", "Ireland", "Australia", "Canada",
    "New Zealand",
];

/// Surnames for synthetic author bylines (invented-sounding, plain words).
#[rustfmt::skip]
pub(crate) const SURNAMES: &[&str] = &[
    "Ashdown", "Bramley", "Colewood", "Dunmore", "Elmfield", "Fernhill", "Greystone", "Hollins",
    "Ivybridge", "Kestrel", "Larkspur", "Merrow", "Northcote", "Oakridge", "Pendle", "Quarry",
    "Rowan", "Stanway", "Thornby", "Underhill", "Wexcombe", "Yarrow",
];

/// Appends `count` words as sentences of 5 to 18 words: capitalised, with
/// the odd comma, each ended by a full stop.
fn push_prose(out: &mut String, rng: &mut Rng, count: usize) {
    let mut left_in_sentence = 0;
    for i in 0..count {
        let word = *rng.pick(WORDS);
        if left_in_sentence == 0 {
            if i > 0 {
                out.push_str(". ");
            }
            left_in_sentence = rng.between(5, 18);
            push_capitalised(out, word);
        } else {
            out.push_str(if rng.percent(6) { ", " } else { " " });
            out.push_str(word);
        }
        left_in_sentence -= 1;
    }
    if count > 0 {
        out.push('.');
    }
}

/// `count` words of prose as a new string.
pub(crate) fn prose(rng: &mut Rng, count: usize) -> String {
    // Seven bytes a word on average covers the words and their separators.
    let mut out = String::with_capacity(count * 7 + 2);
    push_prose(&mut out, rng, count);
    out
}

/// A title of `count` topic words joined by "and" / "of" / "in", capitalised.
pub(crate) fn title(rng: &mut Rng, count: usize) -> String {
    let mut out = String::new();
    for i in 0..count {
        let word = *rng.pick(TOPICS);
        if i == 0 {
            push_capitalised(&mut out, word);
        } else {
            let joiner = *rng.pick(JOINERS);
            out.push_str(joiner);
            out.push_str(word);
        }
    }
    out
}

fn push_capitalised(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_hold_no_digits_at_signs_or_birth_cues() {
        for word in WORDS.iter().chain(TOPICS).chain(COUNTRIES).chain(SURNAMES) {
            assert!(!word.is_empty());
            assert!(
                word.chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '\'' || c == ' '),
                "{word:?}"
            );
            assert!(!["born", "dob"].contains(word), "{word:?}");
        }
    }

    #[test]
    fn prose_has_the_requested_number_of_words() {
        let mut rng = Rng::new(3);
        for count in [1, 20, 120] {
            let text = prose(&mut rng, count);
            assert_eq!(text.split_whitespace().count(), count, "{text}");
            assert!(text.ends_with('.'), "{text}");
            assert!(text.starts_with(|c: char| c.is_ascii_uppercase()), "{text}");
        }
        assert_eq!(prose(&mut rng, 0), "");
    }
}
