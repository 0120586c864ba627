//! The native part of the `peer_support` Python package (`peer_support._native`).
//!
//! Every function here calls the `peer-support` crate: documents are read,
//! migrated and validated by the crate's own reader, written by its canonical
//! writer, redacted and synthesised by its code. The Python package
//! (`python/peer_support/__init__.py`) re-exports these functions and adds what
//! needs Python only (`synthesize_frame`, which builds a `pandas.DataFrame`).
//!
//! The global interpreter lock is released while the crate parses, validates,
//! redacts or synthesises; it is held only to read the arguments and to build
//! the Python objects of the result.

use std::borrow::Cow;
use std::path::PathBuf;

use peer_support::document::{self, CURRENT_VERSION, ReadError as CrateReadError, ReadOptions};
use peer_support::{Document, Issue as CrateIssue, Loaded as CrateLoaded, RedactionLevel};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple};

mod error;
mod rows;

use error::{ReadError, read_error};

/// One problem found in a document: its severity (`"error"` or
/// `"warning"`), its stable code, the JSON Pointer to the offending value
/// (`""` is the whole document) and a message for people.
#[pyclass(module = "peer_support", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Issue(CrateIssue);

impl From<&CrateIssue> for Issue {
    fn from(issue: &CrateIssue) -> Self {
        Issue(issue.clone())
    }
}

#[pymethods]
impl Issue {
    /// `"error"` or `"warning"`.
    #[getter]
    fn severity(&self) -> &str {
        self.0.severity.code()
    }

    /// The stable, machine-readable code (`"dangling_reference"`, ...).
    #[getter]
    fn code(&self) -> &str {
        self.0.code.code()
    }

    /// JSON Pointer (RFC 6901) to the offending value; `""` is the document.
    #[getter]
    fn path(&self) -> &str {
        &self.0.path
    }

    /// What is wrong, for people.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// Whether this is an error (not a warning).
    #[getter]
    fn is_error(&self) -> bool {
        self.0.is_error()
    }

    fn __repr__(&self) -> String {
        format!(
            "Issue(severity={:?}, code={:?}, path={:?}, message={:?})",
            self.severity(),
            self.code(),
            self.0.path,
            self.0.message
        )
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }
}

fn issues(report: &[CrateIssue]) -> Vec<Issue> {
    report.iter().map(Issue::from).collect()
}

/// A document read and validated by `load`.
///
/// `document` is the document as plain Python values (`dict`, `list`, `str`,
/// `int`, `float`, `bool`), its fields in canonical order and written as the
/// current format version; `issues` is every issue reading and validation
/// found; `version` is the `schema_version` the input declared, before any
/// migration.
#[pyclass(module = "peer_support", frozen, get_all)]
pub struct Loaded {
    /// The document as plain Python values, in canonical field order.
    document: Py<PyAny>,
    /// Every issue, reading's first, then validation's.
    issues: Vec<Issue>,
    /// The `schema_version` the input declared.
    version: String,
}

#[pymethods]
impl Loaded {
    /// Whether any issue is an error.
    #[getter]
    fn has_errors(&self) -> bool {
        self.issues.iter().any(Issue::is_error)
    }

    fn __repr__(&self) -> String {
        let errors = self.issues.iter().filter(|i| i.is_error()).count();
        format!(
            "Loaded(version={:?}, errors={errors}, warnings={})",
            self.version,
            self.issues.len() - errors
        )
    }
}

/// The JSON text of a `load` or `check` source: the bytes of a `bytes`-like
/// object or `str`, or of the file a path names.
enum Source<'py> {
    Bytes(Bound<'py, PyBytes>),
    Owned(Vec<u8>),
    Path(PathBuf),
}

impl<'py> Source<'py> {
    fn from_object(source: &Bound<'py, PyAny>) -> PyResult<Self> {
        if let Ok(bytes) = source.cast::<PyBytes>() {
            return Ok(Source::Bytes(bytes.clone()));
        }
        if let Ok(array) = source.cast::<PyByteArray>() {
            return Ok(Source::Owned(array.to_vec()));
        }
        if let Ok(text) = source.cast::<PyString>() {
            let text: Cow<'_, str> = text.to_cow()?;
            let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
            if start.starts_with(['{', '[']) {
                return Ok(Source::Owned(text.into_owned().into_bytes()));
            }
            return Ok(Source::Path(PathBuf::from(text.into_owned())));
        }
        if let Ok(path) = source.extract::<PathBuf>() {
            return Ok(Source::Path(path));
        }
        Err(PyTypeError::new_err(format!(
            "source must be a path (str or os.PathLike), JSON text (str) or bytes, not {}",
            source.get_type().name()?
        )))
    }

    /// Reads the source and loads it with the crate, without the GIL.
    fn load(&self, py: Python<'_>, options: ReadOptions) -> PyResult<CrateLoaded> {
        let result = match self {
            Source::Bytes(bytes) => {
                let slice = bytes.as_bytes();
                py.detach(|| options.load_slice(slice).map_err(Failure::Read))
            }
            Source::Owned(bytes) => py.detach(|| options.load_slice(bytes).map_err(Failure::Read)),
            Source::Path(path) => py.detach(|| {
                let bytes = std::fs::read(path).map_err(Failure::Io)?;
                options.load_slice(&bytes).map_err(Failure::Read)
            }),
        };
        result.map_err(|failure| match failure {
            Failure::Read(error) => read_error(py, &error, true),
            Failure::Io(error) => error.into(),
        })
    }
}

enum Failure {
    Read(CrateReadError),
    Io(std::io::Error),
}

fn options(strict: bool) -> ReadOptions {
    ReadOptions::new().strict(strict)
}

/// Reads and validates a document.
///
/// `source` is a path (`str` or `os.PathLike`), JSON text (`str` whose
/// first non-blank character is `{` or `[`) or UTF-8 JSON `bytes`. Returns a
/// `Loaded` with `.document`, `.issues` and `.version`. In strict mode a
/// field this format version does not define is refused (`ReadError`)
/// instead of reported as a warning.
///
/// Raises `ReadError` when there is no document to return (malformed JSON, a
/// value of the wrong shape, another format, an unsupported major version,
/// unknown fields in strict mode), and `OSError` when the file cannot be
/// read. Validation problems are not exceptions: they are in `.issues`.
#[pyfunction]
#[pyo3(signature = (source, *, strict = false))]
fn load(py: Python<'_>, source: &Bound<'_, PyAny>, strict: bool) -> PyResult<Loaded> {
    let loaded = Source::from_object(source)?.load(py, options(strict))?;
    Ok(Loaded {
        document: pythonize::pythonize(py, &loaded.document)?.unbind(),
        issues: issues(&loaded.report.issues),
        version: loaded.version.to_string(),
    })
}

/// Reads and validates a document and returns only its issues, without
/// building Python objects for the document: the fast way to check files.
///
/// `source` and `strict` are as for `load`; so are the exceptions.
#[pyfunction]
#[pyo3(signature = (source, *, strict = false))]
fn check(py: Python<'_>, source: &Bound<'_, PyAny>, strict: bool) -> PyResult<Vec<Issue>> {
    let loaded = Source::from_object(source)?.load(py, options(strict))?;
    Ok(issues(&loaded.report.issues))
}

/// Reads a document given as Python values (a `dict` as `load` returns it)
/// through the crate's reader, without the GIL for the reading.
fn from_python(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<CrateLoaded> {
    if !document.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!(
            "document must be a dict, not {}",
            document.get_type().name()?
        )));
    }
    let value: serde_json::Value = pythonize::depythonize(document).map_err(|error| {
        PyValueError::new_err(format!(
            "document holds a value JSON cannot represent: {error}"
        ))
    })?;
    py.detach(|| {
        let bytes = serde_json::to_vec(&value).map_err(|e| e.to_string())?;
        Ok::<_, String>(document::from_slice(&bytes))
    })
    .map_err(PyValueError::new_err)?
    .map_err(|error| read_error(py, &error, false))
}

/// Validates a document given as a `dict` (as `load` returns it, possibly
/// changed) and returns every issue, as `load` would report them.
///
/// Raises `ReadError` when the values cannot be read as a document (a field
/// of the wrong type, say) and `TypeError` when `document` is not a `dict`.
#[pyfunction]
fn validate(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<Vec<Issue>> {
    Ok(issues(&from_python(py, document)?.report.issues))
}

/// The canonical JSON text of a document given as a `dict`: fields in fixed
/// order, map keys sorted, empty fields omitted, written as the current
/// format version. `pretty=True` (the default) indents by two spaces and
/// ends with a newline, byte for byte what the crate and the
/// `peer-support fmt` command write; `pretty=False` is the one-line form.
///
/// The document is not required to be valid; raises `ReadError` when it
/// cannot be read at all.
#[pyfunction]
#[pyo3(signature = (document, *, pretty = true))]
fn dumps(py: Python<'_>, document: &Bound<'_, PyAny>, pretty: bool) -> PyResult<String> {
    let loaded = from_python(py, document)?;
    Ok(py.detach(|| {
        if pretty {
            loaded.document.to_json_pretty()
        } else {
            loaded.document.to_json_compact()
        }
    }))
}

/// A shareable copy of a document, redacted to `level`: `"quotes"` removes
/// participants' words (excerpt texts, locations, notes, extensions),
/// `"aggregate"` also every participant-level record (participants, data
/// sources, excerpts), keeping counts. Fields this version does not define
/// are dropped at every level. Returns the redacted document as a `dict`.
///
/// Raises `ValueError` for another level.
#[pyfunction]
fn redact<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    level: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let level =
        RedactionLevel::from_code(level).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let loaded = from_python(py, document)?;
    let redacted: Document = py.detach(|| loaded.document.into_redacted(level));
    Ok(pythonize::pythonize(py, &redacted)?)
}

/// The evidence matrix of the studies of `documents` as tidy rows, one
/// `dict` per concept and reporting study; see the package documentation
/// for the columns. Each item of `documents` is a document `dict` or a
/// `Loaded`.
///
/// `by` says what a row is about: `"concept"` (one row per concept and
/// reporting study), or a roll-up, one row per group and reporting study:
/// `"broader"`, `"cfir-construct"`, `"cfir-domain"`, `"chime"`, `"kind"`.
#[pyfunction]
#[pyo3(signature = (documents, *, by = "concept"))]
fn synthesize<'py>(
    py: Python<'py>,
    documents: &Bound<'py, PyAny>,
    by: &str,
) -> PyResult<Bound<'py, PyList>> {
    let grouping = rows::grouping(by)?;
    if documents.is_instance_of::<PyDict>() || documents.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "documents must be a sequence of documents (dicts or Loaded), not a single one",
        ));
    }
    let mut loaded = Vec::new();
    for item in documents.try_iter()? {
        let item = item?;
        let document = match item.cast::<Loaded>() {
            Ok(l) => l.get().document.bind(py).clone(),
            Err(_) => item,
        };
        loaded.push(from_python(py, &document)?.document);
    }
    let records = py.detach(|| rows::records(&loaded, grouping));
    rows::to_python(py, &records)
}

/// Every entry of the standard codebook as a `dict` (`kind`, `code`,
/// `label`, `definition`, `sources`, and the framework mappings), in
/// codebook order.
#[pyfunction]
fn codebook(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let codebook = peer_support::Codebook::standard();
    Ok(pythonize::pythonize(py, codebook.entries())?)
}

/// The JSON Schema (draft 2020-12) of the current format version, as a
/// `dict`.
#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let schema = py.detach(peer_support::schema::json_schema);
    Ok(pythonize::pythonize(py, &schema)?)
}

/// A document bundled with the crate, read and validated as `load` would:
/// a `Loaded` of the four seed studies, or with `reviews=True` of the two
/// bundled reviews.
#[pyfunction]
#[pyo3(signature = (*, reviews = false))]
fn catalog(py: Python<'_>, reviews: bool) -> PyResult<Loaded> {
    let bundled = if reviews {
        peer_support::catalog::reviews
    } else {
        peer_support::catalog::seed_studies
    };
    let seeds = py
        .detach(bundled)
        .map_err(|error| read_error(py, &error, true))?;
    Ok(Loaded {
        document: pythonize::pythonize(py, &seeds.document)?.unbind(),
        issues: issues(&seeds.report.issues),
        version: seeds.version.to_string(),
    })
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FORMAT_VERSION", CURRENT_VERSION.to_string())?;
    m.add("SYNTHESIS_BY", PyTuple::new(m.py(), rows::by_values())?)?;
    let columns = peer_support::synthesis::CSV_COLUMNS;
    m.add("SYNTHESIS_COLUMNS", PyTuple::new(m.py(), columns)?)?;
    m.add(
        "SYNTHESIS_GROUP_COLUMNS",
        PyTuple::new(m.py(), rows::group_columns())?,
    )?;
    m.add("ReadError", m.py().get_type::<ReadError>())?;
    m.add_class::<Issue>()?;
    m.add_class::<Loaded>()?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(dumps, m)?)?;
    m.add_function(wrap_pyfunction!(redact, m)?)?;
    m.add_function(wrap_pyfunction!(synthesize, m)?)?;
    m.add_function(wrap_pyfunction!(codebook, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(catalog, m)?)?;
    Ok(())
}
