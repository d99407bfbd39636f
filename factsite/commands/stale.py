"""`check --stale DAYS`: the claims whose facts were last checked long ago, so a desk can plan re-checks."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from factsite.commands.yamledit import today

if TYPE_CHECKING:
    from factsite.pipeline import Result


def print_stale(result: Result, days: int) -> None:
    """One line per claim checked more than `days` days ago, oldest first, with its place and topic."""
    site = result.site
    assert site is not None, "a check that passed leaves its model in the result"
    now = today()
    rows = []
    for claim in site.claims:
        checked = dt.date(claim.checked.year, claim.checked.month, claim.checked.day)
        age = (now - checked).days
        if age > days:
            rows.append((checked, claim.id, age, claim))
    if not rows:
        print(f"no claim's facts are older than {days} days")
        return
    print(f"{len(rows)} claim{'s' * (len(rows) != 1)} last checked more than {days} days ago, oldest first:")
    for checked, ident, age, claim in sorted(rows):
        mark = result.claim_marks.get(ident, "claims.yaml")
        print(f"{mark}: {ident}: facts checked {checked.isoformat()} ({age} days ago); topic {claim.topic_id}")
