"""The merge of a platform export into a shop, on SQLite and PostgreSQL (issue 10).

Records are built in Python (tests/import_helpers.py); what a user would notice is checked:
the orders as stored, versions and the audit log, the printer's queue, the import history.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from app.models import (
    CatalogueItem,
    ChangeRequest,
    ImportConflict,
    ImportRun,
    Note,
    Order,
    RequestPath,
    RequestState,
    Role,
    Shop,
    Stage,
)
from app.models.errors import InvalidInput, NotFound, PermissionDenied, TransitionRefused
from app.services.changes import requests as changes
from app.services.changes.texts import Address as NewAddress
from app.services.core import audit
from app.services.dispatch import waiting as print_waiting
from app.services.imports import plan as planning
from app.services.imports.records import (
    Address,
    FormatId,
    PlatformStatus,
    Sensitivity,
)
from app.services.orders import lookup, notes
from app.services.orders.stages import PLATFORM_MOVES
from tests.import_helpers import export_file, numbered, run, shopify, taobao

SHOP = "悦步鞋履旗舰店"


def _order(db, no: str, shop: str = SHOP) -> Order:
    def read(s):
        order = s.execute(
            select(Order).join(Shop).where(Order.order_no == no, Shop.name == shop)
        ).scalar_one()
        _ = order.items, order.notes
        return order

    return db.read(read)


def _state(db) -> tuple[int, int, list[tuple[str, int]]]:
    """The audit log's length, the number of orders and every order's version."""

    def read(s):
        versions = s.execute(select(Order.order_no, Order.version).order_by(Order.id)).all()
        return audit.count(s), len(versions), [tuple(v) for v in versions]

    return db.read(read)


def test_new_orders_are_stored_field_by_field(db, staff, tmp_path) -> None:
    printer = staff[Role.PRINTER]
    records = numbered(
        [
            taobao(
                "3861000000000001",
                seller_memo="老客户，送袜子",
                special_requests={"invoice": "杭州悦步"},
            ),
            taobao(
                "3861000000000002",
                recipient_name="张**",
                recipient_phone="1******6198",
                sensitivity=Sensitivity.MASKED,
            ),
            taobao("3861000000000003", PlatformStatus.AWAITING_PAYMENT),
        ]
    )
    summary = run(db, printer, tmp_path, records)
    assert (summary.counts.new, summary.counts.updated, summary.counts.refused) == (3, 0, 0)
    assert summary.finished and summary.shop_created and summary.shop == SHOP

    first = _order(db, "3861000000000001")
    assert (first.province, first.city, first.district) == ("浙江省", "杭州市", "西湖区")
    assert (first.street, first.postcode, first.country) == (
        "文三路 100号 3幢501室",
        "310012",
        "CN",
    )
    assert (first.recipient_name, first.recipient_phone) == ("王小明", "13800138000")
    assert first.stage == Stage.PAID.value and first.platform_status == "paid"
    assert first.total == Decimal("259.00") and first.buyer_message == "请尽快发货"
    assert first.extras == {"invoice": "杭州悦步"}
    [item] = first.items
    assert (item.sku, item.title, item.quantity) == ("XB-CAN-灰-40", "帆布鞋 男款", 1)
    assert item.attributes == {"颜色分类": "灰色", "尺码": "40"}
    [memo] = first.notes
    # the platform wrote it: signed with the platform's name, never a person's
    assert (memo.text, memo.author_name, memo.kind) == ("老客户，送袜子", "淘宝 (导入)", "imported")

    masked = _order(db, "3861000000000002")
    assert masked.sensitivity == "masked" and masked.recipient_phone == "1******6198"
    unpaid = _order(db, "3861000000000003")
    assert unpaid.stage == Stage.AWAITING_PAYMENT.value and unpaid.paid_at is None

    sku = db.read(lambda s: s.execute(select(CatalogueItem)).scalar_one())
    assert (sku.sku, sku.title, sku.attributes["尺码"]) == ("XB-CAN-灰-40", "帆布鞋 男款", "40")
    history = db.read(lambda s: s.execute(select(ImportRun)).scalar_one())
    assert history.finished and history.new == 3 and history.by_name == printer.display_name
    assert history.format == "taobao" and len(history.sha256) == 64
    assert db.read(audit.verify).ok  # the imported notes are in the chain

    # printing lists the unpaid and the masked order, held back with their reasons
    waiting = {w.order_no: w for w in db.read(lambda s: print_waiting.waiting(s, cutoff=""))}
    assert waiting["3861000000000001"].holds == ()
    assert "awaiting payment" in waiting["3861000000000003"].holds[0].message()
    assert "platform's own shipping tool" in waiting["3861000000000002"].holds[0].message()
    # but notes and changes work on the masked order
    db.write(lambda s: notes.add(s, staff[Role.PRESALES], "3861000000000002", "已联系买家"))


def test_an_order_abroad_keeps_its_country_and_lines(db, staff, tmp_path) -> None:
    records = [shopify("#1001", cash_on_delivery=True, status=PlatformStatus.AWAITING_PAYMENT)]
    run(db, staff[Role.ADMIN], tmp_path, records, shop="Maple", platform="shopify",
        format=FormatId.SHOPIFY)  # fmt: skip
    order = _order(db, "#1001", "Maple")
    assert (order.country, order.province, order.city) == ("CA", "BC", "Vancouver")
    assert order.address_lines == ["1200 Main St", "Apt 5"] and order.currency == "CAD"
    assert order.stage == Stage.PAID.value  # cash on delivery prints at once
    [note] = order.notes if order.notes else [None]
    assert note is None


def test_the_same_number_in_two_shops(db, staff, tmp_path) -> None:
    admin = staff[Role.ADMIN]
    for shop in ("Maple", "Pine"):
        run(db, admin, tmp_path, [shopify("#1001")], shop=shop, platform="shopify",
            format=FormatId.SHOPIFY)  # fmt: skip
    with pytest.raises(InvalidInput, match=r"more than one shop \(Maple, Pine\)") as refused:
        db.read(lambda s: lookup.get(s, "#1001"))
    assert "Maple/#1001" in refused.value.message()
    assert db.read(lambda s: lookup.get(s, "Pine/#1001")).shop == "Pine"
    with pytest.raises(NotFound):
        db.read(lambda s: lookup.get(s, "Oak/#1001"))


def test_the_second_import_changes_nothing(db, staff, tmp_path) -> None:
    printer = staff[Role.PRINTER]
    records = numbered([taobao(f"38610000000001{i:02d}", seller_memo="备注") for i in range(5)])
    path = export_file(tmp_path, records)
    first = run(db, printer, tmp_path, records, path=path)
    before = _state(db)
    again = run(db, printer, tmp_path, records, path=path)
    assert again.already_imported and again.counts.new == 5  # the same file: recognised
    newer = run(db, printer, tmp_path, [*records])  # another file, the same orders
    newer_file = newer.sha256 != first.sha256
    assert newer_file and (newer.counts.unchanged, newer.counts.updated) == (5, 0)
    assert _state(db) == before  # no new version, no audit entry
    assert db.read(lambda s: s.execute(select(func.count()).select_from(Note)).scalar()) == 5


def test_a_reimport_records_how_far_it_got_also_where_nothing_was_new(db, staff, tmp_path) -> None:
    """Chunks with nothing new take no write lock, yet the history counts them, also when
    the import is cancelled after them (their progress goes with the next write)."""
    printer = staff[Role.PRINTER]
    records = numbered([taobao(f"G{i:03d}") for i in range(25)])
    run(db, printer, tmp_path, records, chunk=10)
    before = _state(db)
    later = numbered(
        [
            taobao(f"G{i:03d}", buyer_message="请发顺丰" if i == 24 else "请尽快发货")
            for i in range(25)
        ]
    )
    again = run(db, printer, tmp_path, later, chunk=10)
    assert (again.counts.unchanged, again.counts.updated, again.finished) == (24, 1, True)
    assert _state(db)[2] != before[2]  # G024 has a new version, the others not
    assert [v for v in _state(db)[2] if v[0] != "G024"] == [v for v in before[2] if v[0] != "G024"]
    stopped = run(db, printer, tmp_path, later, chunk=10, cancel=lambda: True)
    assert stopped.cancelled and stopped.counts.unchanged == 10

    def history(s):
        rows = s.execute(select(ImportRun).order_by(ImportRun.id)).scalars()
        return [(r.records_done, r.unchanged, r.updated, r.finished) for r in rows]

    assert db.read(history)[1:] == [(25, 24, 1, True), (10, 10, 0, False)]
    assert db.read(audit.verify).ok


def test_a_newer_export_moves_stages_forward(db, staff, tmp_path) -> None:
    printer = staff[Role.PRINTER]
    run(db, printer, tmp_path, numbered([
        taobao("A1"), taobao("A2", PlatformStatus.AWAITING_PAYMENT), taobao("A3"),
    ]))  # fmt: skip
    version = _order(db, "A1").version
    later = run(db, printer, tmp_path, numbered([
        taobao("A1", PlatformStatus.SHIPPED, courier="圆通速递", tracking_no="YT7000000001"),
        taobao("A2", PlatformStatus.PAID),
        taobao("A3", PlatformStatus.DELIVERED, courier="圆通速递", tracking_no="YT7000000003"),
    ]))  # fmt: skip
    assert (later.counts.updated, later.counts.unchanged) == (3, 0)
    shipped = _order(db, "A1")
    assert shipped.stage == "shipped" and shipped.tracking_no == "YT7000000001"
    assert shipped.courier == "圆通速递" and shipped.version > version
    assert shipped.updated_by_id == printer.user_id  # the move's stamps: who imported it
    paid = _order(db, "A2")
    assert paid.stage == "paid" and paid.paid_at is not None
    assert _order(db, "A3").stage == "delivered"
    [entry] = db.read(lambda s: audit.history(s, "order", "A1"))[-1:]
    assert entry.action == "order.import" and entry.actor_name == printer.display_name
    assert entry.after["stage"] == "shipped" and entry.after["file"].endswith(".csv")
    # an older export after the newer one: stages never go back
    run(
        db,
        printer,
        tmp_path,
        numbered([taobao("A1"), taobao("A2", PlatformStatus.AWAITING_PAYMENT)]),
    )
    assert _order(db, "A1").stage == "shipped" and _order(db, "A2").stage == "paid"
    assert db.read(audit.verify).ok


def test_every_stage_move_an_import_makes_is_in_the_platforms_stage_table(db) -> None:
    """Every stage × every platform status: the move planned is one the guard allows
    (stages.PLATFORM_MOVES), a printer request, or none; never a move the table lacks."""

    def planned(s) -> set[tuple[Stage, Stage]]:
        made = set()
        for stage in Stage:
            for status in PlatformStatus:
                for cod in (False, True):
                    plan = planning.Plan(taobao("X", status, cash_on_delivery=cod), "unchanged")
                    planning.plan_stage(s, plan, Order(stage=stage.value, order_no="X"))
                    if plan.stage is not None:
                        made.add((stage, plan.stage))
        return made

    made = db.read(planned)
    assert (Stage.PAID, Stage.SHIPPED) in made and (Stage.SHIPPED, Stage.CLOSED) in made
    assert made <= set(PLATFORM_MOVES)


def test_an_address_changed_here_becomes_a_conflict(db, staff, tmp_path) -> None:
    printer, presales = staff[Role.PRINTER], staff[Role.PRESALES]
    run(db, printer, tmp_path, [taobao("B1")])
    confirmed = NewAddress("王小明", "13800138000", "浙江省", "杭州市", "滨江区", "江南大道 1号")
    db.write(lambda s: changes.request_address(s, presales, "B1", confirmed, confirmed=True))
    # the platform still says the old address: ours stays, nothing to settle
    same = run(db, printer, tmp_path, [taobao("B1")])
    assert same.counts.unchanged == 1 and _order(db, "B1").district == "滨江区"
    # the platform now says a third address: ours stays, both values listed
    elsewhere = Address(province="浙江省", city="杭州市", district="余杭区", street="五常大道 8号")
    changed = run(db, printer, tmp_path, [taobao("B1", address=elsewhere)])
    assert changed.counts.conflicts == 1
    assert _order(db, "B1").district == "滨江区"
    conflict = db.read(lambda s: s.execute(select(ImportConflict)).scalar_one())
    assert conflict.field == "recipient" and conflict.settled_at is None
    assert (conflict.ours["district"], conflict.theirs["district"]) == ("滨江区", "余杭区")
    # the same export again lists nothing twice
    run(db, printer, tmp_path, [taobao("B1", address=elsewhere, buyer_message="x")])
    assert (
        db.read(lambda s: s.execute(select(func.count()).select_from(ImportConflict)).scalar()) == 1
    )


def test_a_platform_cancel_of_a_printed_order_asks_the_printer(db, staff, tmp_path) -> None:
    printer = staff[Role.PRINTER]
    run(db, printer, tmp_path, [taobao("C1"), taobao("C2")])
    db.write(
        lambda s: s.execute(update(Order).where(Order.order_no == "C1").values(stage="printed"))
    )
    result = run(db, printer, tmp_path, [
        taobao("C1", PlatformStatus.CLOSED), taobao("C2", PlatformStatus.CANCELLED),
    ])  # fmt: skip
    assert result.counts.updated == 2
    assert _order(db, "C1").stage == "printed"  # not silently changed: rule 2
    assert _order(db, "C2").stage == "cancelled"  # not printed yet: simply cancelled
    [request] = db.read(lambda s: changes.queue(s))
    assert request.order_no == "C1" and request.path is RequestPath.RETRIEVE_SLIPS_VOID
    assert request.state is RequestState.OPEN and request.urgent
    # printing holds it back, and the same export again asks nothing twice
    run(db, printer, tmp_path, [taobao("C1", PlatformStatus.CLOSED), taobao("C3")])
    assert (
        db.read(lambda s: s.execute(select(func.count()).select_from(ChangeRequest)).scalar()) == 1
    )
    # the printer does it: the order is void
    db.write(lambda s: changes.acknowledge(s, printer, request.id))
    assert _order(db, "C1").stage == "cancelled"
    assert db.read(audit.verify).ok


class Crash(Exception):
    pass


def _crashing(records, after: int):
    for i, record in enumerate(records):
        if i == after:
            raise Crash("power cut")
        yield record


def test_an_interrupted_import_resumes_with_nothing_doubled(db, staff, tmp_path) -> None:
    printer = staff[Role.PRINTER]
    records = numbered([taobao(f"D{i:03d}", seller_memo=f"备注{i}") for i in range(25)])
    path = export_file(tmp_path, records)
    with pytest.raises(Crash):
        run(db, printer, tmp_path, records, path=path, chunk=10, stream=_crashing(records, 23))
    history = db.read(lambda s: s.execute(select(ImportRun)).scalar_one())
    assert (history.finished, history.records_done, history.new) == (False, 20, 20)
    assert _state(db)[1] == 20
    resumed = run(db, printer, tmp_path, records, path=path, chunk=10)
    assert resumed.resumed_after == 20 and resumed.counts.new == 5 and resumed.finished
    assert _state(db)[1] == 25
    assert db.read(lambda s: s.execute(select(func.count()).select_from(Note)).scalar()) == 25
    history = db.read(lambda s: s.execute(select(ImportRun)).scalar_one())
    assert history.finished and history.new == 25
    assert db.read(audit.verify).ok


def test_cancel_stops_after_the_current_chunk(db, staff, tmp_path) -> None:
    records = numbered([taobao(f"E{i:03d}") for i in range(30)])
    summary = run(db, staff[Role.PRINTER], tmp_path, records, chunk=10, cancel=lambda: True)
    assert summary.cancelled and not summary.finished and summary.counts.new == 10
    assert _state(db)[1] == 10


def test_dry_run_writes_nothing(db, staff, tmp_path) -> None:
    records = numbered(
        [taobao("F1", seller_memo="送袜子"), taobao("F2"), taobao("F2", total=Decimal(1))]
    )
    before = _state(db)
    summary = run(db, staff[Role.PRINTER], tmp_path, records, dry_run=True)
    assert (summary.counts.new, summary.counts.refused) == (2, 1)
    assert summary.dry_run and summary.shop_created
    first = summary.preview[0]
    assert (first.province, first.district, first.seller_memo, first.stage) == (
        "浙江省", "西湖区", "送袜子", "paid",
    )  # fmt: skip
    assert first.items[0][:2] == ("XB-CAN-灰-40", "帆布鞋 男款")
    assert _state(db) == before
    assert db.read(lambda s: s.execute(select(func.count()).select_from(Shop)).scalar()) == 0


def test_refusals_name_the_problem_and_store_nothing_wrong(db, staff, tmp_path) -> None:
    printer = staff[Role.PRINTER]
    before = _state(db)
    with pytest.raises(PermissionDenied):
        run(db, staff[Role.WAREHOUSE], tmp_path, [taobao("G1")])
    with pytest.raises(InvalidInput, match="No shop sells on Taobao yet"):
        run(db, printer, tmp_path, [taobao("G1")], shop=None)
    assert _state(db) == before
    records = numbered([
        taobao("G1"),
        taobao("G1", total=Decimal("1.00")),
        taobao("G2", recipient_name="王" * 101),
    ])  # fmt: skip
    summary = run(db, printer, tmp_path, records)
    assert summary.counts.new == 1 and summary.counts.refused == 2
    twice, long = summary.refused
    assert twice.line == 3 and "twice with different values (lines 2 and 3)" in twice.message
    assert long.order_no == "G2" and "recipient_name is 101 characters" in long.message
    assert _order(db, "G1").total == Decimal("259.00")
    stored = db.read(lambda s: s.execute(select(ImportRun)).scalar_one()).refused_rows
    assert [r["line"] for r in stored] == [3, 4]
    with pytest.raises(InvalidInput, match="sells on Taobao, but this file is a Shopify export"):
        run(db, printer, tmp_path, [shopify("#1")], platform="shopify", format=FormatId.SHOPIFY)


def test_an_unpaid_order_can_be_changed_and_voided_here(db, staff, tmp_path) -> None:
    printer, presales = staff[Role.PRINTER], staff[Role.PRESALES]
    run(db, printer, tmp_path, [taobao("H1", PlatformStatus.AWAITING_PAYMENT)])
    new = NewAddress("王小明", "13800138000", "浙江省", "杭州市", "滨江区", "江南大道 1号")
    db.write(lambda s: changes.request_address(s, presales, "H1", new, confirmed=True))
    assert _order(db, "H1").district == "滨江区"
    cancel = db.write(lambda s: changes.request_cancel(s, presales, "H1", confirmed=True))
    db.write(lambda s: changes.acknowledge(s, printer, cancel.id))
    assert _order(db, "H1").stage == "cancelled"


def test_a_conflict_is_settled_once_by_a_person(db, staff, tmp_path) -> None:
    from app.services.imports import history

    printer, presales = staff[Role.PRINTER], staff[Role.PRESALES]
    run(db, printer, tmp_path, [taobao("K1"), taobao("K2")])
    here = NewAddress("王小明", "13800138000", "浙江省", "杭州市", "滨江区", "江南大道 1号")
    for no in ("K1", "K2"):
        db.write(lambda s, n=no: changes.request_address(s, presales, n, here, confirmed=True))
    there = Address(province="浙江省", city="杭州市", district="余杭区", street="五常大道 8号")
    run(db, printer, tmp_path, [taobao("K1", address=there), taobao("K2", address=there)])
    db.write(
        lambda s: s.execute(update(Order).where(Order.order_no == "K2").values(stage="printed"))
    )
    first, second = db.read(lambda s: history.conflicts(s, staff[Role.WAREHOUSE]))
    with pytest.raises(PermissionDenied):
        db.write(lambda s: history.settle(s, presales, first.id, "theirs"))
    settled = db.write(lambda s: history.settle(s, printer, first.id, "theirs"))
    assert settled.settled_how == "theirs" and settled.settled_by == printer.display_name
    assert _order(db, "K1").district == "余杭区"
    with pytest.raises(InvalidInput, match="settled already"):
        db.write(lambda s: history.settle(s, printer, first.id, "ours"))
    with pytest.raises(TransitionRefused, match="change request"):
        db.write(lambda s: history.settle(s, printer, second.id, "theirs"))
    db.write(lambda s: history.settle(s, printer, second.id, "ours"))
    assert _order(db, "K2").district == "滨江区"
    assert db.read(lambda s: history.conflicts(s, printer)) == []
    assert db.read(audit.verify).ok
