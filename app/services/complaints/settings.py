"""What the shop sets for complaints: its categories and each priority's deadlines.

The generic manuals give urgent 2 h, general 24 h and a return or exchange request 48 h for the
first response; the resolution deadlines are ours (the shop changes both). Hours are working
hours where the shop set its shifts (supervision/worktime.py), otherwise on the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from app.models import Setting
from app.models.complaint_enums import DEFAULT_CATEGORIES, Priority
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text

CATEGORIES = "complaint_categories"
MAX_CATEGORY = 40
MAX_HOURS = 24 * 30


@dataclass(frozen=True)
class Deadlines:
    respond: float  # hours to the first response
    resolve: float  # hours to the resolution

    @property
    def respond_in(self) -> timedelta:
        return timedelta(hours=self.respond)

    @property
    def resolve_in(self) -> timedelta:
        return timedelta(hours=self.resolve)


DEFAULT_DEADLINES = {
    Priority.URGENT: Deadlines(2, 24),
    Priority.GENERAL: Deadlines(24, 72),
    Priority.RETURN_EXCHANGE: Deadlines(48, 96),
}


def _key(priority: Priority) -> str:
    return f"complaint_hours:{priority.value}"


def categories(session: Session) -> list[str]:
    setting = session.get(Setting, CATEGORIES)
    if setting is None:
        return list(DEFAULT_CATEGORIES)
    return [c for c in setting.value.split("\n") if c]


def set_categories(session: Session, actor: Actor, names: list[str]) -> list[str]:
    user = require(session, actor, Action.COMPLAINT_SETTINGS)
    field = Label(QT_TRANSLATE_NOOP("Field", "Category"))
    cleaned: list[str] = []
    for name in names:
        text = clean_text(name, field=field, max_len=MAX_CATEGORY)
        if text not in cleaned:
            cleaned.append(text)
    if not cleaned:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "Give at least one category."))
    _store(session, CATEGORIES, "\n".join(cleaned))
    audit.record(
        session,
        actor_id=user.id,
        actor_name=user.display_name,
        action="complaint.categories",
        entity="setting",
        entity_key=CATEGORIES,
        after={"categories": cleaned},
    )
    return cleaned


def deadlines(session: Session, priority: Priority) -> Deadlines:
    setting = session.get(Setting, _key(priority))
    if setting is None:
        return DEFAULT_DEADLINES[priority]
    respond, _, resolve = setting.value.partition(",")
    return Deadlines(float(respond), float(resolve))


def set_deadlines(
    session: Session, actor: Actor, priority: Priority, respond: float, resolve: float
) -> Deadlines:
    user = require(session, actor, Action.COMPLAINT_SETTINGS)
    for value in (respond, resolve):
        if not 0 < value <= MAX_HOURS:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError", "A deadline is between 0 and {max} hours; {value} is not."
                ),
                max=MAX_HOURS,
                value=value,
            )
    if resolve < respond:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The resolution deadline cannot come before the first response's."
            )
        )
    _store(session, _key(priority), f"{respond:g},{resolve:g}")
    audit.record(
        session,
        actor_id=user.id,
        actor_name=user.display_name,
        action="complaint.deadlines",
        entity="setting",
        entity_key=_key(priority),
        after={"respond_hours": respond, "resolve_hours": resolve},
    )
    return Deadlines(respond, resolve)


def _store(session: Session, key: str, value: str) -> None:
    setting = session.get(Setting, key)
    if setting is None:
        session.add(Setting(key=key, value=value))
    else:
        setting.value = value
