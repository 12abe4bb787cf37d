"""Where the bundled dataset and templates live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE / "_bundled"
_SOURCE_ROOT = _PACKAGE.parent


def _bundled(name: str) -> Path:
    installed = _BUNDLED / name
    return installed if installed.is_dir() else _SOURCE_ROOT / name


def data_dir() -> Path:
    return _bundled("data")


def templates_dir() -> Path:
    return _bundled("templates")


def default_dataset() -> Path:
    return data_dir() / "exports.csv"
