"""`factcheck data ...`: show, validate and list the sources of the evidence dataset."""

from __future__ import annotations

import click


@click.group()
def data() -> None:
    """Inspect and validate the evidence dataset."""
