"""The administrator's deadline settings as one screen reads and saves them (docs/supervision.md):
complaint categories, each priority's deadlines, how long each kind of task may take (the team's
and a shop's own) and the working hours (the team's and a shop's own).

A save is one transaction: every value is checked by the service that owns it
(complaints/settings.py, deadline_settings.py), a refusal names the field it is about, and the
caller's transaction rolls back, so nothing is half-saved. Values left as they were are not
written again (the audit log keeps only real changes).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Shop
from app.models.complaint_enums import Priority
from app.models.errors import FieldRefused, UserError
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.complaints import settings as complaint_settings
from app.services.complaints.settings import CategoryEdit, CategoryRow, Deadlines
from app.services.core import shared_settings
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.supervision import deadline_settings, worktime
from app.services.supervision.deadline_settings import parse_hours
from app.services.supervision.deadlines import TaskKind, Within, kinds

ACTIONS = (Action.DEADLINE_SETTINGS, Action.COMPLAINT_SETTINGS)  # the screen needs both


@dataclass(frozen=True)
class KindRow:
    kind: TaskKind
    default: float  # hours when never set
    team: float  # the team's hours now
    shops: dict[int, float]  # the shops that keep their own
    on_the_clock: bool  # counted on the clock, not in working hours


@dataclass(frozen=True)
class Form:
    categories: list[CategoryRow]
    priorities: dict[Priority, Deadlines]
    kinds: list[KindRow]
    shops: list[tuple[int, str]]  # id, name
    team_hours: str  # empty: on the clock
    shop_hours: dict[int, str]  # the shops with hours of their own


@dataclass(frozen=True)
class Changes:
    """The screen as the administrator leaves it: hours as typed."""

    categories: list[CategoryEdit]
    priorities: dict[Priority, tuple[str, str]]  # first response, resolution
    team: dict[TaskKind, str]
    shops: dict[tuple[TaskKind, int], str] = field(default_factory=dict)  # empty: the team's
    team_hours: str = ""
    shop_hours: dict[int, str | None] = field(default_factory=dict)  # None: the team's


def _settable() -> list[tuple[TaskKind, Within]]:
    return [
        (spec.kind, spec.rule)
        for spec in kinds()
        if deadline_settings.settable(spec) and isinstance(spec.rule, Within)
    ]


def _key(kind: TaskKind, shop: int | None = None) -> str:
    key = deadline_settings.SETTING.format(kind=kind.value)
    return key if shop is None else f"{key}:{shop}"


def _hours(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def load(session: Session, actor: Actor) -> Form:
    for action in ACTIONS:
        require(session, actor, action)
    values = deadline_settings.settings(session)
    found = session.execute(select(Shop.id, Shop.name).order_by(Shop.name))
    shops = [(row.id, row.name) for row in found]
    rows = []
    for kind, rule in _settable():
        own = {shop: _hours(values.get(_key(kind, shop), "")) for shop, _name in shops}
        rows.append(
            KindRow(
                kind,
                rule.default.total_seconds() / 3600,
                rule.duration(session).total_seconds() / 3600,
                {shop: hours for shop, hours in own.items() if hours is not None},
                rule.on_the_clock,
            )
        )
    return Form(
        complaint_settings.category_rows(session),
        {p: complaint_settings.deadlines(session, p) for p in Priority},
        rows,
        shops,
        values.get(worktime.key(None), ""),
        {shop: values[worktime.key(shop)] for shop, _ in shops if worktime.key(shop) in values},
    )


Field = Label | tuple[Label, ...]


@contextmanager
def _about(field: Field) -> Iterator[None]:
    """A refusal inside says which field: a shop's name and the kind, or the priority, in the
    user's language."""
    try:
        yield
    except UserError as error:
        raise FieldRefused(field, error) from error


def save(session: Session, actor: Actor, changes: Changes) -> Form:
    """Check and save the whole screen (the caller's one transaction)."""
    for action in ACTIONS:
        require(session, actor, action)
    form = load(session, actor)
    names = dict(form.shops)
    as_loaded = [CategoryEdit(r.name, r.name, r.retired) for r in form.categories]
    if changes.categories != as_loaded:
        with _about(Label(QT_TRANSLATE_NOOP("Field", "Categories"))):
            complaint_settings.save_categories(session, actor, changes.categories)
    for priority, (respond, resolve) in changes.priorities.items():
        with _about(Label(priority.label, "Priority")):
            due = Deadlines(float(parse_hours(respond)), float(parse_hours(resolve)))
            if due != form.priorities[priority]:
                complaint_settings.set_deadlines(session, actor, priority, due.respond, due.resolve)
    by_kind = {row.kind: row for row in form.kinds}
    for kind, text in changes.team.items():
        with _about(Label(kind.label, "TaskKind")):
            value = parse_hours(text)
        if float(value) != by_kind[kind].team:
            deadline_settings.set_duration(session, actor, kind.value, str(value))
    for (kind, shop), text in changes.shops.items():
        if not text.strip():  # the team's again
            shared_settings.clear(session, actor, _key(kind, shop), "")
            continue
        with _about((Label(names.get(shop, str(shop)), "Shop"), Label(kind.label, "TaskKind"))):
            value = parse_hours(text)
        if float(value) != by_kind[kind].shops.get(shop):
            deadline_settings.set_duration(session, actor, kind.value, str(value), shop)
    working = Label(QT_TRANSLATE_NOOP("Field", "Working hours"))
    with _about(working):
        team_hours = worktime.text_of(worktime.parse(changes.team_hours))
    if team_hours != form.team_hours:
        deadline_settings.set_hours(session, actor, team_hours)
    for shop, own in changes.shop_hours.items():
        if own is None:  # the team's again
            shared_settings.clear(session, actor, worktime.key(shop), "")
            continue
        with _about((Label(names.get(shop, str(shop)), "Shop"), working)):
            hours = worktime.text_of(worktime.parse(own))
        if hours != form.shop_hours.get(shop):
            deadline_settings.set_hours(session, actor, hours, shop)
    session.info.pop("supervision.settings", None)  # read again, with the new values
    return load(session, actor)
