"""Signed, dated, append-only order notes (docs/domain.md rule 1, the seed's 红旗备注)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import Note, Order
from app.models.errors import InvalidInput
from app.models.formats import SIGNATURE_SEPARATOR
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.rows import NoteView, note_view
from app.services.core.validation import clean_text, record_id
from app.services.orders import lookup

MAX_NOTE = 1000


def _order(session: Session, order_no: str) -> Order:
    order = session.get(Order, lookup.order_id(session, order_no))
    assert order is not None
    return order


def add(
    session: Session,
    actor: Actor,
    order_no: str,
    text: str,
    *,
    flagged: bool = False,
    corrects_id: int | None = None,
    kind: str = "free",
) -> NoteView:
    """Write a note signed by the actor with the database's time. There is no edit or delete."""
    user = require(session, actor, Action.NOTE_ADD)
    body = clean_text(
        text, field=Label(QT_TRANSLATE_NOOP("Field", "Note")), max_len=MAX_NOTE, multiline=True
    )
    if SIGNATURE_SEPARATOR in body:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The signature (---date name) is added automatically; please remove “---”.",
            )
        )
    order = _order(session, order_no)
    if corrects_id is not None:
        record_id(corrects_id, Label(QT_TRANSLATE_NOOP("Field", "Note")))
        target = session.get(Note, corrects_id)
        if target is None or target.order_id != order.id:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "Note {id} is not a note of order {order_no}."),
                id=corrects_id,
                order_no=order.order_no,
            )
    note = Note(
        order_id=order.id,
        author_id=user.id,
        author_name=user.display_name,
        created_at=db_now(session),
        text=body,
        flagged=flagged,
        kind=kind,
        corrects_id=corrects_id,
    )
    session.add(note)
    session.flush()
    audit.record(
        session,
        actor_id=user.id,
        actor_name=user.display_name,
        action="note.add",
        entity="order",
        entity_key=order.order_no,
        after={
            "note_id": note.id,
            "text": body,
            "flagged": flagged,
            "corrects": corrects_id,
            "at": note.created_at,  # the signature's time, for verify to compare
        },
    )
    return note_view(note)


def for_order(session: Session, order_no: str) -> list[NoteView]:
    order = _order(session, order_no)
    notes = session.execute(select(Note).where(Note.order_id == order.id).order_by(Note.id))
    return [note_view(n) for n in notes.scalars()]
