//! Standard output and standard error, made safe for pipes.

use std::fmt::Display;
use std::io::{self, BufWriter, ErrorKind, StdoutLock, Write};

/// Locked, buffered standard output that treats a closed pipe as "the reader
/// has seen enough": the first `BrokenPipe` switches it to discarding
/// everything, so commands finish (and compute their exit status) without
/// printing an error or panicking. Any other write error is returned.
pub struct Output {
    inner: BufWriter<StdoutLock<'static>>,
    closed: bool,
}

impl Output {
    /// Standard output, locked for the life of the command.
    pub fn stdout() -> Self {
        Output {
            inner: BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
            closed: false,
        }
    }

    fn absorb_broken_pipe<T>(&mut self, result: io::Result<T>, closed: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(closed)
            }
            other => other,
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.absorb_broken_pipe(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.absorb_broken_pipe(result, ())
    }
}

/// Prints one diagnostic line to standard error, prefixed with the program
/// name. A failure to write standard error is ignored: there is nowhere left
/// to report it, and it must not turn into a panic.
pub fn diagnostic(message: impl Display) {
    let message = message.to_string();
    let line = one_line(&message);
    let _ = writeln!(io::stderr().lock(), "peer-support: {line}");
}

/// An error and every error below it, `: `-separated: each error's message
/// names only its own part, and its source says the rest.
pub fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(error) = source {
        text.push_str(": ");
        text.push_str(&error.to_string());
        source = error.source();
    }
    text
}

pub use peer_support::diagnostics::one_line;

/// `text` with control characters escaped except line breaks, for a table
/// cell that wraps its lines: no terminal escape sequence gets through.
pub fn printable(text: &str) -> String {
    text.lines().map(one_line).collect::<Vec<_>>().join("\n")
}

/// Writes `document` in canonical form: pretty (ends with a newline), or
/// compact followed by a newline.
pub fn write_document(
    out: &mut Output,
    document: &peer_support::Document,
    compact: bool,
) -> io::Result<()> {
    if compact {
        document.write_json_compact(&mut *out)?;
        out.write_all(b"\n")
    } else {
        document.write_json_pretty(&mut *out)
    }
}

#[cfg(test)]
mod tests {
    use super::{chain, one_line, printable};

    #[test]
    fn one_line_escapes_control_characters_only() {
        assert_eq!(one_line("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(one_line("plain \"text\" é"), "plain \"text\" é");
    }

    #[test]
    fn printable_keeps_line_breaks_and_escapes_the_rest() {
        assert_eq!(printable("a\r\nb\u{1b}[2J"), "a\nb\\u{1b}[2J");
    }

    #[test]
    fn chain_prints_each_source_once() {
        let error = peer_support::ReadError::from(std::io::Error::other("disk on fire"));
        assert_eq!(chain(&error), "could not read the document: disk on fire");
    }
}
