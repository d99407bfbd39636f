"""Commands that help editors write claims.yaml: start a site, archive a source, add a claim, accept a rehash."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from factsite.commands import archive, scaffold, skeleton

HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "new": scaffold.new, "add-source": archive.add_source, "new-claim": skeleton.new_claim,
    "rehash": archive.rehash}
