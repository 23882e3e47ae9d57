"""What the platform did to an order, as an import brings it in, on SQLite and PostgreSQL
(issue 10 rules R2, R3, R5, R7): cancelled unpaid orders, closed and refunded ones after
shipping, cancels and refunds of printed or packed orders, and masked recipients.

Records are built in Python (tests/import_helpers.py), as in tests/test_imports_merge.py.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from app.models import CaseType, ChangeRequest, Order, RequestPath, RequestState, Role, Stage
from app.services.cases import opening as cases
from app.services.changes import requests as changes
from app.services.changes.texts import Address as NewAddress
from app.services.core import audit
from app.services.dispatch import waiting as print_waiting
from app.services.imports.records import Address, FormatId, PlatformStatus, Sensitivity
from app.services.orders import notes
from tests.import_helpers import numbered, run, shopify, taobao
from tests.test_imports_merge import _order


def _waiting(db) -> dict[str, print_waiting.Waiting]:
    return {w.order_no: w for w in db.read(lambda s: print_waiting.waiting(s, cutoff=""))}


def _stage_entry(db, order_no: str) -> audit.AuditRow:
    [entry] = [e for e in db.read(lambda s: audit.history(s, "order", order_no)) if
               e.action == "order.import" and "stage" in e.after]  # fmt: skip
    return entry


def test_a_cancelled_unpaid_order_is_stored_as_cancelled(db, staff, tmp_path) -> None:
    """New in the file already cancelled (Taobao 交易关闭 never paid, Shopify voided), or
    awaiting payment in one export and cancelled in the next: cancelled, never printed."""
    printer = staff[Role.PRINTER]
    run(db, printer, tmp_path, numbered([
        taobao("U1", PlatformStatus.CANCELLED, paid_at=None),
        taobao("U2", PlatformStatus.AWAITING_PAYMENT),
    ]))  # fmt: skip
    run(db, printer, tmp_path, [shopify("#2001", PlatformStatus.CANCELLED, paid_at=None)],
        shop="Maple", platform="shopify", format=FormatId.SHOPIFY)  # fmt: skip
    for no, shop in (("U1", "悦步鞋履旗舰店"), ("#2001", "Maple")):
        order = _order(db, no, shop)
        assert (order.stage, order.paid_at) == ("cancelled", None)
    assert "U1" not in _waiting(db) and "#2001" not in _waiting(db)
    assert "U2" in _waiting(db)  # held back, awaiting payment

    later = run(db, printer, tmp_path, [taobao("U2", PlatformStatus.CANCELLED, paid_at=None)])
    assert later.counts.updated == 1
    unpaid = _order(db, "U2")
    assert (unpaid.stage, unpaid.paid_at) == ("cancelled", None)
    assert "U2" not in _waiting(db)
    entry = _stage_entry(db, "U2")
    assert (entry.before["stage"], entry.after["stage"]) == ("awaiting_payment", "cancelled")
    assert entry.actor_name == printer.display_name and entry.after["file"].endswith(".csv")
    assert db.read(lambda s: changes.queue(s)) == []  # nothing printed: nothing to retrieve
    assert db.read(audit.verify).ok


@pytest.mark.parametrize(
    ("before", "status"),
    [
        (PlatformStatus.SHIPPED, PlatformStatus.CLOSED),
        (PlatformStatus.SHIPPED, PlatformStatus.REFUNDED),
        (PlatformStatus.DELIVERED, PlatformStatus.REFUNDED),
    ],
)
def test_closed_or_refunded_after_shipping_moves_forward(
    db, staff, tmp_path, before, status
) -> None:
    printer = staff[Role.PRINTER]
    parcel = {"courier": "圆通速递", "tracking_no": "YT7000000001"}
    run(db, printer, tmp_path, [shopify("#3001", before, **parcel)], shop="Maple",
        platform="shopify", format=FormatId.SHOPIFY)  # fmt: skip
    version = _order(db, "#3001", "Maple").version
    later = run(db, printer, tmp_path, [shopify("#3001", status, **parcel)], shop="Maple",
                platform="shopify", format=FormatId.SHOPIFY)  # fmt: skip
    assert later.counts.updated == 1
    order = _order(db, "#3001", "Maple")
    assert order.stage == "closed" and order.platform_status == status.value
    assert order.tracking_no == "YT7000000001" and order.version > version
    entry = _stage_entry(db, "#3001")
    assert (entry.before["stage"], entry.after["stage"]) == (STAGE[before], "closed")
    assert entry.actor_name == printer.display_name
    assert db.read(lambda s: changes.queue(s)) == []  # the parcel left: no printer request
    # an older export read afterwards moves nothing back
    run(db, printer, tmp_path, [shopify("#3001", before, **parcel)], shop="Maple",
        platform="shopify", format=FormatId.SHOPIFY)  # fmt: skip
    assert _order(db, "#3001", "Maple").stage == "closed"


STAGE = {PlatformStatus.SHIPPED: "shipped", PlatformStatus.DELIVERED: "delivered"}


@pytest.mark.parametrize(
    ("here", "status", "path", "said"),
    [
        ("packed", PlatformStatus.CANCELLED, RequestPath.RETRIEVE_PARCEL_VOID, "关闭/取消"),
        ("packed", PlatformStatus.REFUNDED, RequestPath.RETRIEVE_PARCEL_VOID, "退款"),
        ("printed", PlatformStatus.REFUNDED, RequestPath.RETRIEVE_SLIPS_VOID, "退款"),
    ],
)
def test_a_cancel_or_refund_of_a_printed_or_packed_order_asks_the_printer(
    db, staff, tmp_path, here, status, path, said
) -> None:
    printer = staff[Role.PRINTER]
    run(db, printer, tmp_path, [shopify("#4001")], shop="Maple", platform="shopify",
        format=FormatId.SHOPIFY)  # fmt: skip
    db.write(lambda s: s.execute(update(Order).where(Order.order_no == "#4001").values(stage=here)))
    result = run(db, printer, tmp_path, [shopify("#4001", status)], shop="Maple",
                 platform="shopify", format=FormatId.SHOPIFY)  # fmt: skip
    assert result.counts.updated == 1
    order = _order(db, "#4001", "Maple")
    assert order.stage == here  # not silently changed: rule 2
    [request] = db.read(lambda s: changes.queue(s))
    assert (request.order_no, request.path, request.state) == ("#4001", path, RequestState.OPEN)
    assert request.urgent and said in request.summary
    [flag] = [n for n in order.notes if n.flagged]
    assert said in flag.text and flag.author_name == "Shopify (导入)"
    # the same export again asks nothing twice
    run(db, printer, tmp_path, [shopify("#4001", status), shopify("#4002")], shop="Maple",
        platform="shopify", format=FormatId.SHOPIFY)  # fmt: skip
    count = select(func.count()).select_from(ChangeRequest)
    assert db.read(lambda s: s.execute(count).scalar()) == 1
    db.write(lambda s: changes.acknowledge(s, printer, request.id))
    assert _order(db, "#4001", "Maple").stage == "cancelled"
    assert db.read(audit.verify).ok


def test_a_masked_order_takes_notes_changes_and_cases_but_does_not_print(
    db, staff, tmp_path
) -> None:
    """JD/拼多多 masked, 抖店 encrypted: kept as given and never printed as real; a person
    can still note it, change it, and open an after-sales case on it."""
    printer, presales = staff[Role.PRINTER], staff[Role.PRESALES]
    run(db, printer, tmp_path, numbered([
        taobao("M1", recipient_name="王**", recipient_phone="1******6198",
               sensitivity=Sensitivity.MASKED),
        taobao("M2", recipient_name="##E5B2A3F0C1D2##", recipient_phone="##9A8B7C6D5E4F##",
               sensitivity=Sensitivity.ENCRYPTED),
        taobao("M3", PlatformStatus.SHIPPED, recipient_name="李*",
               recipient_phone="138****5678", sensitivity=Sensitivity.MASKED,
               courier="圆通速递", tracking_no="YT7000000009"),
    ]))  # fmt: skip
    waiting = _waiting(db)
    for no, how in (("M1", "masked"), ("M2", "encrypted")):
        [hold] = waiting[no].holds
        assert "platform's own shipping tool" in hold.message()
        assert how in hold.message().lower()
        assert _order(db, no).sensitivity == how

    db.write(lambda s: notes.add(s, presales, "M1", "买家电话里确认了尺码"))
    assert [n.text for n in _order(db, "M1").notes if n.kind != "imported"] == [
        "买家电话里确认了尺码"
    ]
    # an address change asks for the real address: once made, the order prints
    real = NewAddress("王小明", "13800138000", "浙江省", "杭州市", "滨江区", "江南大道 1号")
    db.write(lambda s: changes.request_address(s, presales, "M2", real, confirmed=True))
    changed = _order(db, "M2")
    assert (changed.recipient_name, changed.district) == ("王小明", "滨江区")
    assert changed.sensitivity == "clear" and _waiting(db)["M2"].holds == ()
    # after-sales on the shipped masked order
    aftersales = staff[Role.AFTERSALES]
    case = db.write(
        lambda s: cases.open_case(s, aftersales, "M3", CaseType.RETURN, reason="尺码不合适")
    )
    assert case.order_no == "M3"
    assert _order(db, "M3").sensitivity == "masked"
    assert _order(db, "M1").stage == Stage.PAID.value
    assert db.read(audit.verify).ok


CHANGED_BOTH = "买家已在平台上修改收货地址和商品规格（sku），已按修改后的导入"


def test_the_platforms_own_change_of_address_or_sku_is_said_as_such(db, staff, tmp_path) -> None:
    """Taobao's 修改后的收货地址 / 修改后的sku: the order shows the changed values and a note
    says the buyer changed them on the platform, not the shop (issue 10, F1j)."""
    from tests.test_imports_formats_stored import import_fixture

    printer = staff[Role.PRINTER]
    import_fixture(db, printer, "悦步", "taobao/ExportOrderList2024.csv",
                   "taobao/ExportOrderDetailList2024.csv")  # fmt: skip
    changed = _order(db, "4012345678901234501", "悦步")
    assert (changed.district, changed.street) == ("高新区", "天府三街 99号 B座 808室")
    assert changed.items[0].attributes == {"颜色分类": "军绿", "尺码": "43"}
    said = {(n.text, n.author_name, n.kind) for n in changed.notes}
    assert said == {("改地址已确认", "淘宝 (导入)", "imported"),
                    (CHANGED_BOTH, "淘宝 (导入)", "imported")}  # fmt: skip
    assert [n.text for n in _order(db, "4012345678901234502", "悦步").notes] == []

    # a known order whose next export carries the buyer's new address
    run(db, printer, tmp_path, [taobao("P1")])
    moved = Address(province="浙江省", city="杭州市", district="滨江区", street="江南大道 1号")
    later = run(db, printer, tmp_path, [taobao("P1", address=moved,
                                               address_changed_on_platform=True)])  # fmt: skip
    assert later.counts.updated == 1
    order = _order(db, "P1")
    assert order.district == "滨江区"
    assert [n.text for n in order.notes] == ["买家已在平台上修改收货地址，已按修改后的导入"]
    [entry] = db.read(lambda s: audit.history(s, "order", "P1"))[-1:]
    assert entry.after["changed_on_platform"] == order.notes[0].text
    # the same export again: said once
    run(db, printer, tmp_path, [taobao("P1", address=moved, address_changed_on_platform=True)])
    assert len(_order(db, "P1").notes) == 1
    assert db.read(audit.verify).ok
