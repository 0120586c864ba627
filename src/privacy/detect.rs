//! Detectors of personal data in free text.
//!
//! Free text in the research format (interview quotes, notes, comments) must
//! not carry personal identifiers. `scan` looks for five kinds of
//! structured identifier, each with a hand-written scanner (no regex engine):
//!
//! - **email addresses** (`local@domain.tld`);
//! - **UK phone numbers** in national (`07700 900123`, `(020) 7946 0958`) or
//!   international (`+44 7700 900123`, `+44 (0)20 7946 0958`, `0044 ...`) form;
//! - **NHS numbers**: ten digits, plain or grouped 3-3-4, that pass the
//!   NHS modulus 11 check digit;
//! - **UK postcodes** (`SW1A 1AA`, `BN1 9PH`, `m1 1ae`);
//! - **dates of birth**: a date introduced by a cue such as "DOB", "D.O.B.",
//!   "date of birth" or "born (on)". A date without such a cue is *not*
//!   reported, because study texts are full of interview and publication dates.
//!
//! Every scanner works on the UTF-8 bytes of the text. All the patterns are
//! ASCII, and an ASCII byte never occurs inside a multi-byte UTF-8 sequence, so
//! every reported offset is a `char` boundary and the scanners never slice a
//! `str`. Each scanner does a bounded amount of work per byte (no
//! backtracking, no rescans of the whole text), so `scan` runs in time linear
//! in the length of the text, whatever the input, and needs no memory beyond
//! its findings.
//!
//! Prose is mostly letters, so in a text with few digits the scanners do not
//! try every byte: each jumps to the next byte that every match must hold
//! close to its start (an `@`, found with `memchr`; `+`, `0` or `(` for a
//! phone number, with `memchr3`; a digit, with a vectorised search, for the
//! others) and tries only the few offsets just before it. Digit-dense text,
//! where that costs more than it saves, is stepped through byte by byte.
//!
//! Word boundaries are judged on ASCII letters and digits only: an identifier
//! glued to an ASCII word or number (`x07700900123`, `19434765919`) is not
//! reported, while one next to non-ASCII text (`电话07700900123`) is.
//!
//! # Deliberate limits
//!
//! The detectors are a safety net for *structured* identifiers, tuned for few
//! false positives on research prose (counts such as "35 PSWs", years, DOIs,
//! ISSNs, page ranges, ORCID iDs, PubMed ids and publication dates are all
//! left alone). They cannot catch:
//!
//! - **names** of people, places or organisations;
//! - **free-form addresses** ("the flat above the chemist on the high street"),
//!   or street addresses without a postcode;
//! - identifiers written in words ("oh seven seven double-oh ..."), obfuscated
//!   ("jo at example dot org") or split by unusual spacing;
//! - non-UK phone numbers, other national health identifiers, and dates of
//!   birth not introduced by a cue ("she turned 30 on 12 March");
//! - email addresses with non-ASCII characters (`josé@example.org`,
//!   internationalised domain names);
//! - indirect identification by a combination of details (a rare diagnosis,
//!   a job title and a small town).
//!
//! A clean scan therefore does not mean a text is anonymous; it means none of
//! the above patterns occurs in it.

/// A kind of personal data a detector found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum PersonalData {
    /// An email address: `local@domain.tld`, with a local part of
    /// `[A-Za-z0-9._%+-]`, a domain with at least two labels and an
    /// alphabetic top-level domain of two or more letters.
    Email,
    /// A UK phone number: `0` (or `+44` / `0044`) and ten further digits, the
    /// first of them 1, 2, 3, 7 or 8, optionally grouped by single spaces or
    /// hyphens, with an optional bracketed area code or `(0)`.
    UkPhone,
    /// An NHS number: ten digits, plain or grouped 3-3-4 by single spaces or
    /// hyphens, passing the modulus 11 check digit.
    NhsNumber,
    /// A UK postcode, such as `SW1A 1AA`.
    UkPostcode,
    /// A date introduced by a date-of-birth cue ("DOB", "date of birth",
    /// "born", ...). The finding covers the date only, not the cue.
    DateOfBirth,
}

impl PersonalData {
    /// A short human-readable description with its article, for messages such
    /// as "free text contains an email address".
    pub(crate) fn description(self) -> &'static str {
        match self {
            PersonalData::Email => "an email address",
            PersonalData::UkPhone => "a UK phone number",
            PersonalData::NhsNumber => "an NHS number",
            PersonalData::UkPostcode => "a UK postcode",
            PersonalData::DateOfBirth => "a date of birth",
        }
    }

    /// A stable order between kinds, to sort findings that share a range.
    fn rank(self) -> u8 {
        match self {
            PersonalData::Email => 0,
            PersonalData::UkPhone => 1,
            PersonalData::NhsNumber => 2,
            PersonalData::UkPostcode => 3,
            PersonalData::DateOfBirth => 4,
        }
    }
}

/// A match: what kind of personal data, and where it is in the text.
///
/// `start..end` is a byte range of the scanned text; both ends are always
/// `char` boundaries, so `&text[finding.start..finding.end]` never panics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Finding {
    /// What kind of personal data was found.
    pub(crate) kind: PersonalData,
    /// Byte offset of the first byte of the match.
    pub(crate) start: usize,
    /// Byte offset just past the last byte of the match (exclusive).
    pub(crate) end: usize,
}

/// All findings in `text`, in order of start offset.
///
/// Findings that share a start are ordered by end, then by kind. Different
/// kinds may overlap: when the same digits satisfy two rules (for example
/// `+44 7434765917`, whose last ten digits also pass the NHS check), *both*
/// findings are reported, since the text has to be fixed either way and
/// guessing which was meant would hide one of them. Findings of one kind
/// never overlap each other.
pub(crate) fn scan(text: &str) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let digits = count_digits(bytes);
    // Jumping from digit to digit pays in prose; in digit-dense text such as
    // a table, stepping byte by byte costs less than asking for each digit.
    detect(bytes, digits, digits * 8 < bytes.len())
}

/// The findings of every detector that can match a text with `digits` ASCII
/// digits, jumping between anchors or not (the findings are the same).
fn detect(bytes: &[u8], digits: usize, jump: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    // The digit count decides which detectors can possibly match, so a quote
    // like "I was 19 when..." is not put through all five scanners: phone
    // and NHS numbers need ten digits, a postcode two, a date one, and an
    // email address an '@'.
    if memchr::memchr(b'@', bytes).is_some() {
        find_emails(bytes, &mut findings);
    }
    if digits >= 10 {
        find_phones(bytes, jump, &mut findings);
        find_nhs_numbers(bytes, jump, &mut findings);
    }
    if digits >= 2 {
        find_postcodes(bytes, jump, &mut findings);
    }
    if digits >= 1 {
        find_dates_of_birth(bytes, jump, &mut findings);
    }
    findings.sort_by_key(|f| (f.start, f.end, f.kind.rank()));
    findings
}

/// The number of ASCII digits in `b`. Counting into a byte per block of at
/// most 255 lets the compiler add 16 or 32 bytes at a time; a plain
/// `filter().count()` adds into a `usize` and vectorises far less well.
fn count_digits(b: &[u8]) -> usize {
    b.chunks(255)
        .map(|block| {
            let n = block
                .iter()
                .fold(0u8, |n, &c| n + u8::from(c.wrapping_sub(b'0') < 10));
            usize::from(n)
        })
        .sum()
}

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/// Records the findings of one kind, left to right. `at(from, i)` is the
/// match anchored at byte `i`, if any, as a range that starts at or after
/// `from` (the end of the previous finding) and ends after `i`. The search
/// resumes where a match ends, which keeps the findings of one kind from
/// overlapping.
///
/// With `anchors = Some((next, reach))`, every match of the kind holds an
/// anchor byte (an `@`, a digit, ...) at most `reach` bytes after the offset
/// it is anchored at, and `next(b, p)` is the first anchor at or after `p`:
/// the driver then jumps over stretches where no match can be anchored
/// instead of trying every byte.
fn find_all(
    b: &[u8],
    kind: PersonalData,
    out: &mut Vec<Finding>,
    anchors: Option<(impl Fn(&[u8], usize) -> Option<usize>, usize)>,
    at: impl Fn(usize, usize) -> Option<(usize, usize)>,
) {
    let mut from = 0;
    let mut i = 0;
    // The first anchor at or after an offset at or before `i`; while it is
    // not behind `i`, it is also the first anchor at or after `i`.
    let mut anchor = None;
    while i < b.len() {
        if let Some((next, reach)) = &anchors {
            let a = match anchor {
                Some(a) if a >= i => a,
                _ => match next(b, i) {
                    Some(a) => a,
                    None => return,
                },
            };
            anchor = Some(a);
            i = i.max(a.saturating_sub(*reach));
        }
        match at(from, i) {
            Some((start, end)) => {
                out.push(Finding { kind, start, end });
                from = end;
                i = end;
            }
            None => i += 1,
        }
    }
}

/// The first byte at or after `p` that `is_anchor` accepts. The next few
/// bytes are tested one by one, since in digit-dense text the anchor is
/// usually right there; beyond them `search` (a vectorised search) takes over.
fn next_anchor(
    b: &[u8],
    p: usize,
    is_anchor: impl Fn(u8) -> bool,
    search: impl Fn(&[u8]) -> Option<usize>,
) -> Option<usize> {
    const NEAR: usize = 16;
    let near = (p + NEAR).min(b.len());
    if let Some(k) = b[p..near].iter().position(|&c| is_anchor(c)) {
        return Some(p + k);
    }
    search(&b[near..]).map(|k| near + k)
}

fn next_at(b: &[u8], p: usize) -> Option<usize> {
    next_anchor(b, p, |c| c == b'@', |s| memchr::memchr(b'@', s))
}

fn next_phone_start(b: &[u8], p: usize) -> Option<usize> {
    next_anchor(
        b,
        p,
        |c| matches!(c, b'+' | b'0' | b'('),
        |s| memchr::memchr3(b'+', b'0', b'(', s),
    )
}

fn next_digit(b: &[u8], p: usize) -> Option<usize> {
    next_anchor(b, p, |c| c.is_ascii_digit(), find_digit)
}

/// The first ASCII digit in `s`. Blocks are tested whole, without an early
/// exit inside a block, which the compiler vectorises; only the block that
/// holds a digit is searched byte by byte.
fn find_digit(s: &[u8]) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut q = 0;
    for block in s.chunks(BLOCK) {
        let any = block
            .iter()
            .fold(0u8, |acc, &c| acc | u8::from(c.wrapping_sub(b'0') < 10));
        if any != 0 {
            return block.iter().position(u8::is_ascii_digit).map(|k| q + k);
        }
        q += block.len();
    }
    None
}

/// The first offset at or after `p` where a date-of-birth cue may start: a
/// word that starts with `b` or `d` (any case), with a digit at most
/// [`DOB_REACH`] bytes further on, since every date holds one.
fn next_cue_start(b: &[u8], mut p: usize) -> Option<usize> {
    loop {
        let digit = next_digit(b, p)?;
        let window = p.max(digit.saturating_sub(DOB_REACH))..digit;
        let cue = window
            .into_iter()
            .find(|&q| matches!(b[q] | 0x20, b'b' | b'd') && word_starts_at(b, q));
        if cue.is_some() {
            return cue;
        }
        p = digit + 1;
    }
}

/// Whether `c` is part of a word for boundary purposes (ASCII letter or
/// digit). Non-ASCII bytes count as boundaries, so an identifier right next
/// to, say, CJK text is still found.
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// Whether the byte at `i` starts a word: nothing word-like just before it.
fn word_starts_at(b: &[u8], i: usize) -> bool {
    i == 0 || !is_word(b[i - 1])
}

/// Whether a number starting at `i` stands on its own: not glued to a word
/// or a longer number, nor the tail of a punctuated number such as
/// `1.9434765919`, `12-07700900123` or `10.1111/9434765919`.
fn number_starts_cleanly(b: &[u8], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let prev = b[i - 1];
    if is_word(prev) {
        return false;
    }
    !(matches!(prev, b'-' | b'.' | b'/') && i >= 2 && b[i - 2].is_ascii_digit())
}

/// Whether a number ending just before `end` stands on its own: not followed
/// by a word character, nor by `-`, `.` or `/` and another digit.
fn number_ends_cleanly(b: &[u8], end: usize) -> bool {
    match b.get(end) {
        None => true,
        Some(&c) if is_word(c) => false,
        Some(b'-' | b'.' | b'/') => !b.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(_) => true,
    }
}

/// Whether `b[p..]` starts with `lit`, ignoring ASCII case.
fn starts_with_ci(b: &[u8], p: usize, lit: &[u8]) -> bool {
    b.get(p..p + lit.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(lit))
}

/// Whether `c` (in either case) is one of the uppercase letters in `set`.
fn one_of(c: u8, set: &[u8]) -> bool {
    set.contains(&c.to_ascii_uppercase())
}

/// Length of the run of ASCII digits at `p`, counting at most `max + 1`
/// digits (so a caller can tell "more than `max`" without scanning on).
fn digit_run(b: &[u8], p: usize, max: usize) -> usize {
    let mut n = 0;
    while n <= max && b.get(p + n).is_some_and(u8::is_ascii_digit) {
        n += 1;
    }
    n
}

/// The value of the ASCII digits `b[p..p + len]`; `len` is at most 4.
fn digits_value(b: &[u8], p: usize, len: usize) -> u32 {
    b[p..p + len]
        .iter()
        .fold(0, |acc, &c| acc * 10 + u32::from(c - b'0'))
}

// ---------------------------------------------------------------------------
// Email addresses
// ---------------------------------------------------------------------------

fn is_local_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_domain_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')
}

/// Emails, anchored on each `@`. Neither the local part nor the domain can
/// contain `@`, so the left and right extensions of consecutive `@`s never
/// cross each other and each byte is visited at most twice.
///
/// The domain of one address can still run into the local part of the next
/// (`jo@example.orgjo@example.org`: `orgjo` is a valid top-level domain), so
/// a local part never extends left past `from`, the end of the previous
/// finding.
fn find_emails(b: &[u8], out: &mut Vec<Finding>) {
    find_all(
        b,
        PersonalData::Email,
        out,
        Some((next_at, 0)),
        |from, at| email_at(b, from, at),
    );
}

/// The email address whose `@` is at `at`, starting at or after `from`.
fn email_at(b: &[u8], from: usize, at: usize) -> Option<(usize, usize)> {
    if b[at] != b'@' {
        return None;
    }
    let mut start = at;
    // Extend left over the local part, stopping before a "..".
    while start > from && is_local_char(b[start - 1]) && !(b[start - 1] == b'.' && b[start] == b'.')
    {
        start -= 1;
    }
    // A local part cannot start with a dot ("see...jo@x.org").
    while start < at && b[start] == b'.' {
        start += 1;
    }
    if start == at {
        return None;
    }
    let mut end = at + 1;
    while end < b.len() && is_domain_char(b[end]) {
        end += 1;
    }
    let len = valid_domain_len(&b[at + 1..end])?;
    Some((start, at + 1 + len))
}

/// The length of the valid domain at the start of `d` (a run of domain
/// characters), after dropping trailing sentence punctuation, or `None`.
fn valid_domain_len(d: &[u8]) -> Option<usize> {
    let mut len = d.windows(2).position(|w| w == b"..").unwrap_or(d.len());
    while len > 0 && matches!(d[len - 1], b'.' | b'-') {
        len -= 1;
    }
    let mut labels = 0;
    let mut tld: &[u8] = &[];
    for label in d[..len].split(|&c| c == b'.') {
        if label.is_empty() || label[0] == b'-' || label[label.len() - 1] == b'-' {
            return None;
        }
        labels += 1;
        tld = label;
    }
    (labels >= 2 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(len)
}

// ---------------------------------------------------------------------------
// UK phone numbers
// ---------------------------------------------------------------------------

/// At most this many separators between the ten digits after the trunk `0`
/// (real numbers have two or three groups; this keeps out digit-by-digit
/// tables such as "0 1 1 0 0 1 0 1 1 0 1").
const MAX_PHONE_SEPARATORS: usize = 3;

fn find_phones(b: &[u8], jump: bool, out: &mut Vec<Finding>) {
    find_all(
        b,
        PersonalData::UkPhone,
        out,
        jump.then_some((next_phone_start, 0)),
        |_, i| Some((i, phone_at(b, i)?)),
    );
}

/// The end of a UK phone number starting exactly at `start`, if any. Reads at
/// most a few dozen bytes.
fn phone_at(b: &[u8], start: usize) -> Option<usize> {
    if !matches!(b[start], b'+' | b'0' | b'(') || !number_starts_cleanly(b, start) {
        return None;
    }
    let is_sep = |c: Option<&u8>| matches!(c, Some(b' ' | b'-'));
    let mut p = start;
    let mut open_paren = false;
    let intl = if starts_with_ci(b, p, b"+44") {
        p += 3;
        true
    } else if starts_with_ci(b, p, b"0044") {
        p += 4;
        true
    } else {
        false
    };
    if intl {
        if is_sep(b.get(p)) {
            p += 1;
        }
        if starts_with_ci(b, p, b"(0)") {
            p += 3;
            if is_sep(b.get(p)) {
                p += 1;
            }
        } else if b.get(p) == Some(&b'0') {
            // "+44 07700 900123": a redundant trunk 0, common in practice.
            p += 1;
        }
    } else {
        if b[p] == b'(' {
            open_paren = true;
            p += 1;
        }
        if b.get(p) != Some(&b'0') {
            return None;
        }
        p += 1;
        if open_paren && b.get(p) == Some(&b')') {
            // "(0)20 7946 0958"
            open_paren = false;
            p += 1;
        }
    }
    // The ten digits after the trunk 0; national numbers are 01, 02, 03,
    // 07 or 08 (never 00, 04, 05, 06 or 09).
    if !matches!(b.get(p), Some(b'1' | b'2' | b'3' | b'7' | b'8')) {
        return None;
    }
    let mut digits = 0;
    let mut separators = 0;
    loop {
        if !b.get(p).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        digits += 1;
        p += 1;
        if digits == 10 {
            break;
        }
        match b.get(p) {
            Some(b')') if open_paren => {
                open_paren = false;
                p += 1;
                if is_sep(b.get(p)) {
                    p += 1;
                }
                separators += 1;
            }
            Some(b' ' | b'-') => {
                p += 1;
                separators += 1;
            }
            _ => {}
        }
        if separators > MAX_PHONE_SEPARATORS {
            return None;
        }
    }
    (!open_paren && number_ends_cleanly(b, p)).then_some(p)
}

// ---------------------------------------------------------------------------
// NHS numbers
// ---------------------------------------------------------------------------

fn find_nhs_numbers(b: &[u8], jump: bool, out: &mut Vec<Finding>) {
    find_all(
        b,
        PersonalData::NhsNumber,
        out,
        jump.then_some((next_digit, 0)),
        |_, i| Some((i, nhs_number_at(b, i)?)),
    );
}

/// The end of an NHS number starting exactly at `start`, if any.
fn nhs_number_at(b: &[u8], start: usize) -> Option<usize> {
    if !b[start].is_ascii_digit() || !number_starts_cleanly(b, start) {
        return None;
    }
    // Grouped 3-3-4 with one separator kind, or ten digits in a row.
    let sep = match b.get(start + 3) {
        Some(&c @ (b' ' | b'-')) => Some(c),
        _ => None,
    };
    let layout: &[usize] = if sep.is_some() { &[3, 3, 4] } else { &[10] };
    let mut digits = [0u8; 10];
    let mut n = 0;
    let mut p = start;
    for (group, &len) in layout.iter().enumerate() {
        if group > 0 {
            if b.get(p).copied() != sep {
                return None;
            }
            p += 1;
        }
        for _ in 0..len {
            let c = *b.get(p)?;
            if !c.is_ascii_digit() {
                return None;
            }
            digits[n] = c - b'0';
            n += 1;
            p += 1;
        }
    }
    let ok = number_ends_cleanly(b, p)
        && nhs_check_digit_ok(&digits)
        // Placeholders such as 0000000000 or 1111111111 pass the check.
        && digits.iter().any(|&d| d != digits[0])
        // Every all-digit ISBN-10 also passes the same modulus 11 check.
        && !isbn_cue_before(b, start);
    ok.then_some(p)
}

/// The NHS modulus 11 check: weights 10 down to 2 on the first nine digits;
/// `check = 11 - sum % 11`, where 11 means 0 and 10 means invalid.
fn nhs_check_digit_ok(d: &[u8; 10]) -> bool {
    let sum: u32 = d[..9]
        .iter()
        .zip((2..=10u32).rev())
        .map(|(&digit, weight)| u32::from(digit) * weight)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    u32::from(d[9]) == check
}

/// Whether "ISBN" (any case) occurs in the few bytes before `start`.
fn isbn_cue_before(b: &[u8], start: usize) -> bool {
    b[start.saturating_sub(16)..start]
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"isbn"))
}

// ---------------------------------------------------------------------------
// UK postcodes
// ---------------------------------------------------------------------------

fn find_postcodes(b: &[u8], jump: bool, out: &mut Vec<Finding>) {
    find_all(
        b,
        PersonalData::UkPostcode,
        out,
        // An outward code has its first digit second or third.
        jump.then_some((next_digit, 2)),
        |_, i| Some((i, postcode_at(b, i)?)),
    );
}

/// The end of the alphanumeric token starting at `p`.
fn token_end(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && is_word(b[p]) {
        p += 1;
    }
    p
}

/// The end of a postcode starting at `start`, if any.
///
/// Accepted: outward code, one space, inward code, with letters all upper
/// case or all lower case; or, in upper case only, the two codes written
/// together as one 5-7 character token ("SW1A1AA").
fn postcode_at(b: &[u8], start: usize) -> Option<usize> {
    if !b[start].is_ascii_alphabetic() || !word_starts_at(b, start) {
        return None;
    }
    let first_end = token_end(b, start);
    let first = &b[start..first_end];
    if (2..=4).contains(&first.len()) && b.get(first_end) == Some(&b' ') {
        let second_end = token_end(b, first_end + 1);
        let second = &b[first_end + 1..second_end];
        if valid_outward(first)
            && valid_inward(second)
            && single_case(first, second)
            && !lowercase_ordinal(second)
        {
            return Some(second_end);
        }
    }
    if (5..=7).contains(&first.len()) && !first.iter().any(u8::is_ascii_lowercase) {
        let (outward, inward) = first.split_at(first.len() - 3);
        if valid_outward(outward) && valid_inward(inward) {
            return Some(first_end);
        }
    }
    None
}

/// Outward code: A9, A99, A9A, AA9, AA99, AA9A, with the Royal Mail letter
/// restrictions (first letter not Q, V or X; second letter not I, J or Z;
/// limited letters in the third and fourth positions).
fn valid_outward(o: &[u8]) -> bool {
    let letter = |c: u8| c.is_ascii_alphabetic();
    let digit = |c: u8| c.is_ascii_digit();
    let shape = match *o {
        [a, d] => letter(a) && digit(d),
        [a, x, y] => {
            letter(a)
                && ((digit(x) && (digit(y) || one_of(y, b"ABCDEFGHJKPSTUW")))
                    || (letter(x) && digit(y)))
        }
        [a, b2, d, y] => {
            letter(a) && letter(b2) && digit(d) && (digit(y) || one_of(y, b"ABEHMNPRVWXY"))
        }
        _ => false,
    };
    shape && !one_of(o[0], b"QVX") && !(letter(o[1]) && one_of(o[1], b"IJZ"))
}

/// Inward code: 9AA, never using C, I, K, M, O or V.
fn valid_inward(i: &[u8]) -> bool {
    match *i {
        [d, x, y] => {
            d.is_ascii_digit()
                && [x, y]
                    .iter()
                    .all(|&c| c.is_ascii_alphabetic() && !one_of(c, b"CIKMOV"))
        }
        _ => false,
    }
}

/// Whether the letters of both codes are all upper case or all lower case.
fn single_case(outward: &[u8], inward: &[u8]) -> bool {
    let mut letters = outward
        .iter()
        .chain(inward)
        .filter(|c| c.is_ascii_alphabetic());
    letters.clone().all(u8::is_ascii_uppercase) || letters.all(u8::is_ascii_lowercase)
}

/// A lower-case inward code that reads as an ordinal ("1st", "2nd", "3rd",
/// "4th"), as in "mp3 3rd": prose, not a postcode.
fn lowercase_ordinal(inward: &[u8]) -> bool {
    matches!(
        inward,
        [_, b's', b't'] | [_, b'n', b'd'] | [_, b'r', b'd'] | [_, b't', b'h']
    )
}

// ---------------------------------------------------------------------------
// Dates of birth
// ---------------------------------------------------------------------------

/// How many words may stand between a cue and its date ("born on the").
const MAX_WORDS_BEFORE_DATE: usize = 3;
/// How far after a cue the date must start, in bytes.
const DATE_WINDOW: usize = 64;
/// The first digit of a date lies at most this far after its cue's start:
/// the longest cue ("date of birth", 13 bytes), then a date that starts
/// inside the window, with a month name of up to 9 letters, a dot and two
/// spaces before the day. `date_of_birth_at_the_end_of_its_window` fails if
/// this is one too small.
const DOB_REACH: usize = 13 + (DATE_WINDOW - 1) + 12;

fn find_dates_of_birth(b: &[u8], jump: bool, out: &mut Vec<Finding>) {
    // "date of birth (DOB): ..." names one date through two cues; the search
    // resumes after the date, so the second cue does not report it again.
    find_all(
        b,
        PersonalData::DateOfBirth,
        out,
        jump.then_some((next_cue_start, 0)),
        |_, i| date_of_birth_at(b, i),
    );
}

/// The date after a date-of-birth cue that starts at `i`, if any.
fn date_of_birth_at(b: &[u8], i: usize) -> Option<(usize, usize)> {
    if !matches!(b[i], b'b' | b'B' | b'd' | b'D') || !word_starts_at(b, i) {
        return None;
    }
    date_after_cue(b, dob_cue_at(b, i)?)
}

/// The end of a date-of-birth cue starting at the word start `p`, if any:
/// "DOB", "D.O.B(.)", "date of birth", "birth date", "birthdate" or "born",
/// in any case, as whole words.
fn dob_cue_at(b: &[u8], p: usize) -> Option<usize> {
    const PHRASES: &[&[&[u8]]] = &[
        &[b"dob"],
        &[b"born"],
        &[b"birthdate"],
        &[b"date", b"of", b"birth"],
        &[b"birth", b"date"],
    ];
    if starts_with_ci(b, p, b"d.o.b") {
        let mut end = p + 5;
        if b.get(end) == Some(&b'.') {
            end += 1;
        }
        return (!b.get(end).copied().is_some_and(is_word)).then_some(end);
    }
    PHRASES.iter().find_map(|words| phrase_at(b, p, words))
}

/// The end of `words` (case-insensitive, joined by one space, tab, newline,
/// hyphen or underscore) at `p`, followed by a word boundary.
fn phrase_at(b: &[u8], p: usize, words: &[&[u8]]) -> Option<usize> {
    let mut q = p;
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            if !matches!(b.get(q), Some(b' ' | b'\t' | b'\n' | b'-' | b'_')) {
                return None;
            }
            q += 1;
        }
        if !starts_with_ci(b, q, word) {
            return None;
        }
        q += word.len();
    }
    (!b.get(q).copied().is_some_and(is_word)).then_some(q)
}

/// The byte length of filler between a cue and its date at `p` (space,
/// punctuation, a no-break space or an en/em dash), or 0.
fn filler_len(b: &[u8], p: usize) -> usize {
    match b.get(p) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | b':' | b',' | b'-' | b'(' | b')' | b'=' | b'"') => 1,
        Some(0xC2) if b.get(p + 1) == Some(&0xA0) => 2,
        Some(0xE2) if b.get(p + 1) == Some(&0x80) && matches!(b.get(p + 2), Some(0x93 | 0x94)) => 3,
        _ => 0,
    }
}

/// The date that follows a cue ending at `p`, skipping filler and at most
/// [`MAX_WORDS_BEFORE_DATE`] short words, within [`DATE_WINDOW`] bytes.
fn date_after_cue(b: &[u8], mut p: usize) -> Option<(usize, usize)> {
    let limit = (p + DATE_WINDOW).min(b.len());
    let mut words = 0;
    loop {
        loop {
            let n = filler_len(b, p);
            if n == 0 || p >= limit {
                break;
            }
            p += n;
        }
        if p >= limit {
            return None;
        }
        if let Some(end) = date_at(b, p) {
            return Some((p, end));
        }
        if words == MAX_WORDS_BEFORE_DATE {
            return None;
        }
        let word_start = p;
        while p < limit && b[p].is_ascii_alphabetic() {
            p += 1;
        }
        if p == word_start || b.get(p).copied().is_some_and(is_word) {
            return None;
        }
        words += 1;
    }
}

/// The end of a date starting at `p`, if any: `12/03/1985`, `12-03-1985`,
/// `12.03.85`, `1985-03-12`, `12 March 1985`, `12th of March 1985`,
/// `March 12, 1985` and similar.
fn date_at(b: &[u8], p: usize) -> Option<usize> {
    let end = if b.get(p)?.is_ascii_digit() {
        let n = digit_run(b, p, 4);
        match n {
            4 => iso_date(b, p),
            1 | 2 => numeric_date(b, p, n).or_else(|| day_month_year(b, p, n)),
            _ => None,
        }
    } else {
        month_day_year(b, p)
    }?;
    number_ends_cleanly(b, end).then_some(end)
}

/// `1985-03-12`, `1985/3/12`, `1985.03.12`.
fn iso_date(b: &[u8], p: usize) -> Option<usize> {
    let sep = *b.get(p + 4)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let m = p + 5;
    let m_len = digit_run(b, m, 2);
    if !(1..=2).contains(&m_len) || b.get(m + m_len) != Some(&sep) {
        return None;
    }
    let d = m + m_len + 1;
    let d_len = digit_run(b, d, 2);
    if !(1..=2).contains(&d_len) {
        return None;
    }
    let ok = valid_month(digits_value(b, m, m_len)) && valid_day(digits_value(b, d, d_len));
    ok.then_some(d + d_len)
}

/// `12/03/1985`, `12-03-1985`, `12.03.85`, `3/12/1985` (day-first or
/// month-first; one of the two must be a valid month).
fn numeric_date(b: &[u8], p: usize, first_len: usize) -> Option<usize> {
    let sep = *b.get(p + first_len)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let s = p + first_len + 1;
    let s_len = digit_run(b, s, 2);
    if !(1..=2).contains(&s_len) || b.get(s + s_len) != Some(&sep) {
        return None;
    }
    let y = s + s_len + 1;
    let y_len = digit_run(b, y, 4);
    if y_len != 2 && y_len != 4 {
        return None;
    }
    let first = digits_value(b, p, first_len);
    let second = digits_value(b, s, s_len);
    let ok = valid_day(first) && valid_day(second) && (valid_month(first) || valid_month(second));
    ok.then_some(y + y_len)
}

/// `12 March 1985`, `12th March 1985`, `12th of March, 1985`, `3 Mar. 85`.
fn day_month_year(b: &[u8], p: usize, day_len: usize) -> Option<usize> {
    if !valid_day(digits_value(b, p, day_len)) {
        return None;
    }
    let mut q = skip_ordinal(b, p + day_len);
    q = skip_spaces(b, q, 1)?;
    if starts_with_ci(b, q, b"of ") {
        q = skip_spaces(b, q + 2, 1)?;
    }
    q = month_at(b, q)?;
    if b.get(q) == Some(&b'.') {
        q += 1;
    }
    let comma = b.get(q) == Some(&b',');
    if comma {
        q += 1;
    }
    q = skip_spaces(b, q, usize::from(!comma))?;
    let y_len = digit_run(b, q, 4);
    (y_len == 2 || y_len == 4).then_some(q + y_len)
}

/// `March 12, 1985`, `Mar 12th 1985`, `March 12,1985`.
fn month_day_year(b: &[u8], p: usize) -> Option<usize> {
    let mut q = month_at(b, p)?;
    if b.get(q) == Some(&b'.') {
        q += 1;
    }
    q = skip_spaces(b, q, 1)?;
    let day_len = digit_run(b, q, 2);
    if !(1..=2).contains(&day_len) || !valid_day(digits_value(b, q, day_len)) {
        return None;
    }
    q = skip_ordinal(b, q + day_len);
    let comma = b.get(q) == Some(&b',');
    if comma {
        q += 1;
    }
    q = skip_spaces(b, q, usize::from(!comma))?;
    (digit_run(b, q, 4) == 4).then_some(q + 4)
}

fn valid_day(d: u32) -> bool {
    (1..=31).contains(&d)
}

fn valid_month(m: u32) -> bool {
    (1..=12).contains(&m)
}

/// Skips an ordinal suffix ("st", "nd", "rd", "th") at `p` if one is there
/// as the end of the word.
fn skip_ordinal(b: &[u8], p: usize) -> usize {
    let suffix = [b"st", b"nd", b"rd", b"th"]
        .iter()
        .any(|s| starts_with_ci(b, p, *s));
    if suffix && !b.get(p + 2).copied().is_some_and(is_word) {
        p + 2
    } else {
        p
    }
}

/// Skips one or two spaces at `p`, requiring at least `min` of them.
fn skip_spaces(b: &[u8], p: usize, min: usize) -> Option<usize> {
    let mut n = 0;
    while n < 2 && b.get(p + n) == Some(&b' ') {
        n += 1;
    }
    (n >= min).then_some(p + n)
}

/// The end of an English month name or abbreviation at `p` ("March", "mar",
/// "Sept"), as a whole word.
fn month_at(b: &[u8], p: usize) -> Option<usize> {
    const MONTHS: [&[u8]; 12] = [
        b"january",
        b"february",
        b"march",
        b"april",
        b"may",
        b"june",
        b"july",
        b"august",
        b"september",
        b"october",
        b"november",
        b"december",
    ];
    let mut len = 0;
    while len < 10 && b.get(p + len).is_some_and(u8::is_ascii_alphabetic) {
        len += 1;
    }
    if len < 3 || len == 10 {
        return None;
    }
    let word = &b[p..p + len];
    let known = MONTHS
        .iter()
        .any(|m| word.eq_ignore_ascii_case(m) || word.eq_ignore_ascii_case(&m[..3]))
        || word.eq_ignore_ascii_case(b"sept");
    known.then_some(p + len)
}

#[cfg(test)]
mod tests {
    use super::PersonalData::{DateOfBirth, Email, NhsNumber, UkPhone, UkPostcode};
    use super::*;

    /// The findings of `text` as (kind, matched text) pairs.
    fn found(text: &str) -> Vec<(PersonalData, &str)> {
        scan(text)
            .into_iter()
            .map(|f| (f.kind, &text[f.start..f.end]))
            .collect()
    }

    /// The matched texts of the findings of one kind.
    fn found_kind(text: &str, kind: PersonalData) -> Vec<&str> {
        found(text)
            .into_iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, s)| s)
            .collect()
    }

    fn assert_only(text: &str, kind: PersonalData, expected: &str) {
        assert_eq!(found(text), vec![(kind, expected)], "in {text:?}");
    }

    fn assert_clean(text: &str) {
        assert_eq!(found(text), vec![], "in {text:?}");
    }

    // --- email ------------------------------------------------------------

    #[test]
    fn email_positive() {
        assert_only("write to jo@example.org", Email, "jo@example.org");
        assert_only(
            "Contact: jo.bloggs+peer_2@mail.example.co.uk.",
            Email,
            "jo.bloggs+peer_2@mail.example.co.uk",
        );
        assert_only(
            "(a%b-c@my-host.example.com)",
            Email,
            "a%b-c@my-host.example.com",
        );
        assert_only("mailto:JO@EXAMPLE.ORG", Email, "JO@EXAMPLE.ORG");
        assert_only("see...jo@example.org", Email, "jo@example.org");
        assert_only("jo@example.org-", Email, "jo@example.org");
        assert_only("jo@example.org...", Email, "jo@example.org");
        // An email glued to the word before it (as in scraped author lists)
        // is still an email.
        assert_only(
            "Role: Counselling Psychologistjo.bloggs@example.nhs.uk",
            Email,
            "Psychologistjo.bloggs@example.nhs.uk",
        );
        assert_eq!(
            found_kind("a@example.org,b@example.net", Email),
            vec!["a@example.org", "b@example.net"]
        );
    }

    #[test]
    fn emails_run_together_do_not_overlap() {
        // "orgjo" is a valid top-level domain, so the first address takes it;
        // the second `@` then has no local part left of its own.
        assert_eq!(
            scan("jo@example.orgjo@example.org"),
            vec![Finding {
                kind: Email,
                start: 0,
                end: 16
            }]
        );
        // Here the first domain stops at the `+`, and the second local part
        // starts where the first address ends.
        assert_eq!(
            found("jo@example.org+jo@example.org"),
            vec![(Email, "jo@example.org"), (Email, "+jo@example.org")]
        );
    }

    #[test]
    fn email_negative() {
        for text in [
            "@handle on social media",
            "user@localhost",
            "a@b.c",
            "x@.com",
            "x@-a.com",
            "x@a-.com",
            "name@domain.123",
            "jo@ 123456example.org",
            "jo @example.org",
            "jo@example..org",
            ".@example.org",
            "a@@b.com",
            "10.1111/hex.13151",
            "peers @ the café",
            "@@@",
            "",
        ] {
            assert_clean(text);
        }
    }

    // --- phone ------------------------------------------------------------

    #[test]
    fn phone_positive() {
        for number in [
            "07700 900123",
            "07700900123",
            "07700-900-123",
            "020 7946 0958",
            "(020) 7946 0958",
            "(020)7946 0958",
            "(0)20 7946 0958",
            "020-7946-0958",
            "0113 496 0000",
            "01632 960001",
            "0300 123 4567",
            "0800 123 4567",
            "+44 7700 900123",
            "+447700900123",
            "+44 (0)20 7946 0958",
            "+44(0)20 7946 0958",
            "+44-20-7946-0958",
            "+44 07700 900123",
            "0044 20 7946 0958",
            "0044 7700 900123",
        ] {
            for text in [
                number.to_string(),
                format!("call {number} today"),
                format!("tel:{number}."),
                format!("({number})"),
            ] {
                assert_only(&text, UkPhone, number);
            }
        }
    }

    #[test]
    fn phone_unclosed_bracket_reports_the_number() {
        // The bracket is not part of the match, but the number still is one.
        assert_only("(020 7946 0958", UkPhone, "020 7946 0958");
    }

    #[test]
    fn phone_negative() {
        for text in [
            "07700 90012",    // 10 digits
            "07700 9001234",  // 12 digits
            "907700900123",   // embedded in a digit run
            "x07700900123",   // glued to a word
            "07700900123x",   // glued to a word
            "12-07700900123", // tail of a hyphenated number
            "07700 900123.5", // a decimal
            "07700 900123-4", // hyphenated continuation
            "00 7700 900123", // national numbers never start 00
            "04700 900123",   // nor 04, 05, 06, 09
            "06700 900123",
            "09700 900123",
            "0 7700 900123",         // separator after the trunk 0
            "07700  900123",         // double space
            "0 1 1 0 0 1 0 1 1 0 1", // digit-by-digit table
            "01 1 0 0 1 0 1 1 0 1",  // too many separators
            "07 7 0 0 9 0 0 1 2 3",
            "0-1-1-0-0-1-0-1-1-0-1",
            "+45 7700 900123", // not +44
            "+44 9700 900123",
            "+44 7700 90012",
            "+4407700 9001234",
            "https://orcid.org/0000-0002-6154-3055",
            "https://orcid.org/0000-0001-7094-4304",
        ] {
            assert_eq!(found_kind(text, UkPhone), Vec::<&str>::new(), "in {text:?}");
        }
    }

    // --- NHS number -------------------------------------------------------

    #[test]
    fn nhs_check_digit() {
        let digits = |s: &str| -> [u8; 10] {
            let mut d = [0; 10];
            for (slot, c) in d.iter_mut().zip(s.bytes()) {
                *slot = c - b'0';
            }
            d
        };
        assert!(nhs_check_digit_ok(&digits("9434765919")));
        assert!(!nhs_check_digit_ok(&digits("9434765918")));
        assert!(nhs_check_digit_ok(&digits("4010232137")));
        // A 1 at weight 3: sum 3, check 11 - 3 = 8.
        assert!(nhs_check_digit_ok(&digits("0000000108")));
        assert!(!nhs_check_digit_ok(&digits("0000000109")));
        // 1s at weights 10 and 2: sum 12, remainder 1, check 10: invalid
        // whatever the last digit.
        for last in 0..10u8 {
            let mut d = digits("1000000010");
            d[9] = last;
            assert!(!nhs_check_digit_ok(&d), "last digit {last}");
        }
        // 1s at weights 9 and 2: sum 11, remainder 0, check 11, which means 0.
        assert!(nhs_check_digit_ok(&digits("0100000010")));
        assert!(!nhs_check_digit_ok(&digits("0100000011")));
    }

    #[test]
    fn nhs_positive() {
        for number in ["943 476 5919", "943-476-5919", "9434765919", "401 023 2137"] {
            for text in [
                number.to_string(),
                format!("NHS no. {number}."),
                format!("NHS number: {number}, seen today"),
                format!("[{number}]"),
            ] {
                assert_only(&text, NhsNumber, number);
            }
        }
    }

    #[test]
    fn nhs_negative() {
        for text in [
            "9434765918", // fails the check
            "943 476 5918",
            "19434765919", // embedded in a longer run
            "94347659190",
            "943476591",     // nine digits
            "943 476-5919",  // mixed separators
            "943  476 5919", // double space
            "9434 765 919",  // wrong grouping
            "94 3476 5919",
            "x9434765919",
            "9434765919x",
            "1.9434765919", // decimal tail
            "9434765919.5",
            "10.1111/9434765919",
            "0000000000", // placeholders
            "1111111111",
            "ISBN 0198526636", // an ISBN-10 passes the same check
            "isbn: 0-19-852663-6",
            "PMID 33314538, PMCID 8077122",
        ] {
            assert_eq!(
                found_kind(text, NhsNumber),
                Vec::<&str>::new(),
                "in {text:?}"
            );
        }
    }

    #[test]
    fn phone_and_nhs_overlap_reports_both() {
        // The ten digits after +44 also pass the NHS check: report both.
        let text = "+44 7434765917";
        assert_eq!(
            found(text),
            vec![(UkPhone, "+44 7434765917"), (NhsNumber, "7434765917")]
        );
        // In national format the eleven-digit run is too long for an NHS number.
        assert_only("07434765917", UkPhone, "07434765917");
    }

    // --- postcode ---------------------------------------------------------

    #[test]
    fn postcode_positive() {
        for code in [
            "SW1A 1AA", "BN1 9PH", "m1 1ae", "M1 1AE", "EC1A 1BB", "W1A 0AX", "B33 8TH", "CR2 6XH",
            "DN55 1PT", "sw1a 1aa", "SW1A1AA", "M11AE", "BN19PH", "DN551PT",
        ] {
            for text in [
                code.to_string(),
                format!("lives near {code}, Brighton"),
                format!("({code})"),
                format!("{code}."),
            ] {
                assert_only(&text, UkPostcode, code);
            }
        }
    }

    #[test]
    fn postcode_negative() {
        for text in [
            "CFIR 2.0",
            "NHS 2020",
            "Sw1a 1aa", // mixed case
            "SW1A 1aa",
            "sw1a1aa", // run together, lower case
            "mp3 3rd", // an ordinal, not an inward code
            "b2 2nd",
            "a1 1st",
            "h4 4th",
            "XSW1A 1AA", // embedded
            "SW1A 1AAB",
            "SW1A 1AA9",
            "1SW1A 1AA",
            "QA1 1AA",  // Q never starts a postcode
            "AI1 1AA",  // I never second
            "SW1A 1CA", // C never in the inward code
            "SW1A 1AM",
            "ABCD 1AA",
            "A1 1A",
            "SW1A  1AA", // double space
            "SW1A\t1AA",
            "HEX13151",
            "WILEY_ML3GV2_TO_JATSPMC",
            "Table S3 below",
            "PHQ9 GAD7",
        ] {
            assert_eq!(
                found_kind(text, UkPostcode),
                Vec::<&str>::new(),
                "in {text:?}"
            );
        }
    }

    // --- date of birth ----------------------------------------------------

    #[test]
    fn date_of_birth_positive() {
        let cases = [
            ("DOB: 12/03/1985", "12/03/1985"),
            ("dob 12-03-1985", "12-03-1985"),
            ("D.O.B. 12.03.85", "12.03.85"),
            ("D.O.B: 12.03.85.", "12.03.85"),
            ("DOB 1985-03-12", "1985-03-12"),
            ("Date of birth: 12 March 1985", "12 March 1985"),
            ("date-of-birth=12th March 1985", "12th March 1985"),
            ("Born on the 12th of March 1985.", "12th of March 1985"),
            ("born 12 Mar. 1985", "12 Mar. 1985"),
            ("born on March 12, 1985", "March 12, 1985"),
            ("she was born on March 12th 1985", "March 12th 1985"),
            ("BORN: Sept 3, 1985", "Sept 3, 1985"),
            ("Birth date 3/12/1985", "3/12/1985"),
            ("birthdate - 1985/3/12", "1985/3/12"),
            ("DOB\u{a0}12/03/1985", "12/03/1985"),
            ("DOB \u{2013} 12/03/1985", "12/03/1985"),
            ("(DOB 12/03/1985)", "12/03/1985"),
            ("born in London on 1 May 1990", "1 May 1990"),
        ];
        for (text, date) in cases {
            assert_only(text, DateOfBirth, date);
        }
    }

    #[test]
    fn date_of_birth_two_cues_one_finding() {
        assert_only("Date of birth (DOB): 12/03/1985", DateOfBirth, "12/03/1985");
    }

    #[test]
    fn date_of_birth_at_the_end_of_its_window() {
        // The date must start within 64 bytes of the cue's end, and the
        // scanner's jumps from digit to digit must still reach back to the
        // cue from the day, after the longest month name, a dot and two
        // spaces.
        for gap in 1..70 {
            let text = format!("date of birth{}September.  12, 1985", " ".repeat(gap));
            let expected: &[&str] = if gap < 64 {
                &["September.  12, 1985"]
            } else {
                &[]
            };
            assert_eq!(found_kind(&text, DateOfBirth), expected, "gap {gap}");
            check_invariants(&text);
        }
    }

    #[test]
    fn date_of_birth_negative() {
        for text in [
            "12 December 2020",
            "Interviewed on 12/03/2020 and 1985-03-12.",
            "born in 1985",
            "born in March 1985",
            "DOB: 32/13/1985", // no such day or month
            "DOB: 12/13/1985x",
            "DOB: 1985-13-12",
            "DOB: 12/03/198",  // three-digit year
            "DOB: 12/03-1985", // mixed separators
            "DOB: 12/03/1985/2",
            "DOB unknown; interviewed on 12 March 2020 at home",
            "born and raised locally, they joined on 12 March 2020",
            "reborn 12 March 1985", // the cue must be a whole word
            "dobson 12/03/1985",
            "born. 12 March 2020 was the start",
            "born on 12 Marchy 1985",
            "born on 12 March",
            "DOB",
            "born on the",
        ] {
            assert_eq!(
                found_kind(text, DateOfBirth),
                Vec::<&str>::new(),
                "in {text:?}"
            );
        }
    }

    // --- research text ----------------------------------------------------

    #[test]
    fn abstract_snippets_are_clean() {
        let snippets = [
            "We interviewed 35 PSWs.",
            "Relevant data was extracted from interviews with 41 participants.",
            "Five professionals were interviewed twice.",
            "© 2020 The Authors. Health Expectations published by John Wiley & Sons Ltd.",
            "10.1111/hex.13151",
            "doiID: 10.1111/hex.v24.2",
            "10.1111/(ISSN)1369-7625",
            "1369-6513\n1369-7625",
            ": 234-242",
            "12 December 2020",
            "April 2021",
            "https://orcid.org/0000-0002-6154-3055",
            "https://orcid.org/0000-0001-7094-4304",
            "8077122",
            "33314538",
            "CFIR 2.0",
            "NHS 2020",
            "[ 1 ] Sussex Partnership NHS Foundation Trust Horsham UK",
            "HEX13151",
            "5d8ebf13-d301-4143-ac31-bebb0249d387",
            "Figures: 0, Tables: 1, Pages: 9, Words: 7183",
            "open-funder-registry 10.13039/501100000272;",
            "Converter:WILEY_ML3GV2_TO_JATSPMC version:6.0.2 mode:remove_FC converted:27.04.2021",
            ": 08 October 2020\n: 22 June 2020\n: 21 October 2020",
            "http://creativecommons.org/licenses/by/4.0/",
            "(Additional file 1: Table S3)",
            "1) the distinctive features of PSWs approaches; 2) the values; and 3) the impact",
        ];
        for snippet in snippets {
            assert_clean(snippet);
        }
        let all = snippets.join("\n");
        assert_clean(&all);
    }

    #[test]
    fn abstract_text_is_clean() {
        let text = "Background: Peer support roles in mental health services are rapidly \
            increasing in the UK and internationally. Methods: We conducted semi-structured \
            qualitative interviews with paid mental health PSWs working across a range of \
            settings. Results: We interviewed 35 PSWs. Overarching themes included: 1) The \
            centrality of an individualised, flexible approach; 2) Underpinning values \
            included: i) Recovery is possible, ii) Mutuality, iii) Person-centred approach, \
            iv) Empowering instead of \u{2018}fixing\u{2019} service users. 3) the role had \
            benefits for participants\u{2019} own recovery. Though growing numbers of peer \
            support workers are employed in the UK National Health Service (NHS), conflicts \
            persist. Five professionals from different professions and mental health settings \
            were interviewed twice. Relevant data was extracted from interviews with 41 \
            participants and subjected to analysis using Grounded Theory techniques; peer \
            practice was born out of lived experience. Health Expect. 2021;24(2):234-242. \
            Published 12 December 2020. doi:10.1111/hex.13151. ISSN 1369-7625. \
            PMID: 33314538; PMCID: PMC8077122. ORCID https://orcid.org/0000-0002-6154-3055.";
        assert_clean(text);
    }

    // --- mixed text and offsets --------------------------------------------

    #[test]
    fn multibyte_text_gives_char_boundary_ranges() {
        let text = "é café 07700 900123 ü";
        let findings = scan(text);
        assert_eq!(
            findings,
            vec![Finding {
                kind: UkPhone,
                start: 9,
                end: 21
            }]
        );
        assert_eq!(&text[9..21], "07700 900123");

        let text = "Ünïcödé — jo@example.org — 电话07700900123，SW1A 1AA。DOB：12/03/1985 🙂";
        assert_eq!(
            found(text),
            vec![
                (Email, "jo@example.org"),
                (UkPhone, "07700900123"),
                (UkPostcode, "SW1A 1AA"),
            ]
        );
        // A full-width colon is not filler, so that DOB is missed: a
        // documented limit, but it must not panic or misalign.
        let text = "DOB：12/03/1985";
        assert_clean(text);
    }

    #[test]
    fn mixed_findings_are_in_start_order() {
        let text = "Jo (DOB 12/03/1985, NHS 943 476 5919) lives at BN1 9PH; \
                    email jo@example.org or call +44 7700 900123.";
        assert_eq!(
            found(text),
            vec![
                (DateOfBirth, "12/03/1985"),
                (NhsNumber, "943 476 5919"),
                (UkPostcode, "BN1 9PH"),
                (Email, "jo@example.org"),
                (UkPhone, "+44 7700 900123"),
            ]
        );
        let findings = scan(text);
        assert!(findings.windows(2).all(|w| w[0].start <= w[1].start));
    }

    // --- robustness -------------------------------------------------------

    /// A small xorshift64 generator, so the tests need no extra crates.
    struct XorShift(u64);

    impl XorShift {
        fn next_u64(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// Every detector, with no pre-filter: what `scan` must equal.
    fn scan_unfiltered(text: &str) -> Vec<Finding> {
        let bytes = text.as_bytes();
        let mut findings = Vec::new();
        find_emails(bytes, &mut findings);
        find_phones(bytes, false, &mut findings);
        find_nhs_numbers(bytes, false, &mut findings);
        find_postcodes(bytes, false, &mut findings);
        find_dates_of_birth(bytes, false, &mut findings);
        findings.sort_by_key(|f| (f.start, f.end, f.kind.rank()));
        findings
    }

    fn check_invariants(text: &str) {
        let findings = scan(text);
        // The digit and '@' pre-filter only skips detectors that cannot
        // match, and the jumps only skip offsets where no match is anchored,
        // whichever way `scan` chose for this text.
        let unfiltered = scan_unfiltered(text);
        assert_eq!(findings, unfiltered, "pre-filter changed {text:?}");
        let bytes = text.as_bytes();
        let digits = count_digits(bytes);
        assert_eq!(digits, bytes.iter().filter(|c| c.is_ascii_digit()).count());
        for jump in [false, true] {
            assert_eq!(
                detect(bytes, digits, jump),
                unfiltered,
                "jump = {jump} changed {text:?}"
            );
        }
        for f in &findings {
            assert!(f.start < f.end && f.end <= text.len(), "{f:?} in {text:?}");
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
        assert!(
            findings.windows(2).all(|w| w[0].start <= w[1].start),
            "unsorted in {text:?}"
        );
        for kind in [Email, UkPhone, NhsNumber, UkPostcode, DateOfBirth] {
            let of_kind: Vec<&Finding> = findings.iter().filter(|f| f.kind == kind).collect();
            for pair in of_kind.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{pair:?} overlap in {text:?}");
            }
        }
    }

    #[test]
    fn random_inputs_never_panic() {
        // Bytes that exercise the scanners, plus fragments of multi-byte
        // sequences (valid and broken).
        const ALPHABET: &[u8] =
            b"0123456789 0 0+44()@.-/:,aAbBdDoOsSwWnNmMqQtThH\xc2\xa0\xe2\x80\x93\xc3\xa9\xf0\x9f";
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for round in 0..20_000 {
            let len = rng.below(120);
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    if round % 4 == 0 {
                        rng.next_u64() as u8
                    } else {
                        ALPHABET[rng.below(ALPHABET.len())]
                    }
                })
                .collect();
            check_invariants(&String::from_utf8_lossy(&bytes));
        }
        // Random splices of real matches with noise.
        let parts = [
            "07700 900123",
            "+44 (0)20 7946 0958",
            "943 476 5919",
            "SW1A 1AA",
            "m1 1ae",
            "jo@example.org",
            "DOB: ",
            "born on ",
            "12/03/1985",
            "March 12, 1985",
            "é",
            "🙂",
            " ",
            "-",
            ".",
            "@",
            "(",
            ")",
            "0",
            "4",
            "\u{a0}",
            "\u{2013}",
        ];
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..rng.below(12) {
                text.push_str(parts[rng.below(parts.len())]);
            }
            check_invariants(&text);
        }
    }

    #[test]
    fn large_inputs_complete() {
        const MB: usize = 1 << 20;
        for unit in [
            "0 1@2.3-4+44 ",
            "0",
            "9",
            "@",
            "a@",
            "a.",
            "0 ",
            "(0",
            "+44",
            "943 476 ",
            "A1 ",
            "dob ",
            "born on the ",
            "12/",
            "é0@",
        ] {
            let text = unit.repeat(MB / unit.len());
            check_invariants(&text);
        }
        // Many real findings in one big text.
        let text =
            "jo@example.org 07700 900123 943 476 5919 SW1A 1AA DOB 12/03/1985 ".repeat(MB / 66);
        let findings = scan(&text);
        assert_eq!(findings.len(), 5 * (MB / 66));
    }
}
