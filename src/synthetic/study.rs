//! One synthetic study: the shape of a qualitative interview study, filled
//! with generated words.

use super::rng::Rng;
use super::words::{self, COUNTRIES, SURNAMES};
use crate::study::{
    Citation, ConceptLink, DataSource, Doi, Excerpt, Extensions, Finding, GroupCount, Participant,
    ParticipantCode, Sample, Study, StudyDesign, Text, Theme,
};
use crate::vocabulary::{
    Analysis, Barrier, Direction, Employment, Facilitator, Method, Outcome, PeerValue, RoleTitle,
    Setting, Stakeholder, Stance, WayOfWorking,
};
use chrono::{Datelike, Days, NaiveDate};

/// Coded quotations per participant on average: one long interview yields a dozen.
const EXCERPTS_PER_PARTICIPANT: usize = 12;
/// Excerpts cited by one finding on average.
const EXCERPTS_PER_FINDING: usize = 25;
/// The fewest participants and findings a study gets, however few its excerpts.
const MIN_PARTICIPANTS: usize = 3;
const MIN_FINDINGS: usize = 4;
/// Words in one excerpt.
const EXCERPT_WORDS: (usize, usize) = (20, 120);

/// The analyses of interview studies (not a review's synthesis methods).
const INTERVIEW_ANALYSES: &[Analysis] = &[
    Analysis::ThematicAnalysis,
    Analysis::GroundedTheory,
    Analysis::DiscourseAnalysis,
    Analysis::PsychosocialAnalysis,
];

const JOURNALS: &[&str] = &[
    "Health Expectations",
    "BMC Health Services Research",
    "Journal of Mental Health",
    "Psychiatric Rehabilitation Journal",
    "Mental Health Review Journal",
    "International Journal of Mental Health Nursing",
];

/// Study number `index` of the corpus seeded with `seed`, holding `excerpts` excerpts.
pub(crate) fn study(seed: u64, index: usize, excerpts: usize) -> Study {
    let mut rng = Rng::for_stream(seed, index as u64);
    let rng = &mut rng;
    let id = rng.uuid();
    let published = published_date(rng);
    let citation = citation(rng, published);
    let rounds: u32 = if rng.percent(25) { 2 } else { 1 };
    let design = design(rng, rounds);

    let groups = stakeholder_groups(rng);
    let participant_count = MIN_PARTICIPANTS.max(excerpts.div_ceil(EXCERPTS_PER_PARTICIPANT));
    let participants = participants(rng, &groups, participant_count);
    let sample = sample(rng, &groups, participant_count);
    let total = sample.total.unwrap_or(0);
    let (sources, speakers) = sources(rng, &participants, rounds, published, &design);
    // Each excerpt comes from a random interview; they are listed grouped by
    // interview, in interview order, as coding tools export them.
    let mut excerpt_sources: Vec<usize> = (0..excerpts).map(|_| rng.below(sources.len())).collect();
    excerpt_sources.sort_unstable();
    // The participant index of each excerpt's speaker, for the findings.
    let mut excerpt_speakers = Vec::with_capacity(excerpts);
    let excerpt_list = excerpt_sources
        .iter()
        .map(|&s| {
            let id = rng.uuid();
            let mut excerpt = Excerpt::new(id, prose(rng, EXCERPT_WORDS), sources[s].id);
            excerpt.participant = Some(participants[speakers[s]].id);
            excerpt_speakers.push(speakers[s]);
            excerpt
        })
        .collect::<Vec<_>>();
    let (themes, subthemes) = themes(rng);
    let findings = findings(
        rng,
        &FindingContext {
            excerpts: &excerpt_list,
            speakers: &excerpt_speakers,
            participants: &participants,
            groups: &groups,
            themes: &themes,
            subthemes: &subthemes,
            total,
        },
    );

    let mut extensions = Extensions::new();
    // A constant namespaced key: the insert cannot fail.
    let _ = extensions.insert(
        "synthetic:origin",
        serde_json::json!({ "seed": seed, "study": index }),
    );
    let mut study = Study::new(id, citation);
    study.countries = vec![text(rng.pick(COUNTRIES).to_string())];
    study.aims = vec![prose(rng, (12, 25))];
    study.design = design;
    study.settings = distinct(rng, Setting::ALL, 3);
    study.sample = Some(sample);
    study.participants = participants;
    study.sources = sources;
    study.excerpts = excerpt_list;
    study.themes = themes;
    study.findings = findings;
    study.notes = rng.percent(30).then(|| prose(rng, (10, 30)));
    study.extensions = extensions;
    study
}
/// Prose of `lo` to `hi` words.
fn prose(rng: &mut Rng, (lo, hi): (usize, usize)) -> Text {
    let count = rng.between(lo, hi);
    text(words::prose(rng, count))
}

/// A title of `lo` to `hi` topic words.
fn title(rng: &mut Rng, (lo, hi): (usize, usize)) -> Text {
    let count = rng.between(lo, hi);
    text(words::title(rng, count))
}

/// Generated text is never blank (it has at least one word).
fn text(s: String) -> Text {
    Text::new(s).expect("generated text has at least one word")
}

fn published_date(rng: &mut Rng) -> NaiveDate {
    let year = rng.between(2012, 2024) as i32;
    NaiveDate::from_yo_opt(year, rng.between(1, 365) as u32)
        .expect("day 1 to 365 exists in every year")
}

fn citation(rng: &mut Rng, published: NaiveDate) -> Citation {
    let title = title(rng, (3, 6));
    let slug = title.to_lowercase().replace(' ', "-");
    let mut citation = Citation::new(text(format!("{title}: a qualitative study")));
    citation.authors = (0..rng.between(2, 6))
        .map(|_| {
            let initial = char::from(b'A' + rng.below(26) as u8);
            text(format!("{}, {initial}.", rng.pick(SURNAMES)))
        })
        .collect();
    citation.year = Some(published.year());
    citation.journal = Some(text(rng.pick(JOURNALS).to_string()));
    // 10.5555 is the registrant prefix reserved for examples and tests.
    citation.doi = Some(Doi::new(format!("10.5555/synthetic.{slug}")).expect("valid DOI syntax"));
    citation.published = Some(published);
    citation
}

fn design(rng: &mut Rng, rounds: u32) -> StudyDesign {
    let mut design = StudyDesign::default();
    design.methods.push(Method::SemiStructuredInterview);
    if rounds > 1 {
        design.methods.push(Method::RepeatInterview);
    }
    design.analyses.push(rng.pick(INTERVIEW_ANALYSES).clone());
    design.co_production = rng.percent(40);
    design.lived_experience_interviewers = rng.percent(40);
    design.public_involvement = rng.percent(50);
    design.interview_rounds = Some(rounds);
    design
}

/// One to four stakeholder groups, as the seed studies have.
fn stakeholder_groups(rng: &mut Rng) -> Vec<Stakeholder> {
    let all = Stakeholder::ALL;
    let start = rng.below(all.len());
    (0..rng.between(1, 4))
        .map(|i| all[(start + i) % all.len()].clone())
        .collect()
}

fn code_prefix(group: &Stakeholder) -> &'static str {
    match group {
        Stakeholder::PeerWorker => "PW",
        Stakeholder::ServiceUser => "SU",
        Stakeholder::NonPeerStaff => "ST",
        Stakeholder::Manager => "MG",
        Stakeholder::MentalHealthProfessional => "MH",
        _ => "P",
    }
}

/// Participant `i` belongs to group `i % groups.len()`.
fn participants(rng: &mut Rng, groups: &[Stakeholder], count: usize) -> Vec<Participant> {
    (0..count)
        .map(|i| {
            let group = &groups[i % groups.len()];
            let number = i / groups.len() + 1;
            let code = ParticipantCode::new(format!("{}{number:02}", code_prefix(group)))
                .expect("prefix and digits are a valid code");
            let mut p = Participant::new(rng.uuid(), code, group.clone());
            if *group == Stakeholder::PeerWorker {
                p.role_title = Some(rng.pick(RoleTitle::ALL).clone());
                p.employment = Some(if rng.percent(80) {
                    Employment::Paid
                } else {
                    Employment::Volunteer
                });
            }
            if rng.percent(70) {
                p.setting = Some(rng.pick(Setting::ALL).clone());
            }
            p
        })
        .collect()
}

/// Counts per group: the listed participants plus a few the paper counts but
/// the encoder did not list.
fn sample(rng: &mut Rng, groups: &[Stakeholder], listed: usize) -> Sample {
    let mut sample = Sample::default();
    for (g, group) in groups.iter().enumerate() {
        let in_group = listed / groups.len() + usize::from(g < listed % groups.len());
        let count = (in_group + rng.between(0, 2)) as u32;
        sample.groups.push(GroupCount::new(group.clone(), count));
    }
    sample.total = Some(sample.groups.iter().filter_map(|g| g.count).sum());
    sample
}

/// One interview per participant per round they took part in (everyone in
/// round 1, about half again in round 2), all before publication. Returns the
/// sources and, for each, the index of its participant.
fn sources(
    rng: &mut Rng,
    participants: &[Participant],
    rounds: u32,
    published: NaiveDate,
    design: &StudyDesign,
) -> (Vec<DataSource>, Vec<usize>) {
    // Fieldwork starts one to three years before publication and each round
    // lasts under five months, with two to four months between rounds: every
    // date stays at least four months before publication.
    let start = published - Days::new(rng.between(400, 1100) as u64);
    let mut sources = Vec::with_capacity(participants.len() * rounds as usize);
    let mut speakers = Vec::with_capacity(sources.capacity());
    for (i, p) in participants.iter().enumerate() {
        let first = start + Days::new(rng.below(150) as u64);
        let mut round = |rng: &mut Rng, number: u32, date: NaiveDate| {
            let mut source = DataSource::new(rng.uuid());
            source.method = Some(if rounds > 1 {
                Method::RepeatInterview
            } else {
                Method::SemiStructuredInterview
            });
            source.participants.push(p.id);
            source.round = Some(number);
            source.date = Some(date);
            source.interviewer_lived_experience = Some(design.lived_experience_interviewers);
            sources.push(source);
            speakers.push(i);
        };
        round(rng, 1, first);
        if rounds > 1 && rng.percent(50) {
            let second = first + Days::new(rng.between(60, 120) as u64);
            round(rng, 2, second);
        }
    }
    (sources, speakers)
}

/// Three to five themes, each with one to three sub-themes. Returns all
/// themes and the indices of the sub-themes.
fn themes(rng: &mut Rng) -> (Vec<Theme>, Vec<usize>) {
    let mut themes = Vec::new();
    let mut subthemes = Vec::new();
    for _ in 0..rng.between(3, 5) {
        let id = rng.uuid();
        let mut top = Theme::new(id, title(rng, (1, 3)));
        if rng.percent(60) {
            top.description = Some(prose(rng, (8, 20)));
        }
        let parent = top.id;
        themes.push(top);
        for _ in 0..rng.between(1, 3) {
            let id = rng.uuid();
            let mut sub = Theme::new(id, title(rng, (2, 4)));
            sub.parent = Some(parent);
            subthemes.push(themes.len());
            themes.push(sub);
        }
    }
    (themes, subthemes)
}

/// What findings are built from.
struct FindingContext<'a> {
    excerpts: &'a [Excerpt],
    /// The participant index of each excerpt's speaker.
    speakers: &'a [usize],
    participants: &'a [Participant],
    groups: &'a [Stakeholder],
    themes: &'a [Theme],
    subthemes: &'a [usize],
    total: u32,
}

/// Findings citing excerpts drawn from across the study (every excerpt is
/// cited by exactly one finding), endorsed by the excerpts' speakers.
fn findings(rng: &mut Rng, cx: &FindingContext<'_>) -> Vec<Finding> {
    let count = MIN_FINDINGS.max(cx.excerpts.len().div_ceil(EXCERPTS_PER_FINDING));
    // A random order of the excerpts (Fisher-Yates), cut into one run per finding.
    let mut order: Vec<usize> = (0..cx.excerpts.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    // `cited_by[p] == f + 1` when participant p is already listed on finding f.
    let mut cited_by = vec![0usize; cx.participants.len()];
    (0..count)
        .map(|f| {
            let id = rng.uuid();
            let mut finding = Finding::new(id, prose(rng, (8, 20)));
            let theme = *rng.pick(cx.subthemes);
            finding.themes.push(cx.themes[theme].id);
            if rng.percent(20) {
                if let Some(parent) = cx.themes[theme].parent {
                    finding.themes.push(parent);
                }
            }
            finding.concepts = (0..rng.between(1, 3)).map(|_| concept_link(rng)).collect();
            let range = f * order.len() / count..(f + 1) * order.len() / count;
            let mut in_group = vec![false; cx.groups.len()];
            for &e in &order[range] {
                let p = cx.speakers[e];
                finding.excerpts.push(cx.excerpts[e].id);
                if cited_by[p] != f + 1 {
                    cited_by[p] = f + 1;
                    finding.participants.push(cx.participants[p].id);
                    in_group[p % cx.groups.len()] = true;
                }
            }
            finding.reported_by = cx
                .groups
                .iter()
                .zip(&in_group)
                .filter(|(_, used)| **used)
                .map(|(g, _)| g.clone())
                .collect();
            if rng.percent(25) {
                let endorsed = finding.participants.len() + rng.between(0, 3);
                finding.endorsement_count = Some((endorsed as u32).min(cx.total));
            }
            finding
        })
        .collect()
}

/// A link to a random concept, with the stance its kind is usually reported with.
fn concept_link(rng: &mut Rng) -> ConceptLink {
    match rng.below(10) {
        0..=2 => {
            let f = rng.pick(Facilitator::ALL).clone();
            if rng.percent(10) {
                ConceptLink::absent(f, Stance::Barrier)
            } else {
                ConceptLink::new(f, Stance::Facilitator)
            }
        }
        3..=5 => ConceptLink::new(rng.pick(Barrier::ALL).clone(), Stance::Barrier),
        6 | 7 => {
            let o = rng.pick(Outcome::ALL).clone();
            let stance = match o.mapping().map(|m| m.direction) {
                Some(Direction::Harm) => Stance::Harm,
                Some(Direction::Caveat) => Stance::Caveat,
                _ => Stance::Benefit,
            };
            ConceptLink::new(o, stance)
        }
        8 => ConceptLink::new(rng.pick(PeerValue::ALL).clone(), Stance::ValueHeld),
        _ => ConceptLink::new(rng.pick(WayOfWorking::ALL).clone(), Stance::Practice),
    }
}

/// Up to `max` distinct entries of `all`, at least one.
fn distinct<T: Clone + PartialEq>(rng: &mut Rng, all: &[T], max: usize) -> Vec<T> {
    let mut picked: Vec<T> = Vec::new();
    for _ in 0..rng.between(1, max) {
        let item = rng.pick(all);
        if !picked.contains(item) {
            picked.push(item.clone());
        }
    }
    picked
}
