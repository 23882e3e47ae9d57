"""The pre-sales request dialogs and the order's requests, on real services (both databases)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import Database
from app.models import CatalogueItem, Order, RequestKind, RequestState, Role, SpecialKind, Stage
from app.models.formats import seed_date
from app.services.changes import requests as changes
from app.services.changes.requests import RequestView
from app.services.changes.texts import Address
from app.services.core.actor import Actor
from app.services.core.rows import OrderDetail
from app.services.orders import lookup as orders
from app.views.changes.address_dialog import AddressDialog
from app.views.changes.change_dialog import CancelDialog, ChangeDialog
from app.views.changes.item_dialog import ItemChangeDialog
from app.views.changes.special_dialog import SpecialRequestDialog
from app.views.orders.order_detail import OrderDetailPanel

NEW_ADDRESS = {
    "name": "王小明",
    "phone": "13912345678",
    "province": "浙江省",
    "city": "杭州市",
    "district": "西湖区",
    "street": "文三路 100 号 2 单元 301",
    "postcode": "310012",
}


def _order_no(db: Database, stage: Stage, nth: int = 0) -> str:
    return db.read(lambda s: orders.list_page(s, stage=stage, limit=nth + 1))[nth].order_no


def _panel(qtbot: QtBot, actor: Actor, order_no: str) -> OrderDetailPanel:
    panel = OrderDetailPanel(actor)
    qtbot.addWidget(panel)
    panel.resize(900, 900)
    panel.show()
    with qtbot.waitSignal(panel.order_shown, timeout=10_000):
        panel.load(order_no)
    return panel


def _filler(
    qtbot: QtBot, fill: Callable[[ChangeDialog], None], *, confirmed: bool, urgent: bool = False
) -> tuple[Callable[..., RequestView | None], dict[str, ChangeDialog]]:
    """An ``ask`` replacement: the real dialog, filled in like a user, then Save."""
    seen: dict[str, ChangeDialog] = {}

    def ask(cls, parent: QWidget | None, actor: Actor, order: OrderDetail) -> RequestView | None:
        dialog = cls(parent, actor, order)
        qtbot.addWidget(dialog)
        dialog.show()
        seen["dialog"] = dialog
        fill(dialog)
        dialog.confirmed.setChecked(confirmed)
        dialog.urgent.setChecked(urgent)
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10_000)
        return dialog.saved

    return ask, seen


def _fill_address(dialog: ChangeDialog) -> None:
    assert isinstance(dialog, AddressDialog)
    for key, value in NEW_ADDRESS.items():
        dialog.fields[key].setText(value)


def test_address_change_on_a_paid_order_applies_and_signs_the_note(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch, errors
) -> None:
    actor = actors[Role.PRESALES]
    order_no = _order_no(gui_shop, Stage.PAID)
    panel = _panel(qtbot, actor, order_no)
    before = panel.order
    assert before is not None
    assert all(b.isEnabled() for b in panel.change_buttons.values())
    ask, seen = _filler(qtbot, _fill_address, confirmed=True)
    monkeypatch.setattr(AddressDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(panel.order_shown, timeout=10_000):
        panel.change_buttons[RequestKind.ADDRESS].click()

    dialog = seen["dialog"]
    assert "Not printed yet" in dialog.next_step.text()  # what happens, in plain words
    r = before.recipient  # the form started from the current address
    assert dialog.current.text().startswith(r.address)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: panel.order is not None and panel.order.version != before.version)
    after = panel.order
    assert after.recipient.name == "王小明" and after.recipient.street == NEW_ADDRESS["street"]
    note = after.notes[-1]
    new = Address(**NEW_ADDRESS).cleaned()
    assert note.text == f"客户要求修改地址，新地址为：{new.line()}" and note.flagged
    assert note.display == f"{note.text}---{seed_date(note.created_at)} 张三"
    assert any(note.display in t for t in panel.timeline_texts())
    (request,) = panel.requests.requests
    assert request.state is RequestState.OPEN and request.payload["old"]["name"] == r.name
    card = panel.requests.texts()[0]
    assert "With the order printer" in card and "→" in card and "asked by 张三" in card
    assert panel.requests.buttons(request.id) == {}  # nothing left for pre-sales to do
    assert not errors


def test_address_change_on_a_shipped_order_goes_to_after_sales(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch
) -> None:
    order_no = _order_no(gui_shop, Stage.SHIPPED)
    panel = _panel(qtbot, actors[Role.PRESALES], order_no)
    before = panel.order
    assert before is not None
    ask, seen = _filler(qtbot, _fill_address, confirmed=True)
    monkeypatch.setattr(AddressDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(panel.order_shown, timeout=10_000):
        panel.change_buttons[RequestKind.ADDRESS].click()
    assert "after-sales" in seen["dialog"].next_step.text()
    qtbot.waitUntil(lambda: len(panel.requests.requests) == 1)
    after = panel.order
    assert after is not None and after.recipient == before.recipient  # not changed here
    assert panel.requests.requests[0].state is RequestState.HANDED_OVER
    assert after.notes[-1].text.startswith("已发货，转交售后处理：客户要求修改地址")


def test_item_change_waits_for_the_customer_then_applies(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch, errors
) -> None:
    order_no = _order_no(gui_shop, Stage.PAID, 1)
    panel = _panel(qtbot, actors[Role.PRESALES], order_no)
    item = panel.order.items[0]  # type: ignore[union-attr]
    size_key = next(k for k in item.attributes if k != "颜色")

    def fill(dialog: ChangeDialog) -> None:
        assert isinstance(dialog, ItemChangeDialog)
        assert dialog.wanted() == item.attributes  # starts from what was bought
        dialog.set_attribute("颜色", "灰色")
        dialog.set_attribute(size_key, "40-新")

    ask, _seen = _filler(qtbot, fill, confirmed=False)
    monkeypatch.setattr(ItemChangeDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(panel.order_shown, timeout=10_000):
        panel.change_buttons[RequestKind.ATTRIBUTE].click()
    qtbot.waitUntil(lambda: len(panel.requests.requests) == 1)
    request = panel.requests.requests[0]
    assert request.state is RequestState.AWAITING_CONFIRMATION
    assert panel.order is not None and panel.order.items[0].attributes == item.attributes
    buttons = panel.requests.buttons(request.id)
    assert set(buttons) == {"open", "withdrawn"}  # from changes.allowed_actions
    assert buttons["open"].text() == "Customer confirmed"  # type: ignore[attr-defined]

    with qtbot.waitSignal(panel.order_shown, timeout=10_000):
        buttons["open"].click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: panel.requests.requests[0].state is RequestState.OPEN)
    assert panel.order.items[0].attributes == {**item.attributes, "颜色": "灰色", size_key: "40-新"}
    old = f"颜色{item.attributes['颜色']} {size_key}{item.attributes[size_key]}"
    new = f"颜色灰色 {size_key}40-新"
    assert panel.order.notes[-1].text == f"客户拍下{old}，要求修改成{new}，已修改妥当"
    assert not errors


@pytest.mark.parametrize(
    ("special", "text", "note"),
    [
        (SpecialKind.INVOICE, "悦步科技有限公司", "客户要求开发票，抬头为：悦步科技有限公司"),
        (SpecialKind.CARD, "生日快乐！", "客户要求写贺卡：生日快乐！"),
        (SpecialKind.COURIER, "京东快递", "客户要求发京东快递"),
    ],
)
def test_special_request(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch, special, text, note
) -> None:
    order_no = _order_no(gui_shop, Stage.PAID, 2)
    panel = _panel(qtbot, actors[Role.PRESALES], order_no)

    def fill(dialog: ChangeDialog) -> None:
        assert isinstance(dialog, SpecialRequestDialog)
        dialog.choose(special)
        dialog.text.setPlainText(text)

    ask, _seen = _filler(qtbot, fill, confirmed=True, urgent=True)
    monkeypatch.setattr(SpecialRequestDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(panel.order_shown, timeout=10_000):
        panel.change_buttons[RequestKind.SPECIAL].click()
    qtbot.waitUntil(lambda: len(panel.requests.requests) == 1)
    request = panel.requests.requests[0]
    assert request.urgent and request.state is RequestState.OPEN
    assert "URGENT" in panel.requests.texts()[0]
    assert panel.order is not None and panel.order.notes[-1].text == note


def test_cancel_a_printed_order_then_the_printer_voids_it(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch
) -> None:
    order_no = _order_no(gui_shop, Stage.PRINTED)
    panel = _panel(qtbot, actors[Role.PRESALES], order_no)

    def fill(dialog: ChangeDialog) -> None:
        assert isinstance(dialog, CancelDialog)
        assert "destroys the slips" in dialog.next_step.text()
        dialog.reason.setPlainText("拍错了尺码")

    ask, _seen = _filler(qtbot, fill, confirmed=True)
    monkeypatch.setattr(CancelDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(panel.order_shown, timeout=10_000):
        panel.change_buttons[RequestKind.CANCEL].click()
    qtbot.waitUntil(lambda: len(panel.requests.requests) == 1)
    request = panel.requests.requests[0]
    assert request.state is RequestState.OPEN and panel.order is not None
    assert panel.order.stage == "printed"  # the printer voids it once the slips are back
    assert panel.order.notes[-1].text == "客户要求取消订单，原因：拍错了尺码"


def test_buttons_follow_the_services_rules(qtbot: QtBot, gui_shop: Database, actors) -> None:
    paid = _order_no(gui_shop, Stage.PAID)
    printer = _panel(qtbot, actors[Role.PRINTER], paid)
    for button in printer.change_buttons.values():  # not an asker's role
        assert not button.isEnabled() and "role" in button.toolTip()
    cancelled = _order_no(gui_shop, Stage.CANCELLED)
    panel = _panel(qtbot, actors[Role.PRESALES], cancelled)
    assert not panel.change_buttons[RequestKind.CANCEL].isEnabled()
    assert "already cancelled" in panel.change_buttons[RequestKind.CANCEL].toolTip()
    assert not panel.change_buttons[RequestKind.ADDRESS].isEnabled()


def _dialog(qtbot: QtBot, cls: type[ChangeDialog], actor: Actor, order: OrderDetail):
    dialog = cls(None, actor, order)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize(
    ("field", "value", "why"),
    [("phone", "12345", "not a phone number"), ("province", " ", "Province cannot be empty")],
)
def test_bad_input_is_explained_and_kept_in_the_dialog(
    qtbot: QtBot, gui_shop: Database, actors, field, value, why, errors
) -> None:
    order = gui_shop.read(lambda s: orders.get(s, _order_no(gui_shop, Stage.PAID, 3)))
    dialog = _dialog(qtbot, AddressDialog, actors[Role.PRESALES], order)
    _fill_address(dialog)
    dialog.fields[field].setText(value)
    typed = {k: e.text() for k, e in dialog.fields.items()}
    dialog.save()
    qtbot.waitUntil(lambda: dialog.banner.isVisible() and dialog.buttons.isEnabled())
    assert why in dialog.banner.text()
    assert dialog.isVisible() and dialog.saved is None
    assert {k: e.text() for k, e in dialog.fields.items()} == typed
    assert gui_shop.read(lambda s: changes.for_order(s, order.order_no)) == []
    assert not errors  # inline, not a message box


def test_item_change_to_the_same_value_is_refused_inline(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    order = gui_shop.read(lambda s: orders.get(s, _order_no(gui_shop, Stage.PAID, 3)))
    dialog = _dialog(qtbot, ItemChangeDialog, actors[Role.PRESALES], order)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.banner.isVisible())
    assert "nothing to change" in dialog.banner.text() and dialog.isVisible()


def test_a_conflict_is_shown_in_the_dialog_which_keeps_the_input(
    qtbot: QtBot, gui_shop: Database, actors, errors
) -> None:
    order_no = _order_no(gui_shop, Stage.PAID, 4)
    order = gui_shop.read(lambda s: orders.get(s, order_no))
    dialog = _dialog(qtbot, AddressDialog, actors[Role.PRESALES], order)
    _fill_address(dialog)
    dialog.confirmed.setChecked(True)
    # meanwhile 李娜 (after-sales, another PC) changes the phone of the same order
    r = order.recipient
    other = Address(r.name, "13700001111", r.province, r.city, r.district, r.street, r.postcode)
    gui_shop.write(
        lambda s: changes.request_address(
            s, actors[Role.AFTERSALES], order_no, other, confirmed=True
        )
    )
    dialog.save()
    qtbot.waitUntil(lambda: dialog.banner.isVisible() and dialog.buttons.isEnabled())
    text = dialog.banner.text()
    assert "changed by 李娜" in text and "Reload" in text
    assert dialog.isVisible() and dialog.saved is None and dialog.reload_button.isVisible()
    assert dialog.fields["street"].text() == NEW_ADDRESS["street"]  # nothing typed is lost
    assert len(gui_shop.read(lambda s: changes.for_order(s, order_no))) == 1

    with qtbot.waitSignal(dialog.order_reloaded, timeout=10_000):
        dialog.reload_button.click()
    assert dialog.version != order.version and "13700001111" in dialog.current.text()
    assert dialog.fields["street"].text() == NEW_ADDRESS["street"]
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10_000)
    assert dialog.saved.state is RequestState.OPEN  # type: ignore[union-attr]
    assert not errors


def test_an_attribute_change_that_picks_the_new_sku(
    qtbot: QtBot, gui_shop: Database, actors, errors
) -> None:
    """The dialog shows the catalogue's SKU for the picked size, and the order then carries it;
    a size the catalogue lacks shows the SKU field instead."""
    order_no = _order_no(gui_shop, Stage.PAID, 5)
    order = gui_shop.read(lambda s: orders.get(s, order_no))
    item = order.items[0]
    size_key = next(k for k in item.attributes if k != "颜色")
    shop_id = gui_shop.read(
        lambda s: s.execute(select(Order.shop_id).where(Order.order_no == order_no)).scalar_one()
    )
    wanted = {**item.attributes, size_key: "99"}

    def add(s) -> None:
        for sku, attributes in ((item.sku, dict(item.attributes)), ("NEW-99", wanted)):
            s.add(
                CatalogueItem(
                    shop_id=shop_id,
                    sku=sku,
                    title=item.title,
                    attributes=attributes,
                    barcode="",
                    updated_at=datetime.now(UTC),
                )
            )

    gui_shop.write(add)
    dialog = _dialog(qtbot, ItemChangeDialog, actors[Role.PRESALES], order)
    dialog.set_attribute(size_key, "77")
    qtbot.waitUntil(lambda: "type the new item's SKU" in dialog.sku_hint.text(), timeout=10_000)
    assert not dialog.sku.isHidden()
    dialog.set_attribute(size_key, "99")
    qtbot.waitUntil(lambda: "will carry SKU NEW-99" in dialog.sku_hint.text(), timeout=10_000)
    assert dialog.sku.isHidden()
    dialog.confirmed.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10_000)
    changed = gui_shop.read(lambda s: orders.get(s, order_no)).items[0]
    assert (changed.sku, changed.attributes) == ("NEW-99", wanted)
    assert not errors


def test_a_request_while_no_printer_is_on_shift_warns_the_asker(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    from app.services.roster import rotation
    from app.views.kit.ops import wait_for_ops

    order_no = _order_no(gui_shop, Stage.PAID, 4)
    order = gui_shop.read(lambda s: orders.get(s, order_no))
    before = CancelDialog(None, actors[Role.PRESALES], order)
    qtbot.addWidget(before)
    assert wait_for_ops()
    assert before.printer_away.isHidden()  # no roster today: nothing to say
    today = datetime.now().astimezone().date()
    gui_shop.write(
        lambda s: rotation.set_shift(s, actors[Role.SUPERVISOR], today, "presales", "service_early")
    )  # today's roster has nobody at the printer's desk
    dialog = CancelDialog(None, actors[Role.PRESALES], order)
    qtbot.addWidget(dialog)
    assert wait_for_ops()
    assert not dialog.printer_away.isHidden()
    assert "No order printer is on shift now" in dialog.printer_away.text()
