"""spaCy is imported without its command line, and the real one still loads when asked for."""

from __future__ import annotations

import subprocess
import sys


def test_spacy_cli_is_not_imported_by_a_check_but_still_loads() -> None:
    code = (
        "import sys\n"
        "import claims.extract\n"
        "assert 'spacy.cli' not in sys.modules, 'spacy.cli was imported'\n"
        "import spacy.cli\n"
        "assert hasattr(spacy.cli, 'download'), 'the real spacy.cli did not load'\n"
        "import spacy\n"
        "assert callable(spacy.info)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
