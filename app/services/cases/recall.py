"""The data of the two-copy recall slip (两联快件退回单, docs/domain.md rule 5)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import CaseType
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.printing.recall_slip import RecallSlip
from app.services.cases import opening as cases
from app.services.dispatch.slips import language_of


def recall_slip(session: Session, case_no: str) -> RecallSlip:
    """The data of the two-copy recall slip (两联快件退回单); only a recall case has one."""
    case = cases.get(session, case_no)
    if case.type is not CaseType.RECALL or case.order_no is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Case {case_no} is not a parcel recall."),
            case_no=case.case_no,
        )
    order = cases.find_order(session, case.order_no)
    shop = order.shop
    if not (shop.return_address or "").strip():
        # the slip tells the courier where the parcel goes back to (its “退回至” line)
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Shop “{shop}” has no return address, so the recall slip could not say where "
                "the parcel goes back to. An administrator sets it on the Shops page (or with "
                "“afterdesk print sender”); then print the slip again.",
            ),
            shop=shop.name,
        )
    return RecallSlip(
        case_no=case.case_no,
        order_no=order.order_no,
        shop=shop.name,
        courier=case.return_courier or order.courier,
        tracking_no=case.return_tracking_no or order.tracking_no or "",
        recipient_name=order.recipient_name,
        recipient_phone=order.recipient_phone,
        address=f"{order.province}{order.city}{order.district}{order.street}",
        reason=case.reason,
        opened_by=case.opened_by,
        opened_at=case.opened_at,
        return_address=shop.return_address,
        sender_name=shop.sender_name or "",
        sender_phone=shop.sender_phone or "",
        language=language_of(shop),
    )
