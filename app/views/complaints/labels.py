"""How complaints and disputes read on screen: labels, deadlines, lateness."""

from __future__ import annotations

from datetime import datetime

from app.models.complaint_enums import StepKind
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.complaints import escalation
from app.services.complaints.rows import ComplaintView, StepView
from app.views.kit.ops import translate

DEADLINES = {
    escalation.RESPOND: QT_TRANSLATE_NOOP("Complaints", "no first response by the deadline"),
    escalation.RESOLVE: QT_TRANSLATE_NOOP("Complaints", "not resolved by the deadline"),
}


def step_text(step: StepView) -> str:
    """One signed line: when, who, what, and what was said."""
    what = translate("ComplaintStep", step.kind.label)
    said = step.text
    if step.kind is StepKind.AUTO_ESCALATE:
        said = translate("Complaints", DEADLINES.get(step.text, step.text))
    return f"{short_time(step.at)}  {step.by}  {what}" + (f"：{said}" if said else "")


def due_text(c: ComplaintView) -> str:
    if c.due is None:
        return ""
    return short_time(c.due)


def late_text(due: datetime | None, now: datetime, done: bool = False) -> str:
    """“overdue 3 h” or “5 h left”, in whole hours (minutes under one hour)."""
    if due is None or done:
        return ""
    seconds = (due - now).total_seconds()
    amount = abs(seconds)
    if amount >= 3600:
        span = translate("Complaints", "{n} h").format(n=int(amount // 3600))
    else:
        span = translate("Complaints", "{n} min").format(n=int(amount // 60))
    if seconds <= 0:
        return translate("Complaints", "overdue {span}").format(span=span)
    return translate("Complaints", "{span} left").format(span=span)
