"""The data of the two-copy recall slip (两联快件退回单, docs/domain.md rule 5)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import CaseType
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.printing.recall_slip import RecallSlip
from app.services.cases import opening as cases


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
        return_address=getattr(shop, "return_address", "") or "",
        sender_name=getattr(shop, "sender_name", "") or "",
        sender_phone=getattr(shop, "sender_phone", "") or "",
    )
