"""Exchange parcels at the courier's hand-over (issue 11, docs/shipments.md), both databases.

The packing desk records the exchange label's number on its case; the number scanned goes
into the courier's list like an order's parcel, with the same refusals (another courier,
scanned twice, not packed yet, handed over already); the manifest names the case, and
confirming it records the exchange shipped with the time, in the case's timeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Case, CaseState, Handover, Order, Role
from app.models.errors import InvalidInput, TransitionRefused
from app.models.formats import local
from app.services.cases import opening as cases
from app.services.core import audit
from app.services.orders import notes
from app.services.packing import desk
from app.services.shipping import days, handover
from tests.case_helpers import shipped_orders
from tests.printing_helpers import chinese_documents, text
from tests.test_exchange_print import exchange_case, print_it, signed_for

LABEL = "SF1234567890123"  # the exchange's shipping label


@pytest.fixture
def shop_db(shop_db: Database) -> Database:
    chinese_documents(shop_db)
    return shop_db


def _courier(db: Database, order_no: str) -> str:
    return db.read(
        lambda s: s.execute(select(Order.courier).where(Order.order_no == order_no)).scalar_one()
    )


def _printed_exchange(db: Database, staff, tmp_path: Path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(case no., original order no.) of an exchange printed and waiting for the desk."""
    order_no = shipped_orders(db, 1)[0]
    case_no = exchange_case(db, staff, order_no)
    signed_for(db, staff, case_no, "YT1234567890123")
    print_it(db, staff[Role.PRINTER], case_no, tmp_path / "exchange.pdf")
    return case_no, order_no


def _case(db: Database, case_no: str) -> Case:
    return db.read(lambda s: cases.load(s, case_no))


def test_an_exchange_parcel_is_handed_over_and_shipped_on_its_case(
    shop_db, shop_staff, tmp_path
) -> None:
    warehouse = shop_staff[Role.WAREHOUSE]
    case_no, order_no = _printed_exchange(shop_db, shop_staff, tmp_path)
    courier = _courier(shop_db, order_no)
    # not packed yet: the label's number is nobody's, so it is not known
    with pytest.raises(Exception, match=f"No order has waybill number {LABEL}"):
        shop_db.write(lambda s: handover.scan(s, warehouse, courier, LABEL))
    shop_db.write(lambda s: desk.pack(s, warehouse, case_no, by_hand={0: 1}, waybill=LABEL))
    case = _case(shop_db, case_no)
    assert (case.exchange_tracking_no, case.exchange_courier) == (LABEL, courier)
    assert case.state == CaseState.RECEIVED.value and case.exchange_at is None

    other = "中通快递" if courier != "中通快递" else "顺丰速运"
    with pytest.raises(InvalidInput, match=f"belongs to {courier}, not {other}"):
        shop_db.write(lambda s: handover.scan(s, warehouse, other, LABEL))
    done = shop_db.write(lambda s: handover.scan(s, warehouse, courier, LABEL))
    assert done.case_no == case_no and done.order_nos == (order_no,) and done.count == 1
    with pytest.raises(InvalidInput, match="scanned twice"):
        shop_db.write(lambda s: handover.scan(s, warehouse, courier, LABEL))
    listed = shop_db.read(lambda s: handover.current(s, warehouse, courier))
    assert [(p.tracking_no, p.order_no, p.case_no) for p in listed.parcels] == [
        (LABEL, order_no, case_no)
    ]
    assert courier in shop_db.read(lambda s: handover.couriers(s, warehouse))

    out = tmp_path / "manifest.pdf"
    confirmed = handover.confirm(shop_db, warehouse, courier, out)
    assert confirmed.case_nos == (case_no,) and confirmed.order_nos == () and confirmed.count == 1
    page = text(out)
    assert LABEL in page and f"换货 {case_no}" in page
    # the case: shipped with the manifest's time, by who confirmed it, in its timeline
    case = _case(shop_db, case_no)
    assert case.state == CaseState.EXCHANGE_SHIPPED.value
    recorded = shop_db.read(
        lambda s: s.execute(
            select(Handover.confirmed_at).where(Handover.manifest_no == confirmed.manifest_no)
        ).scalar_one()
    )
    assert case.exchange_at == recorded  # the time its orders would be shipped with
    assert case.exchange_by == warehouse.display_name
    history = shop_db.read(lambda s: audit.history(s, "case", case_no))
    shipped = [e for e in history if e.action == "case.exchange_shipped"]
    assert len(shipped) == 1 and shipped[0].after["manifest_no"] == confirmed.manifest_no
    assert shipped[0].after["tracking_no"] == LABEL
    written = shop_db.read(lambda s: notes.for_order(s, order_no))
    assert any(f"换货已发出，单号为：{LABEL}" in n.text for n in written)
    # the day's list names the exchange shipped
    today = local(confirmed.confirmed_at).date()
    day = shop_db.read(lambda s: days.of_day(s, warehouse, today))
    assert [e.case_no for e in day.exchanges] == [case_no]
    # handed over: a second scan says so
    with pytest.raises(InvalidInput, match="handed over already"):
        shop_db.write(lambda s: handover.scan(s, warehouse, courier, LABEL))


def test_an_exchange_closed_before_the_courier_came_is_refused(
    shop_db, shop_staff, tmp_path
) -> None:
    warehouse, after = shop_staff[Role.WAREHOUSE], shop_staff[Role.AFTERSALES]
    case_no, order_no = _printed_exchange(shop_db, shop_staff, tmp_path)
    courier = _courier(shop_db, order_no)
    shop_db.write(lambda s: desk.pack(s, warehouse, case_no, by_hand={0: 1}, waybill=LABEL))
    shop_db.write(lambda s: handover.scan(s, warehouse, courier, LABEL))
    # after-sales recorded it shipped by hand meanwhile: the manifest refuses, ships nothing
    from app.services.cases import steps as case_steps

    shop_db.write(
        lambda s: case_steps.exchange_shipped(s, after, case_no, tracking=LABEL, courier=courier)
    )
    with pytest.raises(TransitionRefused, match=f"exchange of case {case_no} .*shipped already"):
        handover.confirm(shop_db, warehouse, courier, tmp_path / "manifest.pdf")
    assert not (tmp_path / "manifest.pdf").exists()
    assert len(shop_db.read(lambda s: handover.current(s, warehouse, courier)).parcels) == 1


def test_the_label_of_the_original_order_is_not_the_exchanges(
    shop_db, shop_staff, tmp_path
) -> None:
    warehouse = shop_staff[Role.WAREHOUSE]
    case_no, order_no = _printed_exchange(shop_db, shop_staff, tmp_path)
    first = shop_db.read(
        lambda s: s.execute(
            select(Order.tracking_no).where(Order.order_no == order_no)
        ).scalar_one()
    )
    with pytest.raises(InvalidInput, match=f"already order {order_no}'s"):
        shop_db.write(lambda s: desk.pack(s, warehouse, case_no, by_hand={0: 1}, waybill=first))
    assert _case(shop_db, case_no).exchange_packed_at is None
