//! The canonical JSON writer: serde_json's serializer with number formatting
//! of our own, so that canonical bytes do not depend on the serde_json
//! release (its float formatting changed from one algorithm's output to
//! another's within 1.x).
//!
//! Integers are written as their decimal digits. A double is written with the
//! shortest digits that read back to the same double (of two as short and as
//! close, the one ending in an even digit), as the `zmij` crate formats it:
//!
//! - with a decimal exponent from -5 to 15, in plain notation with at least
//!   one digit after the point: `0.5`, `100.0`, `0.00001`, `-0.0`;
//! - otherwise in scientific notation, the digits with a point after the
//!   first when there are several, `e`, and the exponent with its sign:
//!   `1e-6`, `1e+16`, `1.8446744073709552e+19`, `5e-324`.
//!
//! That is what serde_json 1.0.154 writes too, but calling the formatter
//! directly keeps the bytes when serde_json changes its own; a test holds
//! the rule to a table of cases.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// Writes `value` as canonical pretty JSON (two-space indent, `": "` after
/// keys), without a trailing newline.
pub(crate) fn write_pretty<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let formatter = Numbers(PrettyFormatter::with_indent(b"  "));
    value.serialize(&mut serde_json::Serializer::with_formatter(
        writer, formatter,
    ))
}

/// Writes `value` as canonical compact JSON.
pub(crate) fn write_compact<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(
        writer,
        Numbers(CompactFormatter),
    ))
}

/// A formatter that writes doubles by the rule above and leaves everything
/// else to the formatter it wraps.
struct Numbers<F>(F);

impl<F: Formatter> Formatter for Numbers<F> {
    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        writer.write_all(zmij::Buffer::new().format_finite(value).as_bytes())
    }

    fn write_f32<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f32) -> io::Result<()> {
        self.write_f64(writer, f64::from(value))
    }

    // The layout methods the pretty formatter overrides; every other method
    // is the same for both formatters, so the defaults serve.
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// A finite double by the rule in the module documentation.
#[cfg(test)]
fn format_double(value: f64) -> String {
    zmij::Buffer::new().format_finite(value).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_follow_the_rule() {
        for (value, text) in [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (0.5, "0.5"),
            (100.0, "100.0"),
            (1234.5678, "1234.5678"),
            (0.000123, "0.000123"),
            (1e-5, "0.00001"),
            (1e-6, "1e-6"),
            (1e-7, "1e-7"),
            (123456.0, "123456.0"),
            (1e15, "1000000000000000.0"),
            (9.999e15, "9999000000000000.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (1e21, "1e+21"),
            (1e300, "1e+300"),
            (5e-324, "5e-324"),
            (-2.5e-8, "-2.5e-8"),
            // Two 17-digit candidates equally close: the even one.
            (f64::from_bits(0x4318_0467_b3a7_ed6d), "1690060720831323.2"),
            (18446744073709551616.0, "1.8446744073709552e+19"),
            (2.291712365432881e-9, "2.291712365432881e-9"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
        ] {
            assert_eq!(format_double(value), text, "{value:?}");
            assert_eq!(text.parse::<f64>().unwrap().to_bits(), value.to_bits());
        }
    }

    #[test]
    fn every_double_reads_back_to_itself() {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let value = f64::from_bits(state);
            if value.is_finite() {
                let text = format_double(value);
                assert_eq!(
                    text.parse::<f64>().unwrap().to_bits(),
                    value.to_bits(),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn the_writers_use_the_rule() {
        let value = serde_json::json!({"a": [1e16, 0.5, -3], "b": 18446744073709551615u64});
        let mut compact = Vec::new();
        write_compact(&mut compact, &value).unwrap();
        assert_eq!(
            String::from_utf8(compact).unwrap(),
            r#"{"a":[1e+16,0.5,-3],"b":18446744073709551615}"#
        );
        let mut pretty = Vec::new();
        write_pretty(&mut pretty, &serde_json::json!({"a": [1.0]})).unwrap();
        assert_eq!(
            String::from_utf8(pretty).unwrap(),
            "{\n  \"a\": [\n    1.0\n  ]\n}"
        );
    }
}
