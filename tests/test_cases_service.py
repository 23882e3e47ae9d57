"""After-sales services on SQLite and PostgreSQL: photos, refusals, register, export, scan."""

from __future__ import annotations

import hashlib
import io
from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from PIL import Image

from app.models import (
    CardInParcel,
    CaseState,
    CaseType,
    RefundMethod,
    RequestState,
    Role,
    SignoffResult,
)
from app.models.errors import Conflict, InvalidInput, PermissionDenied, TransitionRefused, UserError
from app.services.cases import handovers as case_handovers
from app.services.cases import opening as cases
from app.services.cases import photos as case_photos
from app.services.cases import recall as case_recall
from app.services.cases import register as case_register
from app.services.cases import scan as case_scan
from app.services.cases import steps as case_steps
from app.services.cases import unannounced_parcels
from app.services.cases.register import RegisterFilter
from app.services.cases.rules import MOVES, CaseAction
from app.services.changes import requests as changes
from app.services.core import capabilities
from app.services.core.actor import Actor
from app.services.core.capabilities import case_actions
from tests.case_helpers import GPS, MODEL, jpeg, png, png_claiming, shipped_orders


@pytest.fixture
def order_nos(shop_db) -> list[str]:
    return shipped_orders(shop_db, 8)


def open_case(db, actor, order_no, kind=CaseType.RETURN, **kw):
    return db.write(lambda s: cases.open_case(s, actor, order_no, kind, **kw))


def add(db, actor, case_no, *blobs: bytes):
    photos = [case_photos.prepare(b, f"p{i}.jpg") for i, b in enumerate(blobs)]
    return db.write(lambda s: case_photos.add_photos(s, actor, case_no, photos))


def test_original_is_kept_byte_for_byte_and_gps_leaves_the_display_copy(
    shop_db, shop_staff, order_nos
) -> None:
    after = shop_staff[Role.AFTERSALES]
    case = open_case(shop_db, after, order_nos[0], quality=True, defect_location="左鞋头")
    original = jpeg(1200, 900, gps=True)
    shown = add(shop_db, after, case.case_no, original)
    meta = shown.photos[0]
    assert meta.sha256 == hashlib.sha256(original).hexdigest() and meta.size == len(original)
    assert (meta.mime, meta.width, meta.height, meta.purpose) == ("image/jpeg", 1200, 900, "claim")
    stored, _ = shop_db.read(lambda s: case_photos.photo_bytes(s, meta.id, "original"))
    assert stored == original
    assert shop_db.read(lambda s: case_photos.verify(s, meta.id))
    assert Image.open(io.BytesIO(stored)).getexif().get_ifd(0x8825) == GPS  # evidence intact
    display, mime = shop_db.read(lambda s: case_photos.photo_bytes(s, meta.id, "display"))
    exif = Image.open(io.BytesIO(display)).getexif()
    assert mime == "image/jpeg" and exif.get_ifd(0x8825) == {} and exif[MODEL] == "TestPhone"
    thumb, _ = shop_db.read(lambda s: case_photos.photo_bytes(s, meta.id, "thumbnail"))
    assert max(Image.open(io.BytesIO(thumb)).size) <= case_photos.THUMB_MAX
    assert [pid for pid, _ in shop_db.read(lambda s: case_photos.thumbnails(s, case.case_no))] == [
        meta.id
    ]


@pytest.mark.parametrize(
    ("blob", "message"),
    [
        (b"%PDF-1.4 not a picture at all", "is not a photo"),
        (jpeg(800, 600)[:2500], "damaged or cut short"),
        (png_claiming(20_000, 20_000), "too large"),
        (png_claiming(12_000, 9_000), "too large (12000×9000 pixels)"),
        (b"\xff\xd8" + b"\0" * (40 * 2**20 + 1), "too large"),
        (b"", "is empty"),
    ],
)
def test_bad_photos_are_refused(blob, message) -> None:
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        case_photos.prepare(blob, "evidence.jpg")


def test_duplicate_photo_is_refused_and_nothing_is_added(shop_db, shop_staff, order_nos) -> None:
    after = shop_staff[Role.AFTERSALES]
    case = open_case(shop_db, after, order_nos[0], quality=True, defect_location="拉链")
    add(shop_db, after, case.case_no, jpeg())
    before = shop_db.read(lambda s: cases.get(s, case.case_no))
    with pytest.raises(InvalidInput, match="already on case"):
        add(shop_db, after, case.case_no, png(), jpeg())  # the PNG must not stay either
    assert shop_db.read(lambda s: cases.get(s, case.case_no)) == before


def test_quality_claim_needs_evidence_before_anything_is_promised(
    shop_db, shop_staff, order_nos
) -> None:
    after, boss = shop_staff[Role.AFTERSALES], shop_staff[Role.SUPERVISOR]
    case = open_case(shop_db, after, order_nos[0], CaseType.EXCHANGE, quality=True)
    for step in (
        lambda s: case_steps.record_return(s, after, case.case_no, tracking="SF00112233"),
        lambda s: case_steps.approve(s, boss, case.case_no, early_exchange=True, reason="老客户"),
    ):
        with pytest.raises(TransitionRefused, match="quality claim"):
            shop_db.write(step)
    # the exception recorded (cannot be photographed) with the location is enough
    shop_db.write(
        lambda s: cases.set_claim(
            s, after, case.case_no, quality=True, defect_location="鞋垫", no_photo_possible=True
        )
    )
    done = shop_db.write(
        lambda s: case_steps.record_return(s, after, case.case_no, tracking="SF00112233")
    )
    assert done.state is CaseState.RETURN_SENT


def test_refusals_leave_the_case_unchanged(shop_db, shop_staff, order_nos) -> None:
    after, presales = shop_staff[Role.AFTERSALES], shop_staff[Role.PRESALES]
    warehouse = shop_staff[Role.WAREHOUSE]
    case = open_case(shop_db, after, order_nos[0], return_tracking="YT9988776655")
    other = open_case(shop_db, after, order_nos[1])
    before = shop_db.read(lambda s: cases.get(s, case.case_no))
    attempts = [
        (
            lambda s: case_steps.refund(
                s, after, case.case_no, amount="1", method=RefundMethod.ORIGINAL
            ),
            "No refund before the warehouse",
        ),
        (
            lambda s: case_steps.signoff(s, presales, case.case_no, result=SignoffResult.DAMAGED),
            "Warehouse",
        ),
        (
            lambda s: case_steps.record_return(s, after, other.case_no, tracking="YT9988776655"),
            "already belongs to case " + case.case_no,
        ),
        (
            lambda s: cases.open_case(s, after, order_nos[2], CaseType.RETURN, freight_advance="8"),
            "supervisor's approval",
        ),
        (
            lambda s: case_steps.parcel_received(s, shop_staff[Role.PRINTER], case.case_no),
            "does not apply",
        ),
    ]
    for step, message in attempts:
        with pytest.raises(UserError, match=message):
            shop_db.write(step)
    assert shop_db.read(lambda s: cases.get(s, case.case_no)) == before
    shop_db.write(
        lambda s: case_steps.signoff(s, warehouse, case.case_no, result=SignoffResult.AS_DESCRIBED)
    )
    with pytest.raises(PermissionDenied):
        shop_db.write(
            lambda s: case_steps.refund(
                s, warehouse, case.case_no, amount="1", method=RefundMethod.BANK
            )
        )


def test_refund_is_capped_by_the_payment_across_cases(shop_db, shop_staff, order_nos) -> None:
    after, boss = shop_staff[Role.AFTERSALES], shop_staff[Role.SUPERVISOR]
    first = open_case(shop_db, after, order_nos[0], CaseType.REFUND_ONLY)
    total = first.order_total
    assert total is not None
    with pytest.raises(InvalidInput, match="more than the order's payment"):
        shop_db.write(
            lambda s: case_steps.refund(
                s, after, first.case_no, amount=total + 1, method=RefundMethod.ORIGINAL
            )
        )
    refunded = shop_db.write(
        lambda s: case_steps.refund(
            s, boss, first.case_no, amount=total, method=RefundMethod.ALIPAY
        )
    )
    assert refunded.state is CaseState.REFUNDED and refunded.refund_by == "陈静"
    second = open_case(shop_db, after, order_nos[0], CaseType.REFUND_ONLY)
    with pytest.raises(TransitionRefused, match="already refunded in full"):
        shop_db.write(
            lambda s: case_steps.refund(
                s, after, second.case_no, amount="1", method=RefundMethod.ORIGINAL
            )
        )


def test_case_numbers_follow_the_shop_day(shop_db, shop_staff, order_nos) -> None:
    after = shop_staff[Role.AFTERSALES]
    numbers = [open_case(shop_db, after, o).case_no for o in order_nos[:3]]
    today = date.today().strftime("%Y%m%d")
    assert numbers == [f"SH{today}-000{i}" for i in (1, 2, 3)]


def test_register_filters_paging_scan_and_export(tmp_path, shop_db, shop_staff, order_nos):
    after, warehouse = shop_staff[Role.AFTERSALES], shop_staff[Role.WAREHOUSE]
    made = [
        open_case(shop_db, after, o, kind, return_tracking=f"ZT{i:010d}", card=CardInParcel.YES)
        for i, (o, kind) in enumerate(
            zip(order_nos[:6], [CaseType.RETURN, CaseType.EXCHANGE] * 3, strict=True)
        )
    ]
    shop_db.write(
        lambda s: case_steps.signoff(
            s, warehouse, made[0].case_no, result=SignoffResult.NOT_RESALEABLE
        )
    )
    first = shop_db.read(lambda s: case_register.page(s, limit=4))
    rest = shop_db.read(lambda s: case_register.page(s, before_id=first[-1].id, limit=4))
    assert [r.case_no for r in first + rest] == [c.case_no for c in reversed(made)]
    exchanges = RegisterFilter(types=(CaseType.EXCHANGE,))
    assert shop_db.read(lambda s: case_register.count(s, exchanges)) == 3
    signed = RegisterFilter(states=(CaseState.RECEIVED,), staff="赵强")
    assert [r.case_no for r in shop_db.read(lambda s: case_register.page(s, signed))] == [
        made[0].case_no
    ]
    for code in (made[2].case_no, "ZT0000000002", made[2].order_no):
        found = shop_db.read(lambda s, c=code: case_scan.scan(s, c))
        assert found.case is not None and found.case.case_no == made[2].case_no
    assert (
        shop_db.read(lambda s: case_register.page(s, RegisterFilter(search="ZT0000000004")))[
            0
        ].case_no
        == made[4].case_no
    )
    tomorrow = RegisterFilter(date_from=date.today() + timedelta(days=1))
    assert shop_db.read(lambda s: case_register.count(s, tomorrow)) == 0
    missing = shop_db.read(lambda s: case_scan.scan(s, "NOSUCH123456"))
    assert missing.case is None and missing.matched == ""
    target = tmp_path / "register.xlsx"
    assert shop_db.read(lambda s: case_register.export_xlsx(s, after, target)) == 6
    sheet = load_workbook(target).active
    values = list(sheet.values)
    assert list(values[0]) == list(case_register.COLUMNS)
    signed_row = next(r for r in values[1:] if r[1] == made[0].case_no)
    assert signed_row[2] == made[0].order_no and signed_row[4] == "Return"
    assert signed_row[11] == "Yes" and signed_row[10] == "ZT0000000000"
    assert signed_row[14].startswith("赵强 ")


def test_unannounced_parcel_is_registered_and_followed_up(shop_db, shop_staff, order_nos):
    warehouse, after = shop_staff[Role.WAREHOUSE], shop_staff[Role.AFTERSALES]
    assert shop_db.read(lambda s: case_scan.scan(s, "JD000111222")).case is None
    case = shop_db.write(
        lambda s: unannounced_parcels.register_unannounced(
            s, warehouse, tracking="JD000111222", courier="京东"
        )
    )
    assert (case.state, case.unannounced, case.order_no) == (CaseState.UNANNOUNCED, True, None)
    assert case.card_in_parcel is CardInParcel.NO
    assert shop_db.read(lambda s: case_scan.scan(s, "JD000111222")).case.case_no == case.case_no
    linked = shop_db.write(
        lambda s: unannounced_parcels.link(
            s, after, case.case_no, order_no=order_nos[0], kind=CaseType.RETURN
        )
    )
    assert linked.state is CaseState.OPEN and linked.order_no == order_nos[0]


def _row(state: CaseState, kind: CaseType, *, early: bool = False) -> SimpleNamespace:
    """A case as the screens hold it, with only what the capability table reads."""
    return SimpleNamespace(
        case_no="SH1",
        state=state,
        type=kind,
        quality=False,
        claim_photo_count=0,
        refund_at=None,
        early_exchange_at=datetime.now() if early else None,
        free_freight_at=None,
    )


def _who(*roles: Role) -> Actor:
    return Actor(0, "x", "x", frozenset(roles))


def test_the_state_table_drives_the_buttons() -> None:
    assert all(rule.types for rule in MOVES.values())
    buttons = case_actions(_row(CaseState.OPEN, CaseType.EXCHANGE), _who(Role.AFTERSALES))
    assert CaseAction.EXCHANGE_SHIPPED not in buttons and CaseAction.RETURN in buttons
    boss = case_actions(
        _row(CaseState.RETURN_SENT, CaseType.EXCHANGE, early=True), _who(Role.SUPERVISOR)
    )
    assert CaseAction.EXCHANGE_SHIPPED in boss and CaseAction.APPROVE_FREE_FREIGHT in boss
    printer = case_actions(_row(CaseState.OPEN, CaseType.RECALL), _who(Role.PRINTER))
    assert printer == [CaseAction.RECEIVED]
    # the steps to come are there, disabled, with the reason (the refund before sign-off)
    steps = dict(
        capabilities.case_steps(_row(CaseState.OPEN, CaseType.RETURN), _who(Role.AFTERSALES))
    )
    assert steps[CaseAction.RETURN] is None
    refund = steps[CaseAction.REFUND]
    assert refund is not None and "inspected the returned goods" in refund.message()


def test_a_handed_over_order_arrives_with_its_request(shop_db, shop_staff, order_nos) -> None:
    presales, after = shop_staff[Role.PRESALES], shop_staff[Role.AFTERSALES]
    request = shop_db.write(
        lambda s: changes.request_cancel(s, presales, order_nos[0], reason="不要了", confirmed=True)
    )
    assert request.state is RequestState.HANDED_OVER
    assert [r.id for r in shop_db.read(case_handovers.handed_over)] == [request.id]
    case = open_case(shop_db, after, order_nos[0], CaseType.RECALL, reason="客户取消")
    assert case.change_request_id == request.id
    assert shop_db.read(case_handovers.handed_over) == []
    assert [c.case_no for c in shop_db.read(lambda s: cases.for_order(s, order_nos[0]))] == [
        case.case_no
    ]
    slip = shop_db.read(lambda s: case_recall.recall_slip(s, case.case_no))
    assert slip.order_no == order_nos[0] and slip.tracking_no and slip.reason == "客户取消"


def test_a_stale_copy_is_refused_with_who_changed_it(shop_db, shop_staff, order_nos) -> None:
    after = shop_staff[Role.AFTERSALES]
    case = open_case(shop_db, after, order_nos[0], CaseType.EXCHANGE)
    add(shop_db, after, case.case_no, jpeg())
    with pytest.raises(Conflict, match="changed by 李娜"):
        shop_db.write(
            lambda s: case_steps.record_return(
                s, after, case.case_no, tracking="SF1231231231", expected_version=case.version
            )
        )
    assert case_actions(case, _who(Role.WAREHOUSE)) == [
        CaseAction.SIGNOFF,
        CaseAction.PHOTO,
    ]


def test_a_huge_file_is_refused_without_being_read(tmp_path) -> None:
    """A video picked by mistake: refused by its size, before a byte is read."""
    from app.services.cases import photos as case_photos

    video = tmp_path / "clip.jpg"
    with video.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 2**20)
    with pytest.raises(InvalidInput) as refused:
        case_photos.prepare_file(video)
    assert "too large: 200.0 MB" in refused.value.message()
