"""The courier's hand-over (交接): scanning, refusals, the manifest and shipping (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.db import Database
from app.models import AuditEntry, Case, CaseType, HandoverParcel, Order, Role, Stage
from app.models.errors import InvalidInput, NotFound, PermissionDenied, TransitionRefused
from app.printing.manifest import Manifest, ManifestLine, manifest_pdf
from app.services.cases import opening as cases
from app.services.changes import requests as changes
from app.services.orders import lookup as orders
from app.services.orders import moves
from app.services.shipping import handover
from tests.printing_helpers import chinese_documents, fonts, text, write
from tests.shipping_helpers import pack, packed_parcels, printed

SF, ZT = "顺丰速运", "中通快递"


@pytest.fixture
def shop_db(shop_db: Database) -> Database:
    chinese_documents(shop_db)
    return shop_db


def _stage(db: Database, order_no: str) -> str:
    return db.read(lambda s: orders.get(s, order_no)).stage


def _rows(db: Database) -> int:
    return db.read(
        lambda s: s.execute(select(func.count()).select_from(HandoverParcel)).scalar_one()
    )


def _scan(db: Database, actor, courier: str, number: str) -> handover.Scanned:  # type: ignore[no-untyped-def]
    return db.write(lambda s: handover.scan(s, actor, courier, number))


def test_scanned_parcels_make_the_courier_list_and_confirming_ships_them(
    shop_db, shop_staff, tmp_path
) -> None:
    warehouse = shop_staff[Role.WAREHOUSE]
    parcels = packed_parcels(shop_db, warehouse, SF, 3)
    for n, (_, number) in enumerate(parcels, 1):
        assert _scan(shop_db, warehouse, SF, number).count == n
    listed = shop_db.read(lambda s: handover.current(s, warehouse, SF))
    assert [p.tracking_no for p in listed.parcels] == [t for _, t in parcels]
    # one parcel goes back on the shelf before the courier signs
    assert shop_db.write(lambda s: handover.remove(s, warehouse, SF, parcels[2][1])) == 2

    out = tmp_path / "manifest.pdf"
    done = handover.confirm(shop_db, warehouse, SF, out)
    assert done.count == 2 and done.manifest_no.startswith("H")
    assert [_stage(shop_db, no) for no, _ in parcels] == ["shipped", "shipped", "packed"]
    page = text(out)
    for word in ("快递交接单", SF, "共 2 件", "快递员签字", "发货方签字", done.manifest_no):
        assert word in page
    for no, number in parcels[:2]:
        assert number in page and no in page
    assert parcels[2][1] not in page
    assert all(f["emb"] == "yes" for f in fonts(out))
    # the list is closed: the courier's next list starts empty
    assert shop_db.read(lambda s: handover.current(s, warehouse, SF)).parcels == ()
    entry = shop_db.read(
        lambda s: s.execute(
            select(AuditEntry).where(AuditEntry.action == "handover.confirm")
        ).scalar_one()
    )
    assert entry.entity_key == done.manifest_no and entry.actor_name == warehouse.display_name


def test_the_courier_by_its_code_short_name_or_full_name(shop_db, shop_staff, tmp_path) -> None:
    """ZTO, 中通 and 中通快递 name one courier, as in the waybills commands: one list, one
    manifest; a courier nobody knows is refused naming the known ones."""
    warehouse = shop_staff[Role.WAREHOUSE]
    parcels = packed_parcels(shop_db, warehouse, ZT, 3)
    for n, (typed, (_, number)) in enumerate(zip(("ZTO", "中通", ZT), parcels, strict=True), 1):
        scanned = _scan(shop_db, warehouse, typed, number)
        assert scanned.count == n
    listed = shop_db.read(lambda s: handover.current(s, warehouse, "zto"))
    assert listed.courier == ZT and listed.count == 3
    assert shop_db.read(lambda s: handover.open_lists(s, warehouse)) == [(ZT, 3)]
    with pytest.raises(NotFound, match=r"No courier “DHL” is known \(known: .*SF, .*ZTO"):
        _scan(shop_db, warehouse, "DHL", parcels[0][1])
    (_, sf_no), *_ = packed_parcels(shop_db, warehouse, SF, 1)
    with pytest.raises(InvalidInput, match=f"belongs to {SF}, not {ZT}"):
        _scan(shop_db, warehouse, "中通", sf_no)

    done = handover.confirm(shop_db, warehouse, "ZTO", tmp_path / "manifest.pdf")
    assert (done.courier, done.count) == (ZT, 3)
    assert {_stage(shop_db, no) for no, _ in parcels} == {"shipped"}
    assert ZT in text(tmp_path / "manifest.pdf")


def test_bad_scans_are_refused_with_the_reason_and_change_nothing(shop_db, shop_staff) -> None:
    warehouse = shop_staff[Role.WAREHOUSE]
    (_, sf_no), *_ = packed_parcels(shop_db, warehouse, SF, 1)
    (_, zt_no), *_ = packed_parcels(shop_db, warehouse, ZT, 1)
    _scan(shop_db, warehouse, SF, sf_no)
    before = _rows(shop_db)

    with pytest.raises(InvalidInput, match="scanned twice"):
        _scan(shop_db, warehouse, SF, sf_no)
    with pytest.raises(InvalidInput, match=f"belongs to {ZT}, not {SF}"):
        _scan(shop_db, warehouse, SF, zt_no)
    with pytest.raises(NotFound, match="No order has waybill number SF000000000000"):
        _scan(shop_db, warehouse, SF, "SF000000000000")
    with pytest.raises(InvalidInput, match=f"in the hand-over list of {SF} already"):
        _scan(shop_db, warehouse, ZT, sf_no)
    # an exchange parcel's number belongs to its case, and is said so
    shipped_no = shop_db.read(lambda s: orders.list_page(s, stage=Stage.SHIPPED, limit=1))[0]
    case_no = shop_db.write(
        lambda s: cases.open_case(
            s, shop_staff[Role.AFTERSALES], shipped_no.order_no, CaseType.EXCHANGE
        )
    ).case_no
    shop_db.write(
        lambda s: s.execute(
            update(Case)
            .where(Case.case_no == case_no)
            .values(exchange_tracking_no="SF5550001", exchange_courier=SF)
        )
    )
    with pytest.raises(TransitionRefused, match=f"exchange of case {case_no} .*is not packed"):
        _scan(shop_db, warehouse, SF, "SF5550001")
    unpacked_no, unpacked_number = printed(shop_db, SF, 1)[0]
    with pytest.raises(TransitionRefused, match="not packed"):
        _scan(shop_db, warehouse, SF, unpacked_number)
    with pytest.raises(PermissionDenied):
        _scan(shop_db, shop_staff[Role.PRINTER], SF, unpacked_number)
    assert _rows(shop_db) == before
    assert _stage(shop_db, unpacked_no) == "printed"


def test_cancelled_or_changed_after_packing_is_refused(shop_db, shop_staff) -> None:
    warehouse, printer = shop_staff[Role.WAREHOUSE], shop_staff[Role.PRINTER]
    presales = shop_staff[Role.PRESALES]
    (changed_no, changed_number), (void_no, void_number) = packed_parcels(shop_db, warehouse, SF, 2)
    # the customer asks for another street once the parcel is packed (rule 2)
    current = shop_db.read(lambda s: orders.get(s, changed_no)).recipient
    req = shop_db.write(
        lambda s: changes.request_address(
            s, presales, changed_no, {"street": current.street + "（改）"}, confirmed=True
        )
    )
    with pytest.raises(TransitionRefused, match="has a change under way, asked by"):
        _scan(shop_db, warehouse, SF, changed_number)
    # the printer reprinted: the order is changed since its packed stamp until packed again
    shop_db.write(lambda s: changes.acknowledge(s, printer, req.id))
    with pytest.raises(TransitionRefused, match="was changed after it was packed"):
        _scan(shop_db, warehouse, SF, changed_number)

    def void(session) -> None:  # type: ignore[no-untyped-def]
        order = session.execute(select(Order).where(Order.order_no == void_no)).scalar_one()
        moves.move_stage(session, printer, order, Stage.CANCELLED)

    shop_db.write(void)
    with pytest.raises(TransitionRefused, match="was cancelled"):
        _scan(shop_db, warehouse, SF, void_number)
    assert _rows(shop_db) == 0


def test_a_change_between_scanning_and_confirming_ships_nothing(
    shop_db, shop_staff, tmp_path
) -> None:
    warehouse, presales = shop_staff[Role.WAREHOUSE], shop_staff[Role.PRESALES]
    parcels = packed_parcels(shop_db, warehouse, SF, 2)
    for _, number in parcels:
        _scan(shop_db, warehouse, SF, number)
    shop_db.write(lambda s: changes.request_cancel(s, presales, parcels[1][0], confirmed=True))
    out = tmp_path / "manifest.pdf"
    with pytest.raises(TransitionRefused, match="cancellation under way"):
        handover.confirm(shop_db, warehouse, SF, out)
    assert not out.exists()
    assert [_stage(shop_db, no) for no, _ in parcels] == ["packed", "packed"]
    assert len(shop_db.read(lambda s: handover.current(s, warehouse, SF)).parcels) == 2


def test_an_empty_list_cannot_be_confirmed(shop_db, shop_staff, tmp_path) -> None:
    with pytest.raises(InvalidInput, match="is empty"):
        handover.confirm(shop_db, shop_staff[Role.WAREHOUSE], SF, tmp_path / "m.pdf")


def test_pack_stamps_who_and_when(shop_db, shop_staff) -> None:
    warehouse = shop_staff[Role.WAREHOUSE]
    no, _ = printed(shop_db, SF, 1)[0]
    pack(shop_db, warehouse, [no])
    order = shop_db.read(
        lambda s: s.execute(select(Order).where(Order.order_no == no)).scalar_one()
    )
    assert order.packed_by_id == warehouse.user_id and order.packed_at is not None


def test_confirmed_manifest_speaks_the_language_of_its_parcels_shops(
    shop_db, shop_staff, tmp_path
) -> None:
    """The manifest's language comes from the shops of the parcels in the list."""
    from app.models import DocLanguage, Shop

    warehouse = shop_staff[Role.WAREHOUSE]
    shop_db.write(lambda s: s.execute(update(Shop).values(doc_language=DocLanguage.EN.value)))
    parcels = packed_parcels(shop_db, warehouse, SF, 2)
    for _, number in parcels:
        _scan(shop_db, warehouse, SF, number)
    out = tmp_path / "manifest.pdf"
    handover.confirm(shop_db, warehouse, SF, out)
    page = text(out)
    assert "Courier hand-over manifest" in page and "2 parcels" in page
    assert all(number in page for _, number in parcels)


def test_manifest_pdf_in_english_has_every_number(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from app.models import DocLanguage

    lines = tuple(ManifestLine(f"SF{10**12 + i}", f"#{1000 + i}") for i in range(150))
    sheet = Manifest(
        "H20261206-0001", "SF Express", datetime(2026, 12, 6, 8, 0, tzinfo=UTC), "Zhao Qiang",
        lines, DocLanguage.EN,
    )  # fmt: skip
    result = manifest_pdf(sheet)
    path = write(tmp_path, result.data)
    body = text(path)
    assert "Courier hand-over manifest" in body and "150 parcels" in body
    assert "Courier's signature" in body and "Shop's signature" in body
    assert all(line.tracking_no in body for line in lines)
    assert "2026-12-06" in body and "16:00" in body  # the shop's time (Asia/Shanghai)


def test_parcels_packed_at_the_desk_go_to_the_courier(db, tmp_path) -> None:
    """The packing desk's stamp (with the number of a hand-written label recorded in the same
    step) counts as the order's last change: the hand-over takes the parcel."""
    from app.services.dispatch import senders
    from app.services.packing import desk
    from tests.packing_helpers import printed_orders, printed_shop

    staff = printed_shop(db, tmp_path / "pdfs")
    warehouse = staff[Role.WAREHOUSE]
    printed = printed_orders(db)
    shop = db.read(lambda s: desk.scan_order(s, warehouse, printed[-1])).shop
    db.write(
        lambda s: senders.save(
            s, staff[Role.ADMIN], shop, name="悦步发货部", phone="0571-88886666",
            address="杭州", default_courier=SF,
        )
    )  # fmt: skip
    for order_no, waybill in ((printed[2], None), (printed[-1], "SF778899001122")):
        shown = db.read(lambda s, n=order_no: desk.scan_order(s, warehouse, n))
        codes = [line.sku for line in shown.lines for _ in range(line.quantity)]
        number = waybill or str(shown.tracking_no)
        db.write(
            lambda s, n=order_no, c=codes, w=number: desk.pack(s, warehouse, n, items=c, waybill=w)
        )
        assert _scan(db, warehouse, SF, number).order_nos == (order_no,)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_parcel_with_two_long_order_numbers_prints_both_whole(
    tmp_path: Path, language: str
) -> None:
    """Two Taobao orders packed in one parcel: the courier checks both numbers, so neither
    may be cut by the order column (a parcel alone on its row, and among ordinary ones)."""
    from datetime import UTC, datetime

    from app.models import DocLanguage

    two = ("4012345678901234567", "4012345678901234598")
    three = ("3987654321098765432", "3987654321098765433", "3987654321098765434")
    lines = (
        ManifestLine("SF1000000000001", "#1001"),
        ManifestLine("SF1000000000002", " / ".join(two)),
        ManifestLine("YT9876543210987654", " / ".join(three)),
        ManifestLine("SF1000000000004", "#1004"),
    )
    sheet = Manifest(
        "H20261206-0002", "SF Express", datetime(2026, 12, 6, 8, 0, tzinfo=UTC), "Zhao Qiang",
        lines, DocLanguage(language),
    )  # fmt: skip
    body = text(write(tmp_path, manifest_pdf(sheet).data))
    for number in (*two, *three, "#1001", "#1004", *(line.tracking_no for line in lines)):
        assert number in body, body
    assert "…" not in body
