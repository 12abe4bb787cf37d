"""Project settings for `factcheck check`: `factcheck.toml`, or `[tool.factcheck]` in pyproject.toml.

Library code: `load_config` finds and validates the file and returns a `Config`; the CLI lets its own options
override it. Every problem with the file is a `ConfigError` (E301) naming the file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from checker.errors import ConfigError
from checker.report import Settings

CONFIG_NAME = "factcheck.toml"
PYPROJECT_NAME = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "factcheck")

Format = Literal["text", "json", "github", "sarif"]
FailOn = Literal["refuted", "unverifiable", "never"]


class Tolerances(Settings):
    """The `[tolerances]` table: the `Settings` fields, with unknown keys refused and bounds checked."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("about_slack", "nearly_slack")
    @classmethod
    def _fraction(cls, value: Decimal) -> Decimal:
        if not 0 <= value < 1:
            raise ValueError("a fraction of the figure (0.10 is 10%); give a number from 0 up to 1")
        return value

    @field_validator("near_miss_units")
    @classmethod
    def _not_negative(cls, value: Decimal) -> Decimal:
        if value < 0:
            raise ValueError("cannot be negative")
        return value


class ConfigFile(BaseModel):
    """The keys a config file may set. Paths in it are relative to the file."""

    model_config = ConfigDict(extra="forbid")

    data: Path | None = None
    """Dataset CSV in the factcheck format, instead of the bundled one."""
    fail_on: FailOn | None = None
    format: Format | None = None
    skip: list[str] = []
    """Glob patterns of article files not to check, relative to the config file's folder."""
    tolerances: Tolerances = Tolerances()


@dataclass(frozen=True)
class Config:
    """Settings resolved from a config file; every field is empty when there is no file."""

    path: Path | None = None
    """The file the settings came from."""
    data: Path | None = None
    """Already resolved against the config file's folder."""
    fail_on: FailOn | None = None
    format: Format | None = None
    skip: tuple[str, ...] = ()
    settings: Settings = field(default_factory=Settings)

    def skips(self, path: str) -> bool:
        """Whether `path` matches a `skip` pattern, by its path from the config file's folder or by its name."""
        if not self.skip or self.path is None or path == "-":
            return False
        resolved = Path(path).resolve()
        try:
            relative = resolved.relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:
            relative = resolved.as_posix()
        return any(fnmatch(relative, pattern) or fnmatch(resolved.name, pattern.removeprefix("**/"))
                   for pattern in self.skip)


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    """The config from `explicit`, else from the nearest factcheck.toml or pyproject.toml with [tool.factcheck]
    in `start` (default: the current directory) or a parent; `Config()` when there is none."""
    if explicit is not None:
        return _validate(explicit, _explicit_table(explicit))
    found = find_config(start)
    return _validate(*found) if found is not None else Config()


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file at or above `start` and its factcheck table; factcheck.toml wins in a folder.

    Without `start`, the search starts in the current directory and the path found is relative to it.
    """
    if start is None:
        folders = [Path(*[os.pardir] * up) for up in range(len(Path.cwd().parents) + 1)]
    else:
        folders = [start, *start.parents]
    for folder in folders:
        own = folder / CONFIG_NAME
        if own.is_file():
            return own, _read(own)
        pyproject = folder / PYPROJECT_NAME
        if pyproject.is_file():
            table = _pyproject_table(pyproject)
            if table is not None:
                return pyproject, table
    return None


def _explicit_table(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError("no such config file; check the --config path", path=path)
    if path.name != PYPROJECT_NAME:
        return _read(path)
    table = _pyproject_table(path)
    if table is None:
        raise ConfigError("has no [tool.factcheck] table; add one, or pass a factcheck.toml", path=path)
    return table


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    table: Any = _read(path)
    for key in PYPROJECT_TABLE:
        if not isinstance(table, dict) or key not in table:
            return None
        table = table[key]
    if not isinstance(table, dict):
        raise ConfigError("tool.factcheck must be a table ([tool.factcheck])", path=path)
    return table


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read it ({exc.strerror or exc})", path=path) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError("not UTF-8; re-save it as UTF-8", path=path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path=path) from exc


def _validate(path: Path, table: dict[str, Any]) -> Config:
    try:
        parsed = ConfigFile.model_validate(table)
    except ValidationError as exc:
        prefix = ".".join(PYPROJECT_TABLE) + "." if path.name == PYPROJECT_NAME else ""
        raise ConfigError("; ".join(_problem(error, prefix) for error in exc.errors()), path=path) from exc
    return Config(
        path=path,
        data=path.parent / parsed.data if parsed.data is not None else None,
        fail_on=parsed.fail_on,
        format=parsed.format,
        skip=tuple(parsed.skip),
        settings=Settings(**parsed.tolerances.model_dump()),
    )


def _problem(error: Any, prefix: str) -> str:
    """One pydantic error as a phrase that names the key and what to write instead."""
    location = prefix + ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        model: type[BaseModel] = Tolerances if error["loc"][0] == "tolerances" else ConfigFile
        return f"unknown key {location!r}; the keys are {', '.join(model.model_fields)}"
    message = error["msg"].removeprefix("Value error, ")
    return f"{location}: {message} (got {error['input']!r})"
