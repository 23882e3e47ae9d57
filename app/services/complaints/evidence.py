"""The evidence pack of a dispute's case (or order): gathered, worded, drawn, written.

What goes in (issue 13 §4): the dispute(s), the order with its items and tracking numbers,
every note with its signature and date, each case's facts, the warehouse's signed inspection,
the recall slip's signature state, the timeline with who and when, and the photos with the
SHA-256 of their original files. Worded in the shop's document language, through the same
translations as the screens (context "EvidencePack" and the enums' own).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.i18n import CHINESE, Translator
from app.models import (
    Case,
    CasePhoto,
    CaseState,
    CaseType,
    DocLanguage,
    Note,
    Order,
    PhotoPurpose,
    SignoffResult,
    Stage,
)
from app.models.errors import InvalidInput, NotFound
from app.models.formats import short_time, signed
from app.models.i18n import QT_TRANSLATE_NOOP
from app.printing.data import PdfResult
from app.printing.evidence_pack import Block, EvidencePack, Facts, Photo, Rows, evidence_pdf
from app.services.cases.rows import TimelineEntry, timeline
from app.services.cases.timeline import TIMELINE_LABELS
from app.services.complaints import disputes
from app.services.complaints.rows import DisputeView
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.outputs import check_outputs, write_beside
from app.services.core.rows import masked_phone
from app.services.dispatch.slips import language_of
from app.services.orders import lookup
from app.services.supervision import clock


class Say:
    """Words for the document: Chinese, English, or both side by side (``translate`` has
    QCoreApplication's name and shape, so lupdate finds the strings)."""

    def __init__(self, language: DocLanguage) -> None:
        self.language = language
        self.chinese = Translator(CHINESE)

    def translate(self, context: str, text: str) -> str:
        if self.language is DocLanguage.EN:
            return text
        zh = self.chinese(context, text)
        if self.language is DocLanguage.ZH or zh == text:
            return zh
        return f"{zh} {text}"


def wording(language: DocLanguage) -> Say:
    return Say(language)


@dataclass(frozen=True)
class PackMade:
    ref: str
    pages: int
    photos: int
    size: int
    path: Path | None
    pdf: PdfResult


def _target(session: Session, ref: str) -> tuple[Order, list[Case]]:
    """A case number (that case), an order number (all its cases) or a dispute number."""
    key = (ref or "").strip()
    found = session.execute(select(Case).where(Case.case_no == key.upper())).scalar_one_or_none()
    if found is not None:
        if found.order_id is None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError", "Case {case_no} is not linked to an order: no evidence pack yet."
                ),
                case_no=found.case_no,
            )
        order = session.get(Order, found.order_id)
        assert order is not None
        return order, [found]
    try:
        d: DisputeView | None = disputes.get(session, key)
    except NotFound:  # not a dispute number: an order number then
        d = None
    if d is not None and d.case_no:
        return _target(session, d.case_no)
    order_no = d.order_no if d is not None else key
    order_id = lookup.order_id(session, order_no)
    order = session.get(Order, order_id)
    assert order is not None
    cases = session.execute(select(Case).where(Case.order_id == order.id).order_by(Case.id))
    return order, list(cases.scalars())


def _order_blocks(session: Session, order: Order, say: Say) -> list[Block]:
    stage = say.translate("Stage", Stage(order.stage).label)
    place = " ".join(p for p in (order.province, order.city, order.district) if p)
    facts = Facts(
        say.translate("EvidencePack", "Order"),
        [
            (say.translate("EvidencePack", "Order no."), order.order_no),
            (say.translate("EvidencePack", "Shop"), f"{order.shop.name} ({order.shop.platform})"),
            (say.translate("EvidencePack", "Buyer"), order.buyer_id),
            (
                say.translate("EvidencePack", "Recipient"),
                f"{order.recipient_name} {masked_phone(order.recipient_phone)}",
            ),
            (say.translate("EvidencePack", "Ship to"), place),
            (say.translate("EvidencePack", "Paid"), short_time(order.paid_at)),
            (say.translate("EvidencePack", "Total"), f"{order.total:.2f} {order.currency}"),
            (say.translate("EvidencePack", "Stage"), stage),
            (
                say.translate("EvidencePack", "Courier and tracking no."),
                f"{order.courier} {order.tracking_no or '-'}".strip(),
            ),
            (say.translate("EvidencePack", "Buyer's message"), order.buyer_message or "-"),
        ],
    )
    items = Rows(
        say.translate("EvidencePack", "Items"),
        [
            say.translate("EvidencePack", "SKU"),
            say.translate("EvidencePack", "Item"),
            say.translate("EvidencePack", "Options"),
            say.translate("EvidencePack", "Qty"),
            say.translate("EvidencePack", "Price"),
        ],
        [
            (
                i.sku,
                i.title,
                " ".join(f"{k}:{v}" for k, v in (i.attributes or {}).items()),
                str(i.quantity),
                f"{i.price:.2f}",
            )
            for i in order.items
        ],
        (18, 40, 22, 6, 10),
    )
    notes = session.execute(select(Note).where(Note.order_id == order.id).order_by(Note.id))
    note_rows = Rows(
        say.translate("EvidencePack", "Notes (signed and dated)"),
        [
            say.translate("EvidencePack", "Time"),
            say.translate("EvidencePack", "Signed by"),
            say.translate("EvidencePack", "Note with its signature"),
        ],
        [
            (short_time(n.created_at), n.author_name, signed(n.text, n.created_at, n.author_name))
            for n in notes.scalars()
        ],
        (16, 12, 72),
        empty=say.translate("EvidencePack", "No notes on this order."),
    )
    return [facts, items, note_rows]


def _dispute_block(views: list[DisputeView], say: Say) -> list[Block]:
    return [
        Facts(
            say.translate("EvidencePack", "Dispute on the platform"),
            [
                (say.translate("EvidencePack", "Platform"), v.platform),
                (say.translate("EvidencePack", "Dispute no."), v.dispute_no),
                (say.translate("EvidencePack", "Deadline"), short_time(v.deadline)),
                (say.translate("EvidencePack", "Buyer's claim"), v.claim),
                (say.translate("EvidencePack", "Owner"), v.owner),
                (
                    say.translate("EvidencePack", "Outcome"),
                    say.translate("Outcome", v.outcome.label)
                    if v.outcome
                    else say.translate("EvidencePack", "open"),
                ),
            ],
        )
        for v in views
    ]


def _step_text(entry: TimelineEntry, say: Say) -> str:
    label = TIMELINE_LABELS.get(entry.action)
    return say.translate("CaseTimeline", label) if label else entry.action


def _detail(entry: TimelineEntry, say: Say) -> str:
    d = entry.details
    parts: list[str] = []
    for key in ("return_tracking_no", "tracking_no", "amount", "reason", "dispute_no"):
        if d.get(key):
            parts.append(str(d[key]))
    if entry.action == "case.signoff" and d.get("result"):
        parts.append(say.translate("SignoffResult", SignoffResult(d["result"]).label))
    if entry.action == "case.recall_slip" and d.get("copy"):
        parts.append(say.translate("EvidencePack", "copy {n}").format(n=d["copy"]))
    if d.get("state"):
        parts.append(say.translate("CaseState", CaseState(d["state"]).label))
    return "; ".join(parts)


def _case_blocks(
    session: Session, order: Order, case: Case, say: Say, photo_rows: list[CasePhoto]
) -> list[Block]:
    kind = CaseType(case.type)
    facts = [
        (say.translate("EvidencePack", "Case no."), case.case_no),
        (say.translate("EvidencePack", "Type"), say.translate("CaseType", kind.label)),
        (
            say.translate("EvidencePack", "State"),
            say.translate("CaseState", CaseState(case.state).label),
        ),
        (say.translate("EvidencePack", "Opened"), f"{short_time(case.opened_at)} {case.opened_by}"),
        (say.translate("EvidencePack", "Customer's reason"), case.reason or "-"),
    ]
    if case.quality:
        facts.append(
            (say.translate("EvidencePack", "Quality problem at"), case.defect_location or "-")
        )
    tracking = [
        (
            say.translate("EvidencePack", "Order's tracking no."),
            f"{order.courier} {order.tracking_no or '-'}",
        )
    ]
    if case.return_tracking_no:
        tracking.append(
            (
                say.translate("EvidencePack", "Return tracking no."),
                f"{case.return_courier} {case.return_tracking_no}",
            )
        )
    if case.exchange_tracking_no:
        tracking.append(
            (
                say.translate("EvidencePack", "Exchange tracking no."),
                f"{case.exchange_courier} {case.exchange_tracking_no}",
            )
        )
    if case.signoff_at is not None:
        result = say.translate(
            "SignoffResult", SignoffResult(case.signoff_result or "as_described").label
        )
        inspection = say.translate("EvidencePack", "{result}, signed by {name} at {time}").format(
            result=result, name=case.signoff_by, time=short_time(case.signoff_at)
        )
        if case.signoff_notes:
            inspection += f" — {case.signoff_notes}"
    else:
        inspection = say.translate("EvidencePack", "not signed by the warehouse")
    signatures = [(say.translate("EvidencePack", "Warehouse inspection"), inspection)]
    if kind is CaseType.RECALL:
        signatures.append(
            (say.translate("EvidencePack", "Recall slip"), _recall_state(session, case, say))
        )
    if case.refund_at is not None:
        signatures.append(
            (
                say.translate("EvidencePack", "Refund"),
                f"{case.refund_amount:.2f} — {case.refund_by} {short_time(case.refund_at)}",
            )
        )
    steps = timeline(audit.history(session, "case", case.case_no))
    blocks: list[Block] = [
        Facts(say.translate("EvidencePack", "Case {case_no}").format(case_no=case.case_no), facts),
        Facts(say.translate("EvidencePack", "Tracking numbers"), tracking),
        Facts(say.translate("EvidencePack", "Signatures"), signatures),
        Rows(
            say.translate("EvidencePack", "Timeline"),
            [
                say.translate("EvidencePack", "Time"),
                say.translate("EvidencePack", "Who"),
                say.translate("EvidencePack", "Step"),
                say.translate("EvidencePack", "Details"),
            ],
            [(short_time(e.at), e.who, _step_text(e, say), _detail(e, say)) for e in steps],
            (16, 12, 34, 38),
        ),
    ]
    for n, p in enumerate(photo_rows, 1):
        purpose = say.translate("PhotoPurpose", PhotoPurpose(p.purpose).label)
        blocks.append(
            Photo(
                [
                    say.translate("EvidencePack", "Photo {n} of {count}: {purpose}, {name}").format(
                        n=n, count=len(photo_rows), purpose=purpose, name=p.filename or "-"
                    ),
                    say.translate(
                        "EvidencePack", "Added by {name} at {time}; original {w}×{h} px, {kb} KB"
                    ).format(
                        name=p.added_by,
                        time=short_time(p.added_at),
                        w=p.width,
                        h=p.height,
                        kb=round(p.size / 1024),
                    ),
                    say.translate("EvidencePack", "SHA-256 of the original file: {digest}").format(
                        digest=p.sha256
                    ),
                ],
                bytes(p.display),
                p.display_mime,
            )
        )
    return blocks


def _recall_state(session: Session, case: Case, say: Say) -> str:
    prints = [
        e for e in audit.history(session, "case", case.case_no) if e.action == "case.recall_slip"
    ]
    printed = (
        say.translate("EvidencePack", "printed {n} time(s), last by {name} at {time}").format(
            n=len(prints), name=prints[-1].actor_name, time=short_time(prints[-1].at)
        )
        if prints
        else say.translate("EvidencePack", "not printed")
    )
    if case.parcel_back_at is not None:
        back = say.translate("EvidencePack", "“原包裹已收到” signed by {name} at {time}").format(
            name=case.parcel_back_by, time=short_time(case.parcel_back_at)
        )
    else:
        back = say.translate("EvidencePack", "“原包裹已收到” not signed yet")
    return f"{printed}; {back}"


def build(session: Session, actor: Actor, ref: str) -> tuple[EvidencePack, int]:
    """The pack's worded blocks (a read) and how many photos it embeds."""
    require(session, actor, Action.DISPUTE_READ)
    order, cases = _target(session, ref)
    say = wording(language_of(order.shop))
    now = clock.now(session)
    views = [
        v
        for v in disputes.for_order(session, order.order_no, now)
        if v.case_no is None or v.case_no in {c.case_no for c in cases}
    ]
    blocks: list[Block] = [*_dispute_block(views, say), *_order_blocks(session, order, say)]
    photo_count = 0
    for case in cases:
        photos = list(
            session.execute(
                select(CasePhoto).where(CasePhoto.case_id == case.id).order_by(CasePhoto.id)
            ).scalars()
        )
        photo_count += len(photos)
        blocks += _case_blocks(session, order, case, say, photos)
    subject = cases[0].case_no if len(cases) == 1 else order.order_no
    pack = EvidencePack(
        title=say.translate("EvidencePack", "Evidence pack"),
        subtitle=say.translate("EvidencePack", "{subject} · order {order_no} · {shop}").format(
            subject=subject, order_no=order.order_no, shop=order.shop.name
        ),
        blocks=blocks,
        page_label=say.translate("EvidencePack", "Page {page}/{pages}"),
        printed=say.translate("EvidencePack", "Made by {name} at {time}").format(
            name=actor.display_name, time=short_time(now)
        ),
    )
    return pack, photo_count


def make(
    db: Database, actor: Actor, ref: str, out: Path | None = None, *, overwrite: bool = False
) -> PackMade:
    """Draw the pack from one read; write it beside ``out``, then rename it into place (a
    refusal or a full disk leaves no file)."""
    if out is not None:
        if out.suffix.lower() != ".pdf":
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "The evidence pack is a PDF: name it “….pdf”.")
            )
        check_outputs(db.url, [out], overwrite=overwrite)
    pack, photos = db.read(lambda s: build(s, actor, ref))
    pdf = evidence_pdf(pack)
    if out is not None:
        write_beside(out, lambda temp: temp.write_bytes(pdf.data))
    return PackMade(ref, pdf.pages, photos, len(pdf.data), out, pdf)
