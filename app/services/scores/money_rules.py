"""The money rules in force: the shop's setting (``score_money``), the procedure's by default.

The administrator changes them (``afterdesk score money set``), audited like every shared
setting. An approved month keeps the rules it was approved under (a copy kept at approval,
``score_money@2026-11``), so a later change never alters a locked sheet's money; open and
submitted months are counted with the rules in force.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from app.models import MonthState, Setting
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import shared_settings
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import whole_number
from app.services.scores.money import DEFAULT, Band, MoneyRules
from app.services.scores.months import Month

SETTING = "score_money"
KEPT = "score_money@{month}"  # the rules an approved month was approved under
_BAND = re.compile(r"^\s*(\d{1,4})\s*[-–~]\s*(\d{1,4})\s*[:：=]\s*(\d{1,6})\s*$")
POINTS = ("dismissal_below", "reward_at", "team_full_marks", "team_failure_below")
AMOUNTS = ("reward", "team_bonus", "team_penalty")
FIELDS: dict[str, str] = {
    "dismissal_below": QT_TRANSLATE_NOOP("Field", "Dismissal below"),
    "reward_at": QT_TRANSLATE_NOOP("Field", "Reward at"),
    "team_full_marks": QT_TRANSLATE_NOOP("Field", "Team's full marks"),
    "team_failure_below": QT_TRANSLATE_NOOP("Field", "Team's failure below"),
    "reward": QT_TRANSLATE_NOOP("Field", "Reward"),
    "team_bonus": QT_TRANSLATE_NOOP("Field", "Supervisor's bonus"),
    "team_penalty": QT_TRANSLATE_NOOP("Field", "Supervisor's penalty"),
    "rate": QT_TRANSLATE_NOOP("Field", "元 a point"),
}


def _stored(session: Session, key: str) -> MoneyRules | None:
    row = session.get(Setting, key)
    if row is None:
        return None
    try:
        return MoneyRules.from_json(json.loads(row.value))
    except (ValueError, TypeError, AttributeError):
        return None  # a value no version of AfterDesk wrote: the procedure's rules


def current(session: Session) -> MoneyRules:
    return _stored(session, SETTING) or DEFAULT


def for_month(session: Session, month: Month, state: MonthState) -> MoneyRules:
    """The rules a month's money is counted with: an approved month's own, else today's."""
    kept = _stored(session, KEPT.format(month=month)) if state is MonthState.APPROVED else None
    return kept or current(session)


def keep_for(session: Session, month: Month) -> MoneyRules:
    """At approval: the month keeps the rules in force (the approval's audit entry says so)."""
    rules = current(session)
    session.merge(Setting(key=KEPT.format(month=month), value=_text(rules)))
    return rules


def _text(rules: MoneyRules) -> str:
    return json.dumps(rules.to_json(), sort_keys=True)


def parse_bands(text: str) -> tuple[Band, ...]:
    """ "100-90:10, 90-80:20" → ((100, 90, 10), (90, 80, 20))."""
    bands = []
    for part in re.split(r"[,，;；]", text or ""):
        if not part.strip():
            continue
        match = _BAND.match(part)
        if not match:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "“{text}” is not a band: write each as from-down to:元 a point, "
                    "e.g. 100-90:10, 90-80:20.",
                ),
                text=part.strip(),
            )
        bands.append((int(match.group(1)), int(match.group(2)), int(match.group(3))))
    return tuple(bands)


def check(rules: MoneyRules) -> MoneyRules:
    """Bands from high to low that do not overlap, within 0–200 points; sane amounts."""
    if not rules.bands:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "The money rules need a band."))
    floor = 200
    for high, low, rate in rules.bands:
        if not floor >= high > low >= 0:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "The band {high}-{low} does not fit: bands go from high to low, within "
                    "0 to 200 points, and do not overlap.",
                ),
                high=high,
                low=low,
            )
        whole_number(rate, field=Label(FIELDS["rate"]), low=0, high=100_000)
        floor = low
    for name in POINTS:
        whole_number(getattr(rules, name), field=Label(FIELDS[name]), low=0, high=200)
    for name in AMOUNTS:
        whole_number(getattr(rules, name), field=Label(FIELDS[name]), low=0, high=1_000_000)
    return rules


def change(session: Session, actor: Actor, **values: Any) -> MoneyRules:
    """The administrator changes some of the rules (``bands`` and the ``POINTS`` and
    ``AMOUNTS`` by name; None keeps a value); the rest stay as they are."""
    require(session, actor, Action.SCORE_APPROVE)
    given = {k: v for k, v in values.items() if v is not None}
    rules = check(replace(current(session), **given))
    shared_settings.save(session, actor, SETTING, _text(rules), _text(DEFAULT))
    return rules


def reset(session: Session, actor: Actor) -> MoneyRules:
    """Back to the procedure's rules (audited)."""
    require(session, actor, Action.SCORE_APPROVE)
    shared_settings.clear(session, actor, SETTING, _text(DEFAULT))
    return DEFAULT
