"""Change requests at the service level: bad input, permissions, conflicts, the queue."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.models import RequestKind, RequestPath, RequestState, Role, SpecialKind, Stage
from app.models.errors import Conflict, InvalidInput, PermissionDenied, TransitionRefused
from app.services.changes import requests as changes
from app.services.changes.texts import Address
from app.services.core import audit
from app.services.core.capabilities import request_steps
from app.services.orders import lookup as orders
from app.services.orders import notes


def _order(db, stage: Stage):
    row = db.read(lambda s: orders.list_page(s, stage=stage, limit=1))[0]
    return db.read(lambda s: orders.get(s, row.order_no))


def _address(detail, **changes_):
    r = detail.recipient
    values = dict(
        name=r.name,
        phone=r.phone,
        province=r.province,
        city=r.city,
        district=r.district,
        street=r.street,
        postcode=r.postcode,
    )
    values.update(changes_)
    return Address(**values)


@pytest.mark.parametrize(
    ("changes_", "fragment"),
    [
        ({"province": ""}, "Province cannot be empty"),
        ({"phone": ""}, "Phone cannot be empty"),
        ({"phone": "12345"}, "not a phone number"),
        ({"phone": "138001380001"}, "not a phone number"),
        ({}, "same as the old one"),
    ],
)
def test_bad_addresses_change_nothing(shop_db, shop_staff, changes_, fragment) -> None:
    detail = _order(shop_db, Stage.PAID)
    with pytest.raises(InvalidInput, match=fragment):
        shop_db.write(
            lambda s: changes.request_address(
                s,
                shop_staff[Role.PRESALES],
                detail.order_no,
                _address(detail, **changes_),
                confirmed=True,
            )
        )
    assert shop_db.read(lambda s: orders.get(s, detail.order_no)) == detail
    assert shop_db.read(lambda s: changes.for_order(s, detail.order_no)) == []


def test_landline_and_international_numbers_are_phones(shop_db, shop_staff) -> None:
    detail = _order(shop_db, Stage.PAID)
    for phone in ("0571-88886666", "+442071234567"):
        request = shop_db.write(
            lambda s, p=phone: changes.request_address(
                s,
                shop_staff[Role.PRESALES],
                detail.order_no,
                _address(detail, phone=p),
                confirmed=True,
            )
        )
        assert request.payload["new"]["phone"] == phone
        assert shop_db.read(lambda s: orders.get(s, detail.order_no)).recipient.phone == phone


def test_attribute_change_to_the_same_value(shop_db, shop_staff) -> None:
    detail = _order(shop_db, Stage.PAID)
    item = detail.items[0]
    with pytest.raises(InvalidInput, match="nothing to change"):
        shop_db.write(
            lambda s: changes.request_attribute(
                s,
                shop_staff[Role.PRESALES],
                detail.order_no,
                item_sku=item.sku,
                attributes=dict(item.attributes),
            )
        )
    with pytest.raises(InvalidInput, match="has no item"):
        shop_db.write(
            lambda s: changes.request_attribute(
                s,
                shop_staff[Role.PRESALES],
                detail.order_no,
                item_sku="NOPE",
                attributes={"尺码": "40"},
            )
        )


def test_no_change_on_a_cancelled_order(shop_db, shop_staff) -> None:
    detail = _order(shop_db, Stage.CANCELLED)
    with pytest.raises(TransitionRefused, match="can no longer be changed"):
        shop_db.write(
            lambda s: changes.request_special(
                s,
                shop_staff[Role.PRESALES],
                detail.order_no,
                special=SpecialKind.CARD,
                text="生日快乐",
            )
        )
    with pytest.raises(TransitionRefused, match="already cancelled"):
        shop_db.write(
            lambda s: changes.request_cancel(s, shop_staff[Role.PRESALES], detail.order_no)
        )


def test_second_cancellation_while_one_is_under_way(shop_db, shop_staff) -> None:
    detail = _order(shop_db, Stage.PAID)
    first = shop_db.write(
        lambda s: changes.request_cancel(
            s, shop_staff[Role.PRESALES], detail.order_no, confirmed=True
        )
    )
    with pytest.raises(TransitionRefused, match=f"#{first.id}"):
        shop_db.write(
            lambda s: changes.request_cancel(s, shop_staff[Role.AFTERSALES], detail.order_no)
        )


def test_only_the_printer_acknowledges_and_only_staff_ask(shop_db, shop_staff) -> None:
    detail = _order(shop_db, Stage.PAID)
    with pytest.raises(PermissionDenied):
        shop_db.write(
            lambda s: changes.request_cancel(s, shop_staff[Role.WAREHOUSE], detail.order_no)
        )
    req = shop_db.write(
        lambda s: changes.request_cancel(
            s, shop_staff[Role.PRESALES], detail.order_no, confirmed=True
        )
    )
    for role in (Role.PRESALES, Role.WAREHOUSE, Role.SUPERVISOR, Role.ADMIN):
        with pytest.raises(PermissionDenied, match="Order printer"):
            shop_db.write(lambda s, r=role: changes.acknowledge(s, shop_staff[r], req.id))
    assert shop_db.read(lambda s: changes.get(s, req.id)).state is RequestState.OPEN


def test_request_moves_follow_the_table(shop_db, shop_staff) -> None:
    detail = _order(shop_db, Stage.PAID)
    clerk, printer = shop_staff[Role.PRESALES], shop_staff[Role.PRINTER]
    req = shop_db.write(
        lambda s: changes.request_special(
            s, clerk, detail.order_no, special=SpecialKind.DELIVERY, text="周六上午"
        )
    )
    with pytest.raises(TransitionRefused, match="cannot become"):
        shop_db.write(lambda s: changes.acknowledge(s, printer, req.id))
    assert [to for to, why in request_steps(req, clerk) if why is None] == [
        RequestState.OPEN,
        RequestState.WITHDRAWN,
    ]
    withdrawn = shop_db.write(lambda s: changes.withdraw(s, clerk, req.id))
    assert withdrawn.state is RequestState.WITHDRAWN
    with pytest.raises(TransitionRefused):
        shop_db.write(lambda s: changes.confirm(s, clerk, req.id))
    # withdrawn before confirmation: the order never changed
    assert shop_db.read(lambda s: orders.get(s, detail.order_no)).extras == {}


def test_two_people_changing_the_same_order(shop_db, shop_staff) -> None:
    detail = _order(shop_db, Stage.PAID)
    shop_db.write(
        lambda s: changes.request_address(
            s,
            shop_staff[Role.PRESALES],
            detail.order_no,
            _address(detail, street="甲路1号"),
            expected_version=detail.version,
            confirmed=True,
        )
    )
    with pytest.raises(Conflict, match="changed by 张三"):
        shop_db.write(
            lambda s: changes.request_address(
                s,
                shop_staff[Role.AFTERSALES],
                detail.order_no,
                _address(detail, street="乙路2号"),
                expected_version=detail.version,
                confirmed=True,
            )
        )
    assert shop_db.read(lambda s: orders.get(s, detail.order_no)).recipient.street == "甲路1号"


def test_confirming_a_request_whose_starting_point_changed(shop_db, shop_staff) -> None:
    detail = _order(shop_db, Stage.PAID)
    clerk, other = shop_staff[Role.PRESALES], shop_staff[Role.AFTERSALES]
    stale = shop_db.write(
        lambda s: changes.request_address(
            s, clerk, detail.order_no, _address(detail, street="甲路1号")
        )
    )
    shop_db.write(
        lambda s: changes.request_address(
            s, other, detail.order_no, _address(detail, street="乙路2号"), confirmed=True
        )
    )
    with pytest.raises(Conflict, match="changed by 李娜"):
        shop_db.write(lambda s: changes.confirm(s, clerk, stale.id))
    assert shop_db.read(lambda s: orders.get(s, detail.order_no)).recipient.street == "乙路2号"


def test_name_change_is_searchable_and_history_kept(shop_db, shop_staff) -> None:
    detail = _order(shop_db, Stage.PAID)
    shop_db.write(
        lambda s: changes.request_address(
            s,
            shop_staff[Role.PRESALES],
            detail.order_no,
            _address(detail, name="欧阳娜娜"),
            confirmed=True,
        )
    )
    assert detail.order_no in [r.order_no for r in shop_db.read(lambda s: orders.find(s, "阳娜"))]
    history = shop_db.read(lambda s: audit.history(s, "order", detail.order_no))
    confirm = next(h for h in history if h.action == "request.confirm")
    assert confirm.before is None and confirm.after["old"]["name"] == detail.recipient.name


def test_queue_is_urgent_first_and_overdue_is_flagged(shop_db, shop_staff) -> None:
    rows = shop_db.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=2))
    clerk = shop_staff[Role.PRESALES]
    calm = shop_db.write(
        lambda s: changes.request_special(
            s, clerk, rows[0].order_no, special=SpecialKind.CARD, text="新婚快乐", confirmed=True
        )
    )
    rush = shop_db.write(
        lambda s: changes.request_special(
            s,
            clerk,
            rows[1].order_no,
            special=SpecialKind.OTHER,
            text="加急",
            urgent=True,
            confirmed=True,
        )
    )
    queue = shop_db.read(changes.queue)
    assert [r.id for r in queue] == [rush.id, calm.id]
    minutes = shop_db.read(changes.overdue_minutes)
    assert minutes == 30
    assert not calm.is_overdue(calm.confirmed_at + timedelta(minutes=29), minutes)
    assert calm.is_overdue(calm.confirmed_at + timedelta(minutes=31), minutes)
    shop_db.write(lambda s: changes.set_overdue_minutes(s, shop_staff[Role.SUPERVISOR], 10))
    assert shop_db.read(changes.overdue_minutes) == 10
    with pytest.raises(PermissionDenied):
        shop_db.write(lambda s: changes.set_overdue_minutes(s, clerk, 5))


def test_generated_notes_cannot_be_forged(shop_db, shop_staff) -> None:
    """The service signs with the actor's own name; nothing lets a caller pick another."""
    detail = _order(shop_db, Stage.PAID)
    shop_db.write(
        lambda s: changes.request_special(
            s,
            shop_staff[Role.AFTERSALES],
            detail.order_no,
            special=SpecialKind.COURIER,
            text="顺丰速运",
            confirmed=True,
        )
    )
    last = shop_db.read(lambda s: notes.for_order(s, detail.order_no))[-1]
    assert (last.text, last.author, last.kind) == ("客户要求发顺丰速运", "李娜", "request.special")
    assert shop_db.read(lambda s: orders.get(s, detail.order_no)).courier == "顺丰速运"


def test_paths_table() -> None:
    assert changes.path_for(RequestKind.ADDRESS, Stage.PRINTED, "1") is RequestPath.AMEND_SLIPS
    assert changes.path_for(RequestKind.CANCEL, Stage.PACKED, "1") is (
        RequestPath.RETRIEVE_PARCEL_VOID
    )
    with pytest.raises(TransitionRefused):
        changes.path_for(RequestKind.ADDRESS, Stage.CLOSED, "1")


def test_an_askers_requests_under_way_first_then_latest_finished(shop_db, shop_staff) -> None:
    rows = shop_db.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=3))
    clerk, other = shop_staff[Role.PRESALES], shop_staff[Role.AFTERSALES]
    done = [
        shop_db.write(
            lambda s, r=r: changes.request_special(
                s, clerk, r.order_no, special=SpecialKind.CARD, text=f"卡片{r.id}", confirmed=True
            )
        )
        for r in rows[:2]
    ]
    for req in done:
        shop_db.write(lambda s, i=req.id: changes.acknowledge(s, shop_staff[Role.PRINTER], i))
    waiting = shop_db.write(
        lambda s: changes.request_special(
            s, clerk, rows[2].order_no, special=SpecialKind.CARD, text="等待确认"
        )
    )
    shop_db.write(
        lambda s: changes.request_special(
            s, other, rows[2].order_no, special=SpecialKind.DELIVERY, text="周日"
        )
    )
    mine = shop_db.read(lambda s: changes.requests_of(s, clerk.user_id))
    assert [r.id for r in mine] == [waiting.id, done[1].id, done[0].id]


def test_the_warehouse_reads_an_address_change_without_street_or_phone(shop_db, shop_staff) -> None:
    """docs/permissions.md: the warehouse sees phones masked and addresses down to the district,
    also where a note or the order's change request quotes them."""
    detail = _order(shop_db, Stage.PAID)
    presales, warehouse = shop_staff[Role.PRESALES], shop_staff[Role.WAREHOUSE]
    new = _address(detail, street="文三路100号3幢501室", phone="13912345678")
    shop_db.write(
        lambda s: changes.request_address(s, presales, detail.order_no, new, confirmed=True)
    )
    shop_db.write(
        lambda s: notes.add(s, presales, detail.order_no, "换货已发出，单号为：731000000000001")
    )

    def read(actor):
        return shop_db.read(
            lambda s: (
                orders.show(s, actor, detail.order_no),
                changes.read_for_order(s, actor, detail.order_no),
            )
        )

    full, full_requests = read(presales)
    assert "文三路100号3幢501室" in full.notes[-2].text
    assert "13912345678" in full_requests[0].summary
    seen, requests = read(warehouse)
    quoted, shipped = seen.notes[-2].text, seen.notes[-1].text
    district = f"{new.province}{new.city}{new.district}"
    assert f"新地址为：{district}****，" in quoted
    assert "文三路" not in quoted and "13912345678" not in quoted
    assert "139****5678" in quoted  # enough to match a parcel
    assert shipped == "换货已发出，单号为：731000000000001"  # a tracking number is no phone
    (request,) = requests
    assert "文三路" not in request.summary and "13912345678" not in request.summary
    assert request.payload["new"]["street"] == "****"
    assert request.payload["new"]["phone"] == "139****5678"
