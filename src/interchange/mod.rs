//! Exchange with other tools' file formats, built on the public model.
//!
//! - [`refi`]: REFI-QDA codebooks (`.qdc`) and projects (`.qdpx`), as
//!   NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette exchange them.

pub mod refi;
