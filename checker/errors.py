"""Domain errors. Library code raises these; only the CLI turns them into one line and an exit code."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import ClassVar


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1
    """At least one claim failed the --fail-on rule."""
    CANNOT_RUN = 2
    """Usage, input or dataset error: nothing (or not everything) could be checked."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C (SIGINT), the shell's convention: nothing was printed or written."""


class FactcheckError(Exception):
    code: ClassVar[str] = "E000"

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.path = path
        self.line = line

    def one_line(self) -> str:
        if self.path is None:
            where = ""
        elif self.line is not None:
            where = f" {self.path}:{self.line}"
        else:
            where = f" {self.path}"
        return f"factcheck: {self.code}{where}: {self}"


class InputError(FactcheckError):
    """Missing, empty, binary, unreadable or oversized article."""

    code = "E101"


class DatasetError(FactcheckError):
    """Malformed dataset file or row."""

    code = "E201"


class ConfigError(FactcheckError):
    code = "E301"


class OutputError(FactcheckError):
    code = "E401"


class CheckError(FactcheckError):
    """A fault in factcheck itself while checking one article: that article is reported as unchecked, the others
    are still checked."""

    code = "E501"

    @classmethod
    def from_exception(cls, path: str, exc: Exception) -> CheckError:
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        return cls(f"could not be checked because of an internal error ({detail}); please report it with this "
                   f"article", path=path)
