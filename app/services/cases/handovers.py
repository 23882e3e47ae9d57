"""Orders pre-sales handed to after-sales (docs/domain.md rule 2: shipped, changed or cancelled)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, RequestState
from app.services.changes import requests as changes
from app.services.changes.requests import RequestView


def handed_over(session: Session) -> list[RequestView]:
    """Orders pre-sales handed to after-sales that no case has taken up yet."""
    taken = set(
        session.execute(
            select(Case.change_request_id).where(Case.change_request_id.is_not(None))
        ).scalars()
    )
    waiting = changes.queue(session, states=(RequestState.HANDED_OVER,))
    return [r for r in waiting if r.id not in taken]
