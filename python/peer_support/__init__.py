"""The peer-support data model for mental-health peer support research.

This package calls the ``peer-support`` Rust crate: documents are read,
migrated and validated by the crate's own reader (every cross-reference
check, sample arithmetic and the personal-data lint), written by its
canonical writer, redacted and synthesised by its code.

>>> import peer_support
>>> loaded = peer_support.catalog()
>>> [issue.code for issue in loaded.issues]
[]
>>> loaded.document["studies"][0]["citation"]["title"][:21]
'Understanding the rol'
"""

import typing as _typing

from ._native import (
    FORMAT_VERSION,
    SYNTHESIS_BY,
    SYNTHESIS_COLUMNS,
    SYNTHESIS_GROUP_COLUMNS,
    Issue,
    Loaded,
    ReadError,
    __version__,
    catalog,
    check,
    codebook,
    dumps,
    load,
    redact,
    schema,
    synthesize,
    validate,
)

__all__ = [
    "FORMAT_VERSION",
    "SYNTHESIS_BY",
    "SYNTHESIS_COLUMNS",
    "SYNTHESIS_GROUP_COLUMNS",
    "Issue",
    "Loaded",
    "ReadError",
    "__version__",
    "catalog",
    "check",
    "codebook",
    "dumps",
    "load",
    "redact",
    "schema",
    "synthesize",
    "synthesize_frame",
    "validate",
]

_Document = _typing.Union[dict, Loaded]


def synthesize_frame(documents: _typing.Iterable[_Document], *, by: str = "concept") -> _typing.Any:
    """``synthesize`` as a ``pandas.DataFrame``, one row per concept (or, with
    a roll-up ``by``, per group) and study.

    The columns are those of ``synthesize``'s rows, in the same order:
    ``SYNTHESIS_COLUMNS``, or ``SYNTHESIS_GROUP_COLUMNS`` for a roll-up.
    Counts that may be unknown (``study_sample``, ``participants``,
    ``count``) are pandas' nullable ``Int64``; list columns hold Python lists.

    Requires pandas: ``pip install 'peer-support[pandas]'`` (or
    ``pip install ./python[pandas]`` from a checkout). Raises ``ImportError``
    saying so when it is missing.
    """
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "peer_support.synthesize_frame needs pandas, which is not installed; "
            "install it with `pip install pandas` or the package's extra, "
            "`pip install 'peer-support[pandas]'`"
        ) from error
    rows: _typing.List[dict] = synthesize(documents, by=by)
    if by != "concept":
        return pandas.DataFrame.from_records(rows, columns=list(SYNTHESIS_GROUP_COLUMNS))
    frame = pandas.DataFrame.from_records(rows, columns=list(SYNTHESIS_COLUMNS))
    for column in ("study_sample", "participants", "count"):
        frame[column] = frame[column].astype("Int64")
    return frame
