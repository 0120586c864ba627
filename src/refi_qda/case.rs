//! Cases, variables and variable values.

use std::fmt;

use super::{Guid, XsdDate, XsdDateTime};

/// A variable (an attribute of cases and sources, such as age or role).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Variable {
    /// `@guid`.
    pub guid: Guid,
    /// `@name`.
    pub name: String,
    /// `@typeOfVariable`.
    pub kind: VariableType,
    /// `<Description>`.
    pub description: Option<String>,
}

impl Variable {
    /// A variable with no description.
    pub fn new(guid: Guid, name: impl Into<String>, kind: VariableType) -> Self {
        Variable {
            guid,
            name: name.into(),
            kind,
            description: None,
        }
    }
}

/// `typeOfVariableType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum VariableType {
    /// `Text`.
    Text,
    /// `Boolean`.
    Boolean,
    /// `Integer`.
    Integer,
    /// `Float`.
    Float,
    /// `Date`.
    Date,
    /// `DateTime`.
    DateTime,
}

impl VariableType {
    /// Every type, in schema order.
    pub const ALL: [VariableType; 6] = [
        VariableType::Text,
        VariableType::Boolean,
        VariableType::Integer,
        VariableType::Float,
        VariableType::Date,
        VariableType::DateTime,
    ];

    /// The schema's name for it.
    pub const fn as_str(self) -> &'static str {
        match self {
            VariableType::Text => "Text",
            VariableType::Boolean => "Boolean",
            VariableType::Integer => "Integer",
            VariableType::Float => "Float",
            VariableType::Date => "Date",
            VariableType::DateTime => "DateTime",
        }
    }

    /// The element that holds a value of this type (`TextValue`, ...).
    pub const fn value_element(self) -> &'static str {
        match self {
            VariableType::Text => "TextValue",
            VariableType::Boolean => "BooleanValue",
            VariableType::Integer => "IntegerValue",
            VariableType::Float => "FloatValue",
            VariableType::Date => "DateValue",
            VariableType::DateTime => "DateTimeValue",
        }
    }

    /// The type whose value element is `element`.
    pub fn from_value_element(element: &str) -> Option<Self> {
        VariableType::ALL
            .into_iter()
            .find(|t| t.value_element() == element)
    }

    /// The type with this schema name (surrounding whitespace ignored, as
    /// the XSD type is an `xsd:token`).
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
        VariableType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl fmt::Display for VariableType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A variable's value for a case or source (`<VariableValue>`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct VariableValue {
    /// `<VariableRef targetGUID>`: the [`Variable`].
    pub variable: Guid,
    /// The value element; `None` when there is none (the schema allows an
    /// empty choice, and a value that does not parse is dropped with a
    /// warning).
    pub value: Option<Value>,
}

impl VariableValue {
    /// `variable` has `value`.
    pub fn new(variable: Guid, value: Option<Value>) -> Self {
        VariableValue { variable, value }
    }
}

/// A finite `f64`, the value of a `FloatValue`.
///
/// `xsd:decimal` has no NaN or infinity, so neither can be held, which also
/// makes equality total.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Decimal(f64);

impl Decimal {
    /// `value`, if it is finite.
    pub fn new(value: f64) -> Option<Self> {
        value.is_finite().then_some(Decimal(value))
    }

    /// The number.
    pub const fn get(self) -> f64 {
        self.0
    }
}

// Finite floats compare as a total equivalence (0.0 and -0.0 are equal both ways).
impl Eq for Decimal {}

impl fmt::Display for Decimal {
    /// Plain decimal notation (Rust never uses an exponent for `f64`'s
    /// `Display`), the shortest that reads back to the same number: a valid
    /// `xsd:decimal`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// The value elements of a `VariableValue`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Value {
    /// `<TextValue>`.
    Text(String),
    /// `<BooleanValue>` (`true`/`false`/`1`/`0`).
    Boolean(bool),
    /// `<IntegerValue>` (an `xsd:integer` that fits 64 bits).
    Integer(i64),
    /// `<FloatValue>` (an `xsd:decimal`).
    Float(Decimal),
    /// `<DateValue>`.
    Date(XsdDate),
    /// `<DateTimeValue>`.
    DateTime(XsdDateTime),
}

impl Value {
    /// The variable type this value is of.
    pub fn kind(&self) -> VariableType {
        match self {
            Value::Text(_) => VariableType::Text,
            Value::Boolean(_) => VariableType::Boolean,
            Value::Integer(_) => VariableType::Integer,
            Value::Float(_) => VariableType::Float,
            Value::Date(_) => VariableType::Date,
            Value::DateTime(_) => VariableType::DateTime,
        }
    }
}

/// A group of sources and selections, often one per participant (`<Case>`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Case {
    /// `@guid`.
    pub guid: Guid,
    /// `@name`.
    pub name: Option<String>,
    /// `<Description>`.
    pub description: Option<String>,
    /// `<CodeRef targetGUID>`: codes attached to the case.
    pub code_refs: Vec<Guid>,
    /// `<VariableValue>`s: the case's attributes.
    pub variable_values: Vec<VariableValue>,
    /// `<SourceRef targetGUID>`: sources in the case.
    pub source_refs: Vec<Guid>,
    /// `<SelectionRef targetGUID>`: selections in the case.
    pub selection_refs: Vec<Guid>,
}

impl Case {
    /// An empty case.
    pub fn new(guid: Guid) -> Self {
        Case {
            guid,
            name: None,
            description: None,
            code_refs: Vec::new(),
            variable_values: Vec::new(),
            source_refs: Vec::new(),
            selection_refs: Vec::new(),
        }
    }
}
