"""Import spaCy without its command line.

spaCy's package `__init__` imports `spacy.cli` (typer, requests, httpx, weasel: about a quarter of a second) only to
expose `spacy.info`. factcheck never uses the spaCy CLI, and a CI job checking one draft pays that cost on every
run. So `spacy.cli` is stood in for while spaCy initialises, and removed again afterwards: a later
`import spacy.cli` (or a call of `spacy.info`) loads the real one.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any


def _real_info(*args: Any, **kwargs: Any) -> Any:
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_ins = {"spacy.cli": types.ModuleType("spacy.cli"), "spacy.cli.info": types.ModuleType("spacy.cli.info")}
    stand_ins["spacy.cli.info"].info = _real_info  # type: ignore[attr-defined]
    stand_ins["spacy.cli"].info = stand_ins["spacy.cli.info"]  # type: ignore[attr-defined]
    installed = [name for name in stand_ins if name not in sys.modules]
    sys.modules.update({name: stand_ins[name] for name in installed})
    try:
        spacy = importlib.import_module("spacy")
    finally:
        for name in installed:
            if sys.modules.get(name) is stand_ins[name]:
                del sys.modules[name]
        module = sys.modules.get("spacy")
        if module is not None and getattr(module, "cli", None) is stand_ins["spacy.cli"]:
            delattr(module, "cli")
    return spacy
