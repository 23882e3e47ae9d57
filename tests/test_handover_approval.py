"""A voided order reaches after-sales by itself; an approval says why (issue 9, section 7)."""

from __future__ import annotations

from app.models import CaseType, RequestState, Role, Stage
from app.services.cases import handovers as case_handovers
from app.services.cases import opening as cases
from app.services.changes import requests as changes
from app.services.orders import lookup as orders


def test_a_voided_order_is_handed_to_aftersales_with_its_reason(shop_db, shop_staff) -> None:
    presales, printer = shop_staff[Role.PRESALES], shop_staff[Role.PRINTER]
    aftersales = shop_staff[Role.AFTERSALES]
    order_no = shop_db.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=1))[0].order_no
    request = shop_db.write(
        lambda s: changes.request_cancel(s, presales, order_no, reason="客户拍错了", confirmed=True)
    )
    assert request.state is RequestState.OPEN  # not printed yet: the printer voids it
    assert shop_db.read(case_handovers.handed_over) == []
    shop_db.write(lambda s: changes.acknowledge(s, printer, request.id))
    assert shop_db.read(lambda s: orders.get(s, order_no)).stage == Stage.CANCELLED.value
    [handed] = shop_db.read(case_handovers.handed_over)
    assert (handed.id, handed.order_no) == (request.id, order_no)
    assert "客户拍错了" in handed.summary
    suggested = shop_db.read(lambda s: case_handovers.suggested_case(s, order_no))
    assert suggested == case_handovers.CaseSuggestion(CaseType.REFUND_ONLY, "客户拍错了")
    # after-sales takes it up with the refund case; then it leaves the list
    case = shop_db.write(
        lambda s: cases.open_case(s, aftersales, order_no, CaseType.REFUND_ONLY, reason="作废退款")
    )
    assert case.change_request_id == request.id
    assert shop_db.read(case_handovers.handed_over) == []
