//! How serious an issue is.

open_codes! {
    /// How serious an issue is.
    #[non_exhaustive]
    pub enum Severity: kind "severity" {
        /// The document breaks the format's rules; tools should not trust it.
        Error = "error", "Error",
        /// The document loads and is usable, but something deserves a look.
        Warning = "warning", "Warning",
    }
}
