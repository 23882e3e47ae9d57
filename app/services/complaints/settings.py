"""What the shop sets for complaints: its categories and each priority's deadlines.

The generic manuals give urgent 2 h, general 24 h and a return or exchange request 48 h for the
first response; the resolution deadlines are ours (the shop changes both). Hours are working
hours where the shop set its shifts (supervision/worktime.py), otherwise on the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from app.models import Complaint, Setting, User
from app.models.complaint_enums import DEFAULT_CATEGORIES, Priority
from app.models.errors import Conflict, InvalidInput, UserError
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
    _audit_categories(session, user, {}, {"categories": cleaned})
    return cleaned


def _audit_categories(
    session: Session, user: User, before: dict[str, Any], after: dict[str, Any]
) -> None:
    audit.record(
        session,
        actor_id=user.id,
        actor_name=user.display_name,
        action="complaint.categories",
        entity="setting",
        entity_key=CATEGORIES,
        before=before or None,
        after=after,
    )


# -- the categories as the settings screen edits them ---------------------------------------
RETIRED = "complaint_categories_retired"


@dataclass(frozen=True)
class CategoryRow:
    name: str
    in_use: int  # complaints filed under it
    retired: bool  # kept for the complaints filed under it; not offered for new ones


@dataclass(frozen=True)
class CategoryEdit:
    """One category as the screen leaves it: ``old`` its name as loaded (None: new)."""

    old: str | None
    name: str
    retired: bool = False


def _lines(session: Session, key: str) -> list[str]:
    setting = session.get(Setting, key)
    return [c for c in setting.value.split("\n") if c] if setting else []


def category_rows(session: Session) -> list[CategoryRow]:
    """The categories offered for new complaints, then the retired ones; a name complaints
    still carry that neither list has (dropped by ``complaint categories --set``) counts as
    retired, so no category in use ever disappears."""
    used = dict(
        session.execute(select(Complaint.category, func.count()).group_by(Complaint.category)).all()
    )
    active = categories(session)
    retired = [c for c in _lines(session, RETIRED) if c not in active]
    retired += sorted(c for c in used if c not in active and c not in retired)
    return [CategoryRow(c, int(used.get(c, 0)), False) for c in active] + [
        CategoryRow(c, int(used.get(c, 0)), True) for c in retired
    ]


def why_not_delete(row: CategoryRow) -> UserError | None:
    """A category complaints were filed under is retired, never deleted."""
    if row.in_use:
        return InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "“{name}” is used by {count} complaint(s): retire it instead of deleting it.",
            ),
            name=row.name,
            count=row.in_use,
        )
    return None


def save_categories(session: Session, actor: Actor, edits: list[CategoryEdit]) -> list[CategoryRow]:
    """Add, rename, retire, bring back and delete (unused ones) in one go. A renamed
    category's complaints carry the new name (lists and trends keep one name)."""
    user = require(session, actor, Action.COMPLAINT_SETTINGS)
    before = {row.name: row for row in category_rows(session)}
    field = Label(QT_TRANSLATE_NOOP("Field", "Category"))
    names: list[str] = []
    renamed: dict[str, str] = {}
    for edit in edits:
        name = clean_text(edit.name, field=field, max_len=MAX_CATEGORY)
        if name in names:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "The category “{name}” is listed twice."), name=name
            )
        if edit.old is not None and edit.old not in before:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "The categories were changed while you had them open. Reload them and try "
                    "again; nothing was saved.",
                )
            )
        if edit.old is not None and edit.old != name:
            renamed[edit.old] = name
        names.append(name)
    kept = {edit.old for edit in edits}
    for row in before.values():
        if row.name not in kept and (refused := why_not_delete(row)) is not None:
            raise refused
    active = [n for n, e in zip(names, edits, strict=True) if not e.retired]
    if not active:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "Give at least one category."))
    if renamed:  # one statement: two names swapped do not merge
        session.execute(
            update(Complaint)
            .where(Complaint.category.in_(list(renamed)))
            .values(category=case(renamed, value=Complaint.category))
        )
    retired = [n for n, e in zip(names, edits, strict=True) if e.retired]
    _store(session, CATEGORIES, "\n".join(active))
    _store(session, RETIRED, "\n".join(retired))
    _audit_categories(
        session,
        user,
        {"categories": [r.name for r in before.values() if not r.retired]},
        {"categories": active, "retired": retired, "renamed": renamed},
    )
    return category_rows(session)


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
