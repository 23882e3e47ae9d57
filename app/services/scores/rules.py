"""The score rules: the procedure's list per role, data the administrator edits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ScoreRule
from app.models.errors import InvalidInput, NotFound
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action

CORRECTION = "correction"  # a correction of an approved month: points given by the person


@dataclass(frozen=True)
class RuleView:
    id: int
    code: str
    role: str  # "" for anyone
    points: int
    max_points: int | None
    title_zh: str
    title_en: str
    active: bool

    def title(self, language: str) -> str:
        return self.title_zh if language.startswith("zh") else self.title_en

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "role": self.role,
            "points": self.points,
            "max_points": self.max_points,
            "zh": self.title_zh,
            "en": self.title_en,
            "active": self.active,
        }


def view(row: ScoreRule) -> RuleView:
    return RuleView(
        row.id,
        row.code,
        row.role,
        row.points,
        row.max_points,
        row.title_zh,
        row.title_en,
        row.active,
    )


def all_rules(session: Session) -> list[RuleView]:
    rows = session.execute(select(ScoreRule).order_by(ScoreRule.role, ScoreRule.id)).scalars()
    return [view(r) for r in rows]


def by_code(session: Session, code: str) -> ScoreRule:
    row = session.execute(
        select(ScoreRule).where(ScoreRule.code == (code or "").strip())
    ).scalar_one_or_none()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("UserError", "There is no score rule “{code}”."), code=code
        )
    return row


def points_for(rule: ScoreRule, points: int | None) -> int:
    """The entry's points: the rule's, or a person's choice within the rule's range."""
    if points is None:
        if rule.points == 0:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "Rule “{code}” needs the points (--points)."),
                code=rule.code,
            )
        return rule.points
    if rule.code == CORRECTION:
        if points == 0 or abs(points) > 100:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "A correction is between −100 and +100 points.")
            )
        return points
    low, high = sorted(
        (rule.points, rule.max_points if rule.max_points is not None else rule.points)
    )
    if not low <= points <= high:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Rule “{code}” gives {low} to {high} points."),
            code=rule.code,
            low=low,
            high=high,
        )
    return points


def edit(
    session: Session,
    actor: Actor,
    code: str,
    *,
    points: int | None = None,
    active: bool | None = None,
) -> RuleView:
    """The administrator changes what a rule is worth, or turns it off (its proposals stop)."""
    require(session, actor, Action.SCORE_APPROVE)
    row = by_code(session, code)
    before = view(row).to_json()
    if points is not None:
        if abs(points) > 100:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "A rule is worth between −100 and +100 points.")
            )
        row.points = points
    if active is not None:
        row.active = active
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="score.rule",
        entity="score_rule",
        entity_key=row.code,
        before=before,
        after=view(row).to_json(),
    )
    return view(row)
