"""Saving one of the settings the whole team shares (``settings`` rows), audited."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import Setting
from app.services.core import audit
from app.services.core.actor import Actor


def save(session: Session, actor: Actor, key: str, value: str, default: str) -> None:
    """Set ``key`` to ``value`` (the caller checked who may and what is valid); the audit
    entry says what it was before (``default`` when never set)."""
    setting = session.get(Setting, key)
    before = setting.value if setting else default
    if setting is None:
        session.add(Setting(key=key, value=value))
    else:
        setting.value = value
    _audit(session, actor, key, before, value)


def clear(session: Session, actor: Actor, key: str, default: str) -> None:
    """Remove ``key`` (a shop's own value: it follows the team's again), audited; nothing to
    do when it was never set."""
    setting = session.get(Setting, key)
    if setting is None:
        return
    before = setting.value
    session.delete(setting)
    _audit(session, actor, key, before, default)


def _audit(session: Session, actor: Actor, key: str, before: str, after: str) -> None:
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="setting",
        entity="setting",
        entity_key=key,
        before={"value": before},
        after={"value": after},
    )
