"""The packing desk on both databases (issue 11 section 2, docs/packing.md P1–P4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import AuditEntry, Order, Role, SpecialKind, Stage, User
from app.models.errors import Conflict, InvalidInput, NotFound, PermissionDenied, TransitionRefused
from app.services.changes import requests as changes
from app.services.changes.texts import Address
from app.services.core import audit
from app.services.core.actor import Actor
from app.services.dispatch import records as print_records
from app.services.dispatch import senders
from app.services.orders import editing, notes
from app.services.orders import lookup as orders
from app.services.packing import barcodes, desk
from tests.packing_helpers import items_of, printed_orders, printed_shop, stage_of


@pytest.fixture
def packing(db: Database, tmp_path: Path) -> tuple[Database, dict[Role, Actor], list[str]]:
    staff = printed_shop(db, tmp_path / "pdfs")
    return db, staff, printed_orders(db)


def _audit_count(db: Database) -> int:
    return db.read(lambda s: s.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


def _scan(db: Database, actor: Actor, code: str) -> desk.DeskOrder:
    return db.read(lambda s: desk.scan_order(s, actor, code))


def _wrong_size(sku: str) -> str:
    """Another size of the demo's SKU PRODUCT-COLOUR-SIZE."""
    return sku.rsplit("-", 1)[0] + "-99"


def test_scan_shows_items_requests_and_notes_masked_for_the_warehouse(packing) -> None:
    db, staff, printed = packing
    order_no = printed[1]
    presales, warehouse = staff[Role.PRESALES], staff[Role.WAREHOUSE]
    db.write(
        lambda s: notes.add(
            s, presales, order_no, "客户要求周六送达，电话13912345678", flagged=True
        )
    )
    db.write(
        lambda s: (
            editing.load_for_change(s, presales, order_no, None).extras.update({"card": "生日快乐"})
            or None
        )
    )
    shown = _scan(db, warehouse, f"  {order_no} ")
    assert [(line.sku, line.title, line.quantity) for line in shown.lines] == items_of(db, order_no)
    assert all(line.attributes for line in shown.lines)  # size and colour, to check by eye
    assert any("客户要求周六送达" in n and "139****5678" in n for n in shown.flagged_notes)
    assert not any("13912345678" in n for n in shown.flagged_notes)
    assert shown.stage == Stage.PRINTED.value and not shown.stops
    # the order printer may see contact details, so reads the number whole
    printer_view = _scan(db, staff[Role.PRINTER], order_no)
    assert any("13912345678" in n for n in printer_view.flagged_notes)


def test_item_scans_tick_off_count_down_and_refuse_wrong_items(packing) -> None:
    db, staff, printed = packing
    order_no = printed[0]  # its first line is two of one SKU
    warehouse, admin = staff[Role.WAREHOUSE], staff[Role.ADMIN]
    shown = _scan(db, warehouse, order_no)
    first = shown.lines[0]
    assert first.quantity == 2
    # a product barcode mapped to the first SKU by the administrator
    db.write(lambda s: barcodes.load(s, admin, shown.shop, [(1, "6901234567892", first.sku)]))
    shown = _scan(db, warehouse, order_no)
    ticked: dict[int, int] = {}
    tick = desk.check_item(shown, ticked, "6901234567892")
    assert (tick.position, tick.left, tick.done) == (0, 1, False)
    ticked[0] = 1
    with pytest.raises(InvalidInput, match="Wrong size or colour") as wrong:
        desk.check_item(shown, ticked, _wrong_size(first.sku))
    assert first.sku in str(wrong.value) and first.attribute_text in str(wrong.value)
    with pytest.raises(InvalidInput, match="Wrong item") as other:
        desk.check_item(shown, ticked, "NOT-OURS-1")
    assert first.sku in str(other.value)  # names what is still to pack
    tick = desk.check_item(shown, ticked, first.sku.lower())  # a typed SKU, any case
    assert tick.left == 0
    ticked[0] = 2
    with pytest.raises(InvalidInput, match="One too many"):
        desk.check_item(shown, ticked, first.sku)
    for line in shown.lines[1:]:
        for _ in range(line.quantity):
            tick = desk.check_item(shown, ticked, line.sku)
            ticked[line.position] = ticked.get(line.position, 0) + 1
    assert tick.done or len(shown.lines) == 1


def _all_codes(shown: desk.DeskOrder) -> list[str]:
    return [line.sku for line in shown.lines for _ in range(line.quantity)]


def test_packed_with_the_labels_number_stamped_who_and_when(packing) -> None:
    db, staff, printed = packing
    order_no = printed[2]
    warehouse = staff[Role.WAREHOUSE]
    shown = _scan(db, warehouse, order_no)
    assert shown.tracking_no  # the demo's printed orders carry a waybill number
    audits = _audit_count(db)
    with pytest.raises(InvalidInput, match="do not belong together"):
        db.write(
            lambda s: desk.pack(
                s, warehouse, order_no, items=_all_codes(shown), waybill="SF0000000001"
            )
        )
    with pytest.raises(InvalidInput, match="Not everything is checked"):
        db.write(
            lambda s: desk.pack(
                s, warehouse, order_no, items=_all_codes(shown)[1:], waybill=shown.tracking_no
            )
        )
    assert stage_of(db, order_no)[0] == Stage.PRINTED.value and _audit_count(db) == audits
    done = db.write(
        lambda s: desk.pack(
            s,
            warehouse,
            order_no,
            items=_all_codes(shown),
            waybill=shown.tracking_no,
            expected_version=shown.version,
        )
    )
    assert done.packed_by == warehouse.display_name and not done.assigned
    stamped = db.read(
        lambda s: s.execute(
            select(Order.stage, User.display_name, Order.packed_at)
            .join(User, User.id == Order.packed_by_id)
            .where(Order.order_no == order_no)
        ).one()
    )
    assert stamped[0] == Stage.PACKED.value and stamped[1] == warehouse.display_name
    assert stamped[2] is not None
    again = _scan(db, warehouse, order_no)
    assert again.stops and "packed already" in str(again.stops[0])
    with pytest.raises(TransitionRefused, match="packed already"):
        db.write(lambda s: desk.pack(s, warehouse, order_no, waybill=shown.tracking_no))


def test_a_hand_written_label_gives_the_order_its_waybill_number(packing) -> None:
    db, staff, printed = packing
    order_no = printed[-1]  # printed without a waybill number (helper)
    warehouse, admin = staff[Role.WAREHOUSE], staff[Role.ADMIN]
    shown = _scan(db, warehouse, order_no)
    assert shown.tracking_no is None
    with pytest.raises(InvalidInput, match="no courier"):
        db.write(
            lambda s: desk.pack(
                s, warehouse, order_no, items=_all_codes(shown), waybill="773012345678"
            )
        )
    db.write(
        lambda s: senders.save(
            s,
            admin,
            shown.shop,
            name="悦步发货部",
            phone="0571-88886666",
            address="杭州",
            default_courier="中通快递",
        )
    )
    with pytest.raises(InvalidInput, match="not a 中通快递 waybill number"):
        db.write(
            lambda s: desk.pack(
                s, warehouse, order_no, items=_all_codes(shown), waybill="SF1234567890"
            )
        )
    done = db.write(
        lambda s: desk.pack(s, warehouse, order_no, items=_all_codes(shown), waybill="773012345678")
    )
    assert done.assigned and done.courier == "中通快递"
    assert stage_of(db, order_no)[0::2] == (Stage.PACKED.value, "773012345678")
    # the printed slips still go with the parcel: not listed as out of date
    assert order_no not in [x.order_no for x in db.read(print_records.stale)]


def test_shops_without_item_barcodes_tick_by_hand(packing) -> None:
    db, staff, printed = packing
    order_no = printed[5]
    warehouse, admin = staff[Role.WAREHOUSE], staff[Role.ADMIN]
    shown = _scan(db, warehouse, order_no)
    with pytest.raises(InvalidInput, match="ticked by hand"):
        desk.tick_by_hand(shown, {}, 0)
    with pytest.raises(PermissionDenied):
        db.write(lambda s: barcodes.set_ticks_by_hand(s, warehouse, shown.shop, True))
    db.write(lambda s: barcodes.set_ticks_by_hand(s, admin, shown.shop, True))
    shown = _scan(db, warehouse, order_no)
    assert shown.by_hand
    hand = {line.position: line.quantity for line in shown.lines}
    db.write(lambda s: desk.pack(s, warehouse, order_no, by_hand=hand, waybill=shown.tracking_no))
    assert stage_of(db, order_no)[0] == Stage.PACKED.value


def _nothing_changed(db: Database, order_no: str, before: tuple, audits: int) -> None:  # type: ignore[type-arg]
    assert stage_of(db, order_no) == before
    assert _audit_count(db) == audits


def test_bad_input_is_refused_with_the_reason_and_nothing_changes(packing) -> None:
    db, staff, printed = packing
    warehouse, presales = staff[Role.WAREHOUSE], staff[Role.PRESALES]
    audits = _audit_count(db)
    with pytest.raises(NotFound, match="Unknown barcode 99999"):
        _scan(db, warehouse, "99999")
    with pytest.raises(NotFound, match="Unknown barcode"):
        db.write(lambda s: desk.pack(s, warehouse, "99999", waybill="SF1234567890"))
    # a wrong item in the scans: refused naming what is still to pack, nothing recorded
    wrong_for = printed[6]
    kept = stage_of(db, wrong_for)
    with pytest.raises(InvalidInput, match="Wrong item: NOT-OURS-1"):
        db.write(
            lambda s: desk.pack(s, warehouse, wrong_for, items=["NOT-OURS-1"], waybill=str(kept[2]))
        )
    _nothing_changed(db, wrong_for, kept, audits)
    # an order not printed yet
    paid = db.read(
        lambda s: s.execute(
            select(Order.order_no).where(Order.stage == Stage.PAID.value).limit(1)
        ).scalar_one()
    )
    shown = _scan(db, warehouse, paid)
    assert "not printed yet" in str(shown.stops[0]) and "order printer" in str(shown.stops[0])
    with pytest.raises(TransitionRefused, match="not printed yet"):
        desk.check_item(shown, {}, "ANY")
    # an open change: waits for the customer, named who to ask
    order_no = printed[6]
    before = stage_of(db, order_no)
    current = db.read(lambda s: orders.get(s, order_no)).recipient
    new = Address(
        current.name,
        "13700001111",
        current.province,
        current.city,
        current.district,
        "新街口1号",
        current.postcode,
    )
    db.write(lambda s: changes.request_address(s, presales, order_no, new))
    audits = _audit_count(db)
    before = stage_of(db, order_no)
    shown = _scan(db, warehouse, order_no)
    stop = str(shown.stops[0])
    assert "confirmation" in stop and presales.display_name in stop
    assert "13700001111" not in stop  # the warehouse does not read the new phone
    with pytest.raises(TransitionRefused, match="confirmation"):
        db.write(
            lambda s: desk.pack(
                s, warehouse, order_no, items=_all_codes(shown), waybill=shown.tracking_no
            )
        )
    _nothing_changed(db, order_no, before, audits)
    # confirmed: the printer has it, and the printed slips are out of date
    request = db.read(lambda s: changes.open_for_order_ids(s, [shown_id(s, order_no)]))
    rid = next(iter(request.values()))[0].id
    db.write(lambda s: changes.confirm(s, presales, rid))
    stops = [str(x) for x in _scan(db, warehouse, order_no).stops]
    assert any("with the order printer" in x for x in stops)
    assert any("out of date" in x and "reprint" in x for x in stops)
    # a cancellation under way
    other = printed[7]
    db.write(lambda s: changes.request_cancel(s, presales, other, reason="不要了"))
    stop = str(_scan(db, warehouse, other).stops[0])
    assert "cancellation is under way" in stop and presales.display_name in stop
    # a special request waiting too, and the presales person cannot pack
    db.write(
        lambda s: changes.request_special(
            s, presales, printed[8], special=SpecialKind.CARD, text="新年快乐"
        )
    )
    assert _scan(db, warehouse, printed[8]).stops
    with pytest.raises(PermissionDenied):
        _scan(db, presales, printed[9])


def shown_id(session, order_no: str) -> int:  # type: ignore[no-untyped-def]
    return orders.order_id(session, order_no)


def test_an_order_changed_on_another_pc_while_on_the_desk_is_refused(packing) -> None:
    db, staff, printed = packing
    order_no = printed[9]
    warehouse = staff[Role.WAREHOUSE]
    shown = _scan(db, warehouse, order_no)
    db.write(lambda s: notes.add(s, staff[Role.PRESALES], order_no, "无关备注"))
    db.write(
        lambda s: editing.touch(s, editing.load_for_change(s, warehouse, order_no, None), warehouse)
    )
    with pytest.raises(Conflict, match="scan its dispatch note again"):
        db.write(
            lambda s: desk.pack(
                s,
                warehouse,
                order_no,
                items=_all_codes(shown),
                waybill=shown.tracking_no,
                expected_version=shown.version,
            )
        )
    assert stage_of(db, order_no)[0] == Stage.PRINTED.value


def test_barcode_files_load_all_or_nothing(packing, tmp_path: Path) -> None:
    db, staff, _printed = packing
    admin = staff[Role.ADMIN]
    shop = db.read(lambda s: s.execute(select(Order.shop_id)).scalar())
    name = db.read(lambda s: _shop_name(s, shop))
    good = tmp_path / "codes.csv"
    good.write_text("barcode,sku\n6901,XZ-01-黑-40\n6902,XZ-01-黑-41\n", encoding="utf-8")
    loaded = db.write(lambda s: barcodes.load(s, admin, name, barcodes.read_pairs(good)))
    assert (loaded.added, loaded.changed, loaded.unchanged) == (2, 0, 0)
    bad = tmp_path / "bad.csv"
    bad.write_text("6903,A-1\n6901,XZ-01-黑-42\n6901,XZ-01-黑-43\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="Line 3: barcode 6901"):
        db.write(lambda s: barcodes.load(s, admin, name, barcodes.read_pairs(bad)))
    again = db.write(lambda s: barcodes.load(s, admin, name, barcodes.read_pairs(good)))
    assert (again.added, again.unchanged) == (0, 2)
    with pytest.raises(PermissionDenied):
        db.write(lambda s: barcodes.load(s, staff[Role.WAREHOUSE], name, barcodes.read_pairs(good)))


def _shop_name(session, shop_id: int) -> str:  # type: ignore[no-untyped-def]
    from app.models import Shop

    return session.get(Shop, shop_id).name


def test_an_exchange_goes_through_the_same_desk(packing, tmp_path: Path) -> None:
    from tests.case_helpers import shipped_orders
    from tests.test_exchange_print import exchange_case, print_it, signed_for

    db, staff, _printed = packing
    warehouse = staff[Role.WAREHOUSE]
    order_no = shipped_orders(db, 1)[0]
    case_no = exchange_case(db, staff, order_no)
    signed_for(db, staff, case_no, "YT1234567890123")
    with pytest.raises(TransitionRefused, match="no exchange parcel"):
        db.write(lambda s: desk.pack(s, warehouse, case_no, by_hand={0: 1}, waybill="SF12345678"))
    print_it(db, staff[Role.PRINTER], case_no, tmp_path / "exchange.pdf")
    # the exchange's dispatch note carries the original order's number; its case no. works too
    for code in (order_no, case_no.lower()):
        shown = _scan(db, warehouse, code)
        assert shown.case_no == case_no and shown.by_hand and not shown.stops
        assert len(shown.lines) == 1 and "42" in shown.lines[0].title
    with pytest.raises(InvalidInput, match="Not everything is checked"):
        db.write(lambda s: desk.pack(s, warehouse, order_no, waybill="SF123456789012"))
    done = db.write(
        lambda s: desk.pack(s, warehouse, order_no, by_hand={0: 1}, waybill="SF123456789012")
    )
    assert done.case_no == case_no and done.packed_by == warehouse.display_name
    again = _scan(db, warehouse, case_no)
    assert again.stops and "packed already" in str(again.stops[0])
    history = db.read(lambda s: audit.history(s, "case", case_no))
    assert any(e.action == "case.exchange_packed" for e in history)
