"""The scan desk: the warehouse's returns desk and the printer's recalled parcels.

A scanner types a number and presses Enter; the page shows the case at once, or "not
registered" with a way to register the parcel; the person signs through the page and
the keyboard stays in the scan box. Against the demo shop, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import CardInParcel, CaseState, CaseType, Role, SignoffResult
from app.models.errors import UserError
from app.models.formats import seed_date
from app.services.cases import opening as cases
from app.services.cases import photos as case_photos
from app.services.cases import scan as case_scan
from app.services.cases import steps as case_steps
from app.services.cases.rows import CaseDetail
from app.services.cases.rules import CaseAction
from app.services.core.actor import Actor
from app.services.core.events import ChangeEvent
from app.views.cases.case_actions import CaseForm
from app.views.cases.case_forms import SignoffForm
from app.views.cases.scan_page import ScanPage
from app.views.cases.scan_result_view import Scanned
from app.views.cases.unannounced_dialog import UnannouncedDialog
from app.views.kit.ops import hub, wait_for_ops
from tests.case_helpers import jpeg, png, shipped_orders


def _open(db: Database, actor: Actor, order_no: str, kind: CaseType, **kw: object) -> CaseDetail:
    return db.write(lambda s: cases.open_case(s, actor, order_no, kind, **kw))  # type: ignore[arg-type]


@pytest.fixture
def quality_return(gui_shop: Database, actors) -> CaseDetail:
    """A quality return on its way back, with two photos of the defect."""
    aftersales = actors[Role.AFTERSALES]
    order_no = shipped_orders(gui_shop, 1)[0]
    case = _open(
        gui_shop,
        aftersales,
        order_no,
        CaseType.RETURN,
        reason="鞋底开胶",
        quality=True,
        defect_location="左脚鞋头缝线",
        card=CardInParcel.YES,
        wants="",
    )
    photos = [case_photos.prepare(jpeg(800, 600), "toe.jpg"), case_photos.prepare(png(), "s.png")]
    gui_shop.write(lambda s: case_photos.add_photos(s, aftersales, case.case_no, photos))
    return gui_shop.write(
        lambda s: case_steps.record_return(
            s, aftersales, case.case_no, tracking="SF1000200030", courier="顺丰"
        )
    )


@pytest.fixture
def desk(qtbot: QtBot, gui_shop: Database) -> Iterator[Callable[[Actor], ScanPage]]:
    """Open scan pages, kept alive until their workers are done.

    qtbot holds widgets weakly: a page whose last reference were an Op finishing in a
    worker thread would be freed off the GUI thread.
    """
    pages: list[ScanPage] = []

    def open_page(actor: Actor) -> ScanPage:
        page = ScanPage(actor)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        page.activateWindow()
        qtbot.waitUntil(page.scan_box.hasFocus)
        pages.append(page)
        return page

    yield open_page
    assert wait_for_ops()
    pages.clear()


def _scan(qtbot: QtBot, page: ScanPage, code: str) -> Scanned:
    """Type the number as a scanner does (keys, then Enter) and wait for the result."""
    with qtbot.waitSignal(page.shown, timeout=10_000) as shown:
        qtbot.keyClicks(page.scan_box, code)
        qtbot.keyClick(page.scan_box, Qt.Key.Key_Return)
    assert isinstance(shown.args[0], Scanned)
    return shown.args[0]


def _buttons(page: ScanPage) -> list[str]:
    return [b.text() for b in page.result.action_buttons.values()]


def test_scanning_the_return_tracking_number_shows_the_case(
    qtbot: QtBot, gui_shop: Database, actors, desk, quality_return: CaseDetail, errors
) -> None:
    page = desk(actors[Role.WAREHOUSE])
    assert page.windowTitle() == "Returns desk"
    _scan(qtbot, page, "SF1000200030")
    view = page.result
    assert view.currentIndex() == 1
    assert view.case_no.text() == quality_return.case_no
    assert view.kind.text() == "Return · Return on its way"
    assert view.fields["order"].text() == quality_return.order_no
    assert view.fields["buyer"].text() == quality_return.buyer_id
    assert view.fields["matched"].text() == "return parcel's tracking number: SF1000200030"
    assert view.fields["reason"].text() == "鞋底开胶"
    assert view.fields["quality"].text() == "Yes — 左脚鞋头缝线"
    assert view.fields["card"].text() == "Yes"
    assert view.fields["parcel"].text() == "顺丰 SF1000200030"
    assert view.photos_title.text() == "Photos (2)"
    assert view.thumbs.count() == 2  # both claim photos, as thumbnails
    assert view.signature_text() == ""  # nobody has signed yet
    # the warehouse may sign for the goods and add photos; nothing else at this desk
    assert set(view.action_buttons) == {CaseAction.SIGNOFF, CaseAction.PHOTO}
    assert "Inspect and sign for the goods" in _buttons(page)
    # the session's list, and the keyboard back in the scan box for the next parcel
    assert page.history_table.rowCount() == 1
    assert page.history_table.item(0, 1).text() == "SF1000200030"
    assert page.history_table.item(0, 2).text() == f"{quality_return.case_no} · Return on its way"
    assert page.scan_box.hasFocus() and page.scan_box.text() == ""
    with qtbot.waitSignal(page.case_requested) as opened:
        view.open_button.click()
    assert opened.args == [quality_return.case_no]
    assert not errors


def test_order_and_case_numbers_find_the_case_too(
    qtbot: QtBot, gui_shop: Database, actors, desk, quality_return: CaseDetail
) -> None:
    page = desk(actors[Role.WAREHOUSE])
    by_order = _scan(qtbot, page, quality_return.order_no or "")
    assert by_order.result.case is not None
    assert page.result.case_no.text() == quality_return.case_no
    assert page.result.fields["matched"].text().startswith("order number: ")
    # a second case on the same order is named, so the packer knows there are two
    other = _open(
        gui_shop, actors[Role.AFTERSALES], quality_return.order_no or "", CaseType.COMPLAINT
    )
    _scan(qtbot, page, quality_return.order_no or "")
    assert page.result.case_no.text() == other.case_no  # the newest case still under way
    assert page.result.fields["others"].text() == quality_return.case_no
    # the case number, typed in lower case by hand
    _scan(qtbot, page, quality_return.case_no.lower())
    assert page.result.case_no.text() == quality_return.case_no
    assert page.result.fields["matched"].text().startswith("case number: ")
    assert page.history_table.rowCount() == 3
    assert page.scan_box.hasFocus()


def test_the_history_keeps_the_last_twenty_scans(
    qtbot: QtBot, gui_shop: Database, actors, desk
) -> None:
    page = desk(actors[Role.WAREHOUSE])
    for n in range(22):
        _scan(qtbot, page, f"ZZ{n:04d}")
    assert page.history_table.rowCount() == 20
    assert page.history_table.item(0, 1).text() == "ZZ0021"  # newest first
    assert page.history_table.item(0, 2).text() == "Not registered"


def test_an_unknown_parcel_is_not_registered_and_can_be_registered(
    qtbot: QtBot,
    gui_shop: Database,
    actors,
    desk,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path,
    errors,
) -> None:
    warehouse = actors[Role.WAREHOUSE]
    page = desk(warehouse)
    _scan(qtbot, page, "YT9988776655")
    view = page.result
    assert view.currentIndex() == 2
    assert view.missing_title.text() == "Not registered"
    assert view.missing_code.text() == "YT9988776655"
    assert "No after-sales case and no order has YT9988776655" in view.missing_text.text()
    assert not view.register_button.isHidden()

    def fill(cls, parent, actor, code, order_no=None):  # the warehouse fills the form
        dialog = cls(parent, actor, code, order_no)
        assert dialog.tracking.text() == "YT9988776655" and dialog.order_no.text() == ""
        dialog.courier.setText("圆通")
        dialog.card.setChecked(True)
        dialog.remark.setPlainText("黑色运动鞋一双，卡片写着：买家 tb_li 换43码")
        dialog.add_paths([str(photo)])
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            dialog.save()
        return dialog.saved

    photo = tmp_path / "parcel.jpg"
    photo.write_bytes(jpeg(640, 480, "green"))
    monkeypatch.setattr(UnannouncedDialog, "ask", classmethod(fill))
    with qtbot.waitSignal(page.shown, timeout=10_000) as shown:
        view.register_button.click()
    case = shown.args[0].result.case
    assert case is not None and case.state is CaseState.UNANNOUNCED
    assert view.currentIndex() == 1 and view.case_no.text() == case.case_no
    assert view.kind.text() == "Return · Unannounced return"
    assert view.fields["matched"].text() == "return parcel's tracking number: YT9988776655"
    assert view.fields["card"].text() == "Yes"
    assert view.thumbs.count() == 1
    assert page.history_table.item(0, 2).text() == f"Registered as {case.case_no}"
    assert page.scan_box.hasFocus()
    # the register has it, as the services read it back
    stored = gui_shop.read(lambda s: case_scan.scan(s, "YT9988776655")).case
    assert stored is not None and stored.case_no == case.case_no
    assert stored.unannounced and stored.return_courier == "圆通"
    assert stored.card_in_parcel is CardInParcel.YES and "tb_li" in stored.reason
    assert stored.opened_by == warehouse.display_name and len(stored.photos) == 1
    assert not errors


def test_a_refused_registration_is_said_in_the_dialog(
    qtbot: QtBot, gui_shop: Database, actors, quality_return: CaseDetail
) -> None:
    dialog = UnannouncedDialog(None, actors[Role.WAREHOUSE], "SF1000200030")
    qtbot.addWidget(dialog)
    dialog.save()  # that number is already on a case
    qtbot.waitUntil(lambda: not dialog.banner.isHidden(), timeout=10_000)
    assert quality_return.case_no in dialog.banner.text()
    assert dialog.saved is None and dialog.buttons.isEnabled()
    dialog.tracking.setText("SF5550001")
    dialog.add_paths([__file__])  # not a photo: refused before anything is written
    dialog.banner.clear()
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.banner.isHidden(), timeout=10_000)
    assert gui_shop.read(lambda s: case_scan.scan(s, "SF5550001")).case is None
    assert wait_for_ops()  # the dialog outlives its workers (qtbot holds it weakly)


def test_an_order_without_a_case_says_so_and_may_still_be_registered(
    qtbot: QtBot, gui_shop: Database, actors, desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    order_no = shipped_orders(gui_shop, 3)[2]
    page = desk(actors[Role.WAREHOUSE])
    _scan(qtbot, page, order_no)
    view = page.result
    assert view.currentIndex() == 2
    assert view.missing_title.text() == "No after-sales case"
    assert f"Order {order_no} exists, but it has no after-sales case" in view.missing_text.text()
    assert page.history_table.item(0, 2).text() == f"Order {order_no}: no after-sales case"
    asked: list[tuple[str, str | None]] = []
    monkeypatch.setattr(
        UnannouncedDialog,
        "ask",
        classmethod(lambda cls, parent, actor, code, order_no=None: asked.append((code, order_no))),
    )
    view.register_button.click()
    assert asked == [(order_no, order_no)]  # the order is named on the new case
    assert page.scan_box.hasFocus()


def test_presales_sees_the_case_but_cannot_sign(
    qtbot: QtBot, gui_shop: Database, actors, desk, quality_return: CaseDetail
) -> None:
    presales = actors[Role.PRESALES]
    page = desk(presales)
    _scan(qtbot, page, "SF1000200030")
    assert page.result.case_no.text() == quality_return.case_no
    assert page.result.action_buttons == {}
    assert page.result.no_actions.text() == "Nothing for you to do on this case."
    with pytest.raises(UserError):
        gui_shop.write(
            lambda s: case_steps.signoff(
                s, presales, quality_return.case_no, result=SignoffResult.AS_DESCRIBED
            )
        )
    _scan(qtbot, page, "XX404")
    assert page.result.register_button.isHidden()  # nor may they register parcels


def _form(page: ScanPage, action: CaseAction) -> CaseForm:
    """Press the action's button; the form it opens (window-modal, no nested loop)."""
    page.result.action_buttons[action].click()
    forms = [f for f in page.findChildren(CaseForm) if f.isVisible()]
    assert len(forms) == 1
    return forms[0]


def test_the_warehouse_signs_for_the_goods_at_the_desk(
    qtbot: QtBot, gui_shop: Database, actors, desk, quality_return: CaseDetail, errors
) -> None:
    warehouse = actors[Role.WAREHOUSE]
    page = desk(warehouse)
    _scan(qtbot, page, "SF1000200030")
    # changed their mind: Cancel changes nothing and the next parcel can be scanned at once
    form = _form(page, CaseAction.SIGNOFF)
    form.reject()
    qtbot.waitUntil(page.scan_box.hasFocus)
    form = _form(page, CaseAction.SIGNOFF)
    assert isinstance(form, SignoffForm)
    form.result.setCurrentIndex(form.result.findData(SignoffResult.DAMAGED))
    form.notes.setPlainText("鞋盒压坏")
    with qtbot.waitSignal(page.shown, timeout=10_000) as shown:
        form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    case = shown.args[0].result.case
    assert case is not None and case.state is CaseState.RECEIVED
    view = page.result
    assert view.kind.text() == "Return · Signed for by the warehouse"
    today = seed_date(case.signoff_at)  # type: ignore[arg-type]
    assert view.signature_text() == f"Inspected and signed: Damaged — 鞋盒压坏---{today} 赵强"
    assert not view.signature.isHidden()
    assert CaseAction.SIGNOFF not in view.action_buttons  # signed once
    # "found by" still says what was scanned, and the list shows what was done
    assert view.fields["matched"].text() == "return parcel's tracking number: SF1000200030"
    assert page.history_table.item(0, 2).text() == (
        f"{quality_return.case_no} · Signed for by the warehouse"
    )
    qtbot.waitUntil(page.scan_box.hasFocus)  # once the form has gone
    stored = gui_shop.read(lambda s: cases.get(s, quality_return.case_no))
    assert (stored.signoff_by, stored.signoff_result) == ("赵强", "damaged")
    assert not errors


def test_the_printer_signs_original_parcel_received_for_a_recall(
    qtbot: QtBot, gui_shop: Database, actors, desk, errors
) -> None:
    order_no = shipped_orders(gui_shop, 2)[1]
    recall = _open(gui_shop, actors[Role.AFTERSALES], order_no, CaseType.RECALL, reason="客户拒收")
    assert recall.return_tracking_no  # the parcel's own number comes back with it
    printer = actors[Role.PRINTER]
    page = desk(printer)
    assert page.windowTitle() == "Recalled parcels"
    _scan(qtbot, page, recall.return_tracking_no)
    assert page.result.case_no.text() == recall.case_no
    assert set(page.result.action_buttons) == {CaseAction.RECEIVED}
    form = _form(page, CaseAction.RECEIVED)
    assert any("原包裹已收到" in label.text() for label in form.findChildren(QLabel))
    with qtbot.waitSignal(page.shown, timeout=10_000) as shown:
        form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    case = shown.args[0].result.case
    assert case is not None and case.state is CaseState.PARCEL_BACK
    day = seed_date(case.parcel_back_at)  # type: ignore[arg-type]
    assert page.result.signature_text() == f"原包裹已收到---{day} {printer.display_name}"
    assert page.result.kind.text() == "Parcel recall · Original parcel received"
    assert page.result.action_buttons == {}
    qtbot.waitUntil(page.scan_box.hasFocus)
    assert gui_shop.read(lambda s: cases.get(s, recall.case_no)).parcel_back_by == "王芳"
    # an unknown parcel at the printer's desk: said so, but the printer does not register it
    _scan(qtbot, page, "ZT0000001")
    assert page.result.currentIndex() == 2 and page.result.register_button.isHidden()
    assert not errors


def test_the_warehouse_adds_photos_to_a_case_from_the_desk(
    qtbot: QtBot, gui_shop: Database, actors, desk, quality_return: CaseDetail
) -> None:
    page = desk(actors[Role.WAREHOUSE])
    _scan(qtbot, page, quality_return.case_no)
    form = _form(page, CaseAction.PHOTO)
    form.photos.add_sources([("box.jpg", jpeg(320, 240, "yellow"))])  # type: ignore[attr-defined]
    assert wait_for_ops()
    with qtbot.waitSignal(page.shown, timeout=10_000):
        form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert page.result.thumbs.count() == 3
    assert page.result.photos_title.text() == "Photos (3)"
    qtbot.waitUntil(page.scan_box.hasFocus)


def test_the_shown_case_is_re_read_when_it_changes_elsewhere(
    qtbot: QtBot, gui_shop: Database, actors, desk, quality_return: CaseDetail
) -> None:
    page = desk(actors[Role.AFTERSALES])
    _scan(qtbot, page, "SF1000200030")
    assert page.result.signature_text() == ""
    signed = gui_shop.write(
        lambda s: case_steps.signoff(
            s, actors[Role.WAREHOUSE], quality_return.case_no, result=SignoffResult.AS_DESCRIBED
        )
    )
    event = ChangeEvent(1, datetime.now(UTC), "赵强", "case.signoff", "case", signed.case_no)
    with qtbot.waitSignal(page.shown, timeout=10_000):
        hub().changes_seen.emit([event])
    assert page.result.signature_text().endswith(" 赵强")
    assert page.history_table.rowCount() == 1  # a refresh is not a scan


def test_only_the_newest_scan_is_shown_when_answers_cross(
    qtbot: QtBot, desk, quality_return: CaseDetail, actors, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow first look-up must not replace the parcel scanned after it."""
    import threading

    from app.views.cases import scan_page

    release = threading.Event()
    real = scan_page.look_up

    def slow_for_unknown(session, code: str):  # type: ignore[no-untyped-def]
        if code == "JT0000000001":
            release.wait(10)
        return real(session, code)

    monkeypatch.setattr(scan_page, "look_up", slow_for_unknown)
    page = desk(actors[Role.WAREHOUSE])
    page.scan("JT0000000001")  # slow: answers last
    with qtbot.waitSignal(page.shown, timeout=10_000):
        page.scan("SF1000200030")
    release.set()
    assert wait_for_ops()
    assert page.current is not None and page.current.result.case is not None
    assert page.current.result.case.case_no == quality_return.case_no
    assert len(page.history) == 2  # both scans are in the history
