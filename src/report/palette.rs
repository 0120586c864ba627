//! Colours and glyphs: how a stance looks in a cell, and the contrast every
//! text colour of the page has against its background.
//!
//! Cell colours are Paul Tol's *light* scheme, made for filling table cells
//! under black labels and distinguishable with the common forms of colour
//! blindness. Colour is never the only signal: every stance also has a text
//! glyph, and its name in the cell's `title`. The text colour on each fill is
//! whichever of black and white contrasts more ([`ink`]); the tests hold every
//! pair the page uses to WCAG 2.x level AA for normal text (4.5:1).

use std::fmt::Write as _;

use crate::synthesis::StanceMark;
use crate::vocabulary::Stance;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub(super) const BLACK: Rgb = Rgb(0, 0, 0);
    pub(super) const WHITE: Rgb = Rgb(255, 255, 255);

    /// `#rrggbb`.
    pub(super) fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2.x relative luminance, 0 (black) to 1 (white).
    pub(super) fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }
}

/// The WCAG contrast ratio of two colours, 1 to 21, whichever is lighter.
pub(super) fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// The text colour for a fill: black or white, whichever contrasts more.
pub(super) fn ink(fill: Rgb) -> Rgb {
    if contrast(Rgb::BLACK, fill) >= contrast(Rgb::WHITE, fill) {
        Rgb::BLACK
    } else {
        Rgb::WHITE
    }
}

/// How one stance is drawn.
#[derive(Debug)]
pub(super) struct StanceStyle {
    /// The CSS class suffix (`s-facilitator`).
    pub class: &'static str,
    /// The text glyph shown in the cell.
    pub glyph: &'static str,
    /// The fill.
    pub fill: Rgb,
}

/// Every stance style: the known stances in the stance table's order, then
/// the one for stances this version does not know.
pub(super) static STANCES: [StanceStyle; 9] = [
    stance("s-facilitator", "+", Rgb(0x77, 0xaa, 0xdd)), // light blue
    stance("s-barrier", "\u{2212}", Rgb(0xee, 0x88, 0x66)), // minus sign; orange
    stance("s-benefit", "\u{2191}", Rgb(0x44, 0xbb, 0x99)), // upwards arrow; mint
    stance("s-harm", "\u{2193}", Rgb(0xff, 0xaa, 0xbb)), // downwards arrow; pink
    stance("s-value_held", "\u{2666}", Rgb(0x99, 0xdd, 0xff)), // diamond; light cyan
    stance("s-caveat", "!", Rgb(0xee, 0xdd, 0x88)),      // light yellow
    // Plus-minus: an influence whose direction the study does not give.
    stance("s-influence", "\u{b1}", Rgb(0xcc, 0xbb, 0xee)), // lavender
    stance("s-practice", "\u{2022}", Rgb(0xdd, 0xdd, 0xdd)), // bullet; pale grey
    stance("s-other", "?", Rgb(0xbb, 0xcc, 0x33)),          // pear
];

const fn stance(class: &'static str, glyph: &'static str, fill: Rgb) -> StanceStyle {
    StanceStyle { class, glyph, fill }
}

/// The style of stances this version does not know.
pub(super) static OTHER: &StanceStyle = &STANCES[STANCES.len() - 1];

/// The prefix of a glyph whose stance is reported by the concept's absence.
pub(super) const ABSENT: &str = "\u{ac}"; // not sign

/// The style of a stance.
pub(super) fn style(stance: &Stance) -> &'static StanceStyle {
    let at = match stance {
        Stance::Facilitator => 0,
        Stance::Barrier => 1,
        Stance::Benefit => 2,
        Stance::Harm => 3,
        Stance::ValueHeld => 4,
        Stance::Caveat => 5,
        Stance::Influence => 6,
        Stance::Practice => 7,
        _ => return OTHER,
    };
    &STANCES[at]
}

/// The glyph of a mark: the stance's, after [`ABSENT`] for an absence.
pub(super) fn glyph(mark: &StanceMark) -> String {
    let glyph = style(&mark.stance).glyph;
    if mark.absent {
        format!("{ABSENT}{glyph}")
    } else {
        glyph.to_owned()
    }
}

/// Named colours of the page outside the cells, as CSS custom properties.
pub(super) const PAGE: [(&str, Rgb); 10] = [
    ("text", Rgb(0x1b, 0x1b, 0x1b)),
    ("page", Rgb::WHITE),
    ("muted", Rgb(0x55, 0x55, 0x55)),
    ("link", Rgb(0x0b, 0x4f, 0x9c)),
    ("head", Rgb(0xee, 0xee, 0xee)),
    ("group", Rgb(0xdd, 0xe3, 0xea)),
    ("stripe", Rgb(0xf6, 0xf6, 0xf6)),
    ("polarity", Rgb(0x88, 0x22, 0x55)), // Tol muted wine
    ("stance", Rgb(0xdd, 0xcc, 0x77)),   // Tol muted sand
    ("error", Rgb(0xa5, 0x00, 0x26)),
];

/// A colour of [`PAGE`] by name (black for a name it does not have, which
/// the tests rule out).
pub(super) fn page(name: &str) -> Rgb {
    PAGE.iter()
        .find(|(n, _)| *n == name)
        .map_or(Rgb::BLACK, |(_, c)| *c)
}

/// The badges: a fill of [`PAGE`] with its ink.
pub(super) const BADGES: [&str; 3] = ["polarity", "stance", "error"];

/// The colour rules of the stylesheet: custom properties for the page
/// colours, and one rule per stance and badge.
pub(super) fn css() -> String {
    let mut css = String::from(":root{");
    for (name, colour) in PAGE {
        let _ = write!(css, "--{name}:{};", colour.hex());
    }
    css.push('}');
    for s in &STANCES {
        let _ = write!(
            css,
            ".{}{{background:{};color:{}}}",
            s.class,
            s.fill.hex(),
            ink(s.fill).hex()
        );
    }
    for badge in BADGES {
        let fill = page(badge);
        let _ = write!(
            css,
            ".b-{badge}{{background:{};color:{}}}",
            fill.hex(),
            ink(fill).hex()
        );
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Vocabulary;

    /// WCAG 2.x AA for normal-size text.
    const AA: f64 = 4.5;

    /// Every (text, background) pair of [`PAGE`] names that `report.css`
    /// uses; badges (`polarity`, `stance`, `error`) carry their [`ink`].
    const TEXT_ON: [(&str, &str); 12] = [
        ("text", "page"),
        ("muted", "page"),
        ("link", "page"),
        ("text", "head"),
        ("muted", "head"),
        ("link", "head"),
        ("text", "group"),
        ("muted", "group"),
        ("link", "group"),
        ("text", "stripe"),
        ("muted", "stripe"),
        ("link", "stripe"),
    ];

    #[test]
    fn luminance_and_contrast_match_wcag_reference_values() {
        assert!((Rgb::WHITE.luminance() - 1.0).abs() < 1e-12);
        assert!(Rgb::BLACK.luminance().abs() < 1e-12);
        assert!((contrast(Rgb::BLACK, Rgb::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb::WHITE, Rgb::BLACK) - 21.0).abs() < 1e-9);
        // #777777 on white is the textbook 4.48:1, just under AA.
        let grey = contrast(Rgb(0x77, 0x77, 0x77), Rgb::WHITE);
        assert!((grey - 4.48).abs() < 0.01, "{grey}");
        // Okabe-Ito vermillion: white text fails AA, black passes.
        let vermillion = Rgb(0xd5, 0x5e, 0x00);
        assert!(contrast(Rgb::WHITE, vermillion) < AA);
        assert_eq!(ink(vermillion), Rgb::BLACK);
        assert_eq!(ink(Rgb(0x0b, 0x4f, 0x9c)), Rgb::WHITE);
    }

    #[test]
    fn every_cell_colour_meets_aa_with_its_ink() {
        for s in &STANCES {
            let ratio = contrast(ink(s.fill), s.fill);
            assert!(ratio >= AA, "{} {}: {ratio:.2}", s.class, s.fill.hex());
        }
    }

    #[test]
    fn every_page_text_pair_and_badge_meets_aa() {
        for (text, background) in TEXT_ON {
            assert!(PAGE.iter().any(|(n, _)| *n == text), "{text}");
            assert!(PAGE.iter().any(|(n, _)| *n == background), "{background}");
            let ratio = contrast(page(text), page(background));
            assert!(ratio >= AA, "{text} on {background}: {ratio:.2}");
        }
        for badge in BADGES {
            assert!(PAGE.iter().any(|(n, _)| *n == badge), "{badge}");
            let fill = page(badge);
            let ratio = contrast(ink(fill), fill);
            assert!(ratio >= AA, "badge {badge}: {ratio:.2}");
        }
    }

    #[test]
    fn stances_have_distinct_glyphs_classes_and_fills() {
        for (i, a) in STANCES.iter().enumerate() {
            for b in &STANCES[i + 1..] {
                assert_ne!(a.glyph, b.glyph);
                assert_ne!(a.class, b.class);
                assert_ne!(a.fill, b.fill);
            }
            assert!(!a.glyph.contains(ABSENT));
        }
        for (i, stance) in <Stance as Vocabulary>::all().iter().enumerate() {
            assert_eq!(style(stance).class, format!("s-{}", stance.code()));
            assert!(std::ptr::eq(style(stance), &STANCES[i]));
        }
        let custom: Stance = "contested".parse().unwrap();
        assert_eq!(style(&custom).class, "s-other");
    }

    #[test]
    fn an_absence_prefixes_the_glyph() {
        assert_eq!(glyph(&StanceMark::new(Stance::Barrier, false)), "\u{2212}");
        assert_eq!(
            glyph(&StanceMark::new(Stance::Barrier, true)),
            "\u{ac}\u{2212}"
        );
    }

    #[test]
    fn css_names_every_class_with_its_ink() {
        let css = css();
        assert!(css.starts_with(":root{--text:#1b1b1b;"));
        assert!(css.contains(".s-barrier{background:#ee8866;color:#000000}"));
        assert!(css.contains(".b-polarity{background:#882255;color:#ffffff}"));
    }
}
