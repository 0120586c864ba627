"""Shared fixtures: the repository's golden and invalid documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
FIXTURES = REPOSITORY / "tests" / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    """The crate's ``tests/fixtures`` directory."""
    return FIXTURES


@pytest.fixture
def expected_invalid() -> dict:
    """What the crate's tests expect of each invalid fixture."""
    return json.loads((FIXTURES / "invalid" / "expected.json").read_text("utf-8"))
