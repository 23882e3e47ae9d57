"""Propose the month's entries from the records: every source, each finding once.

Proposing again finds the same failures and adds only new ones (a proposal's key is its
rule, evidence and person), so a dismissed proposal never comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import EntryState, ScoreEntry, ScoreRule
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.scores import months, sources, sources_complaints, sources_deadlines
from app.services.scores.months import Month
from app.services.scores.sources import Period, Proposal, Source
from app.services.supervision import clock

SIGNATURE = "AfterDesk"
# every rule the records show: orders, cases, roster; complaints and disputes; deadlines
SOURCES: tuple[Source, ...] = (
    sources.SOURCES + sources_complaints.SOURCES + sources_deadlines.SOURCES
)  # a proposal is recorded by the system; a person decides it


@dataclass(frozen=True)
class Proposed:
    found: int  # failures the sources saw
    added: int  # new proposals (the rest were proposed before)


def find(
    session: Session,
    month: Month,
    now: datetime | None = None,
    sources: tuple[Source, ...] = SOURCES,
) -> list[Proposal]:
    """What the sources see in the month's records (nothing written), judged at ``now``, else
    the deadlines' clock (AFTERDESK_NOW fixes it, as for My tasks)."""
    start, end = month.bounds()
    period = Period(session, month, start, end, now or clock.now(session))
    found: dict[str, Proposal] = {}
    for source in sources:
        for proposal in source(period):
            found.setdefault(proposal.key, proposal)
    return list(found.values())


def propose(session: Session, actor: Actor, month: Month, now: datetime | None = None) -> Proposed:
    require(session, actor, Action.SCORE_RECORD)
    months.refuse_unless_open(session, month)
    found = find(session, month, now)
    rules = {
        r.code: r for r in session.execute(select(ScoreRule).where(ScoreRule.active)).scalars()
    }
    wanted = [p for p in found if p.rule in rules]
    # a proposal's evidence lies in its month, so the month's keys are the ones to compare
    known = set(
        session.execute(
            select(ScoreEntry.proposal_key).where(
                ScoreEntry.month == str(month), ScoreEntry.proposal_key.is_not(None)
            )
        ).scalars()
    )
    stamp = db_now(session)
    fresh = [p for p in wanted if p.key not in known]
    # one multi-row INSERT: a month of a big shop proposes thousands
    rows = [
        dict(
            user_id=p.user_id,
            month=str(month),
            points=rules[p.rule].points,
            rule_id=rules[p.rule].id,
            reason=p.reason,
            reason_params=p.params,
            evidence_kind=p.evidence_kind,
            evidence_key=p.evidence_key[:40],
            evidence_order_no=p.order_no[:40],
            proposal_key=p.key,
            state=EntryState.PROPOSED.value,
            recorded_by_id=None,
            recorded_by=SIGNATURE,
            recorded_at=stamp,
            decided_by=None,
            decided_at=None,
            decision_reason="",
            corrects_id=None,
            version=1,
        )
        for p in fresh
    ]
    if rows:  # one executemany (a multi-row VALUES compiles far slower for thousands)
        session.execute(insert(ScoreEntry), rows)
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="score.propose",
        entity="score",
        entity_key=str(month),
        after={"found": len(wanted), "added": len(fresh)},
    )
    return Proposed(len(wanted), len(fresh))
