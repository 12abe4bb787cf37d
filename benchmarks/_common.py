"""Shared helpers for the benchmark scripts: the machine line, a table printer and peak memory."""

from __future__ import annotations

import os
import platform
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "magnets-july-2025.md"


def machine() -> str:
    return (f"{platform.platform()}, {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}")


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident set size in MB (ru_maxrss is KB on Linux, bytes on macOS).

    For this process on Linux, VmHWM from /proc: a process started by a large parent inherits the parent's
    ru_maxrss across fork and exec, VmHWM starts afresh with the new program."""
    status = Path("/proc/self/status")
    if not children and status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF).ru_maxrss
    return usage / (1024 * 1024 if sys.platform == "darwin" else 1024)


def table(title: str, rows: list[tuple[str, str]]) -> str:
    width = max(len(k) for k, _ in rows)
    lines = [title, f"machine: {machine()}", ""]
    lines += [f"| {k:<{width}} | {v} |" for k, v in rows]
    return "\n".join(lines)
