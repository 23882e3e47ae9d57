"""The case dialog, its step forms and the open-case dialog, on real services (both databases)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import CaseState, CaseType, Role, SignoffResult
from app.services.cases import opening as cases
from app.services.cases import steps as case_steps
from app.services.cases import unannounced_parcels
from app.services.cases.rows import CaseDetail
from app.services.cases.rules import CaseAction
from app.services.core import demo
from app.services.core.actor import Actor
from app.services.core.events import ChangeEvent
from app.services.orders import lookup as orders
from app.views.cases.case_dialog import CaseDialog, open_case_dialog
from app.views.cases.case_forms import (
    CaseForm,
    CloseForm,
    ExchangeShippedForm,
    LinkForm,
    RefundForm,
    ReturnForm,
    SignoffForm,
)
from app.views.cases.case_open_dialog import OpenCaseDialog, ask_open_case
from app.views.cases.photo_widgets import PhotoViewer
from app.views.kit.ops import hub, wait_for_ops
from app.views.kit.pdf_preview import PreviewDialog, page_sizes_mm
from tests.case_helpers import jpeg, png, shipped_orders
from tests.conftest import demo_actors
from tests.views.layout import assert_fits


@pytest.fixture
def shop(gui_db: Database) -> Database:
    gui_db.write(lambda s: demo.fill(s, 30))
    return gui_db


@pytest.fixture
def staff(shop: Database) -> dict[Role, Actor]:
    return demo_actors(shop)


def _get(db: Database, case_no: str) -> CaseDetail:
    return db.read(lambda s: cases.get(s, case_no))


def _open(db: Database, actor: Actor, kind: CaseType = CaseType.RETURN, **kw) -> CaseDetail:  # type: ignore[no-untyped-def]
    order_no = shipped_orders(db, 1)[0]
    return db.write(lambda s: cases.open_case(s, actor, order_no, kind, **kw))


def _dialog(qtbot: QtBot, actor: Actor, case_no: str) -> CaseDialog:
    dialog = open_case_dialog(None, actor, case_no)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    return dialog


def _form(dialog: CaseDialog, action: CaseAction) -> CaseForm:
    dialog.action_buttons[action].click()
    forms = [f for f in dialog.findChildren(CaseForm) if f.isVisible()]
    assert len(forms) == 1
    return forms[0]


def _save(form: CaseForm) -> None:
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert wait_for_ops()


def test_opening_a_quality_claim_needs_its_photo_and_saves_in_one_go(
    qtbot: QtBot, shop: Database, staff: dict[Role, Actor], errors: list[str]
) -> None:
    order_no = shipped_orders(shop, 1)[0]
    dialog = OpenCaseDialog(None, staff[Role.AFTERSALES], order_no)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setPlainText("鞋底开胶")
    dialog.quality.setChecked(True)
    dialog.defect.setText("左脚鞋头缝线")
    dialog.advance.setText("12")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert wait_for_ops()
    assert dialog.isVisible() and dialog.saved is None
    assert "quality claim" in dialog.banner.text()
    assert shop.read(lambda s: cases.for_order(s, order_no)) == []  # nothing half-saved

    # a refused photo in the batch: still nothing saved, the form keeps what was typed
    dialog.photos.add_sources([("toe.jpg", jpeg(1600, 1200, gps=True)), ("x.jpg", b"nope")])
    assert wait_for_ops()
    assert "x.jpg is not a photo" in dialog.photos.banner.text()
    assert dialog.photos.count() == 1 and dialog.defect.text() == "左脚鞋头缝线"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert wait_for_ops()
    assert not errors
    saved = dialog.saved
    assert saved is not None and not dialog.isVisible()
    assert saved.quality and saved.defect_location == "左脚鞋头缝线"
    assert [p.filename for p in saved.photos] == ["toe.jpg"]
    assert f"{saved.return_freight:.2f}" == "12.00"


def test_ask_open_case_returns_the_new_case_number(
    qtbot: QtBot, shop: Database, staff: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    order_no = shipped_orders(shop, 1)[0]

    def exec_(self: OpenCaseDialog) -> int:
        self.kind.setCurrentIndex(self.kind.findData(CaseType.COMPLAINT))
        self.reason.setPlainText("客服态度")
        self.save()
        assert wait_for_ops()
        return 1

    monkeypatch.setattr(OpenCaseDialog, "exec", exec_)
    case_no = ask_open_case(None, staff[Role.AFTERSALES], order_no)
    assert case_no is not None and case_no.startswith("SH")
    assert _get(shop, case_no).type is CaseType.COMPLAINT


def test_a_scanners_enter_never_saves_a_half_filled_form(
    qtbot: QtBot, shop: Database, staff: dict[Role, Actor]
) -> None:
    """A scanner types the number and Enter: the form moves on instead of saving, and
    while a save runs the form cannot be cancelled (the case would be saved unseen)."""
    order_no = shipped_orders(shop, 1)[0]
    dialog = OpenCaseDialog(None, staff[Role.AFTERSALES])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.order_no.setFocus()
    qtbot.keyClicks(dialog.order_no, order_no)
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    assert wait_for_ops()
    assert dialog.isVisible() and dialog.saved is None
    assert shop.read(lambda s: cases.for_order(s, order_no)) == []
    assert not dialog.order_no.hasFocus()  # on to the next field
    dialog.buttons.setEnabled(False)  # as while a save runs
    dialog.reject()
    assert dialog.isVisible()
    dialog.buttons.setEnabled(True)
    dialog.reject()
    assert not dialog.isVisible()


def test_photos_on_the_case_dialog_from_drop_and_clipboard(
    qtbot: QtBot, shop: Database, staff: dict[Role, Actor], tmp_path: Path, errors: list[str]
) -> None:
    case = _open(shop, staff[Role.AFTERSALES], reason="太大")
    dialog = _dialog(qtbot, staff[Role.AFTERSALES], case.case_no)
    strip = dialog.view.photos
    assert strip.count() == 0

    photo = tmp_path / "side.png"
    photo.write_bytes(png())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    strip.dropEvent(drop)  # offscreen Qt has no drag session to deliver it through
    assert wait_for_ops()
    qtbot.waitUntil(lambda: strip.count() == 1)

    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.yellow)
    QGuiApplication.clipboard().setImage(image)
    strip.paste()
    assert wait_for_ops()
    qtbot.waitUntil(lambda: strip.count() == 2)
    assert not errors
    saved = _get(shop, case.case_no)
    names = staff[Role.AFTERSALES].display_name
    assert [p.added_by for p in saved.photos] == [names, names]
    assert "Added by " + names in strip.list.item(0).toolTip()

    # a thumbnail opens the full view of the display copy
    strip.open_index(0)
    assert wait_for_ops()
    viewers = [w for w in QApplication.topLevelWidgets() if isinstance(w, PhotoViewer)]
    assert viewers and viewers[-1].original.width() == 320
    viewers[-1].close()

    # not a photo: the service's message, the case unchanged
    strip.add_sources([("notes.txt", b"hello")])
    assert wait_for_ops()
    assert "notes.txt is not a photo" in strip.banner.text()
    assert _get(shop, case.case_no).version == saved.version and strip.count() == 2


def test_step_buttons_follow_roles_and_state(
    qtbot: QtBot, shop: Database, staff: dict[Role, Actor]
) -> None:
    case = _open(shop, staff[Role.AFTERSALES], reason="不喜欢")
    seen, later = {}, {}
    for role in (Role.AFTERSALES, Role.WAREHOUSE, Role.PRINTER, Role.SUPERVISOR):
        dialog = _dialog(qtbot, staff[role], case.case_no)
        seen[role] = {a for a, b in dialog.action_buttons.items() if b.isEnabled()}
        later[role] = {
            a: b.toolTip() for a, b in dialog.action_buttons.items() if not b.isEnabled()
        }
        assert dialog.view.photos.can_add == (CaseAction.PHOTO in seen[role])
        assert not dialog.print_slip_button.isVisible()
        dialog.hide()  # qtbot closes it at the end
    assert seen[Role.AFTERSALES] == {CaseAction.RETURN, CaseAction.CLOSE, CaseAction.PHOTO}
    assert seen[Role.WAREHOUSE] == {CaseAction.SIGNOFF, CaseAction.PHOTO}
    assert seen[Role.PRINTER] == set() and later[Role.PRINTER] == {}
    assert CaseAction.APPROVE_FREE_FREIGHT in seen[Role.SUPERVISOR]
    # nothing signed for yet: the refund is there, disabled, saying why (the capability table)
    assert set(later[Role.AFTERSALES]) == {CaseAction.REFUND}
    assert "inspected the returned goods" in later[Role.AFTERSALES][CaseAction.REFUND]

    # a recall: the printer signs “原包裹已收到” and may print the slip
    recall = _open(shop, staff[Role.AFTERSALES], CaseType.RECALL, reason="地址错误")
    printer = _dialog(qtbot, staff[Role.PRINTER], recall.case_no)
    assert set(printer.action_buttons) == {CaseAction.RECEIVED}
    assert printer.print_slip_button.isVisible()
    # the printer may look at the photos but not add any
    assert not printer.view.photos.can_add and not printer.view.photos.add_button.isVisible()
    warehouse = _dialog(qtbot, staff[Role.WAREHOUSE], recall.case_no)
    assert CaseAction.RECEIVED not in warehouse.action_buttons
    assert not warehouse.print_slip_button.isVisible()


def test_the_quality_path_through_the_dialog(
    qtbot: QtBot, shop: Database, staff: dict[Role, Actor], errors: list[str]
) -> None:
    aftersales, warehouse = staff[Role.AFTERSALES], staff[Role.WAREHOUSE]
    case = _open(
        shop,
        aftersales,
        reason="鞋底开胶",
        quality=True,
        defect_location="左脚",
        freight_advance="12",
    )
    dialog = _dialog(qtbot, aftersales, case.case_no)
    dialog.resize(1200, 800)
    # the return needs the evidence first: the step is there, disabled, saying why
    button = dialog.action_buttons[CaseAction.RETURN]
    assert not button.isEnabled() and "quality claim" in button.toolTip()
    dialog.view.photos.add_sources([("toe.jpg", jpeg())])
    assert wait_for_ops()
    qtbot.waitUntil(lambda: dialog.view.photos.count() == 1)
    qtbot.waitUntil(lambda: dialog.action_buttons[CaseAction.RETURN].isEnabled())

    form = _form(dialog, CaseAction.RETURN)
    assert isinstance(form, ReturnForm)
    form.tracking.setText("SF1000200030")
    form.courier.setText("顺丰")
    _save(form)
    qtbot.waitUntil(
        lambda: dialog.detail is not None and dialog.detail.state is CaseState.RETURN_SENT
    )
    assert not dialog.action_buttons[CaseAction.REFUND].isEnabled()

    # the warehouse signs, with an inspection photo
    signing = _dialog(qtbot, warehouse, case.case_no)
    assert signing is not dialog  # another person: their own window
    form = _form(signing, CaseAction.SIGNOFF)
    assert isinstance(form, SignoffForm)
    form.result.setCurrentIndex(form.result.findData(SignoffResult.AS_DESCRIBED))
    form.notes.setPlainText("鞋头开胶属实")
    form.photos.add_sources([("inspection.png", png())])
    assert wait_for_ops()
    _save(form)
    qtbot.waitUntil(lambda: dialog.detail is not None and dialog.detail.state is CaseState.RECEIVED)
    assert dialog.view.fields["signoff"].text().startswith("As described")
    assert warehouse.display_name in dialog.view.fields["signoff"].text()

    # the refund: prefilled with what the order paid, freight reimbursed shown
    form = _form(dialog, CaseAction.REFUND)
    assert isinstance(form, RefundForm)
    total = dialog.detail.order_total
    assert form.amount.text() == f"{total:.2f}"
    assert "12.00" in form.freight.text()
    form.amount.setText(f"{total + 1:.2f}")
    _save(form)
    assert form.isVisible() and "more than the order's payment" in form.banner.text()
    form.amount.setText("50")
    form.reference.setText("ALI-778899")
    _save(form)
    qtbot.waitUntil(lambda: dialog.detail is not None and dialog.detail.state is CaseState.REFUNDED)
    assert not errors
    done = _get(shop, case.case_no)
    assert f"{done.refund_amount:.2f}" == "50.00" and f"{done.freight_reimbursed:.2f}" == "12.00"
    assert "ALI-778899" in dialog.view.fields["refund_reference"].text()

    # the timeline: every step with who did it
    lines = dialog.view.timeline_texts()
    steps = {
        "Case opened": aftersales,
        "Photos added": aftersales,
        "Return parcel recorded": aftersales,
        "Inspected and signed by the warehouse": warehouse,
        "Refund recorded": aftersales,
    }
    for what, who in steps.items():
        assert any(what in line and who.display_name in line for line in lines), (what, lines)
    assert dialog.view.photos.count() == 2  # the claim photo and the inspection photo
    assert_fits(dialog)


def test_the_recall_slip_is_printed_and_previewed(
    qtbot: QtBot, shop: Database, staff: dict[Role, Actor], tmp_path: Path, errors: list[str]
) -> None:
    recall = _open(shop, staff[Role.AFTERSALES], CaseType.RECALL, reason="买家拒收")
    dialog = _dialog(qtbot, staff[Role.AFTERSALES], recall.case_no)
    out = tmp_path / "slip.pdf"
    dialog.ask_slip_path = lambda: out  # type: ignore[method-assign]
    dialog.print_slip_button.click()
    assert wait_for_ops()
    assert not errors
    assert isinstance(dialog.preview, PreviewDialog) and dialog.preview.isVisible()
    assert len(page_sizes_mm(out)) == 1
    qtbot.waitUntil(lambda: any("Recall slip printed" in t for t in dialog.view.timeline_texts()))
    # reopening the same case brings the same window forward
    assert open_case_dialog(None, staff[Role.AFTERSALES], recall.case_no) is dialog


def test_an_early_exchange_needs_the_supervisor_then_ships_with_its_note(
    qtbot: QtBot, shop: Database, staff: dict[Role, Actor], errors: list[str]
) -> None:
    aftersales, supervisor = staff[Role.AFTERSALES], staff[Role.SUPERVISOR]
    case = _open(shop, aftersales, CaseType.EXCHANGE, reason="偏小", wants="同款 39 码")
    dialog = _dialog(qtbot, aftersales, case.case_no)
    early = dialog.action_buttons[CaseAction.EXCHANGE_SHIPPED]
    assert not early.isEnabled() and "unless a supervisor approves" in early.toolTip()

    boss = _dialog(qtbot, supervisor, case.case_no)
    form = _form(boss, CaseAction.APPROVE_EARLY_EXCHANGE)
    form.reason.setText("客户婚礼急用")
    _save(form)
    qtbot.waitUntil(lambda: CaseAction.EXCHANGE_SHIPPED in dialog.action_buttons)
    assert supervisor.display_name in dialog.view.fields["early_exchange"].text()

    form = _form(dialog, CaseAction.EXCHANGE_SHIPPED)
    assert isinstance(form, ExchangeShippedForm)
    form.courier.setText("顺丰")
    form.tracking.setText("SF2000300040")
    _save(form)
    qtbot.waitUntil(
        lambda: dialog.detail is not None and dialog.detail.state is CaseState.EXCHANGE_SHIPPED
    )
    assert not errors
    assert "SF2000300040" in dialog.view.fields["exchange"].text()
    order = shop.read(lambda s: orders.get(s, case.order_no or ""))
    assert any(n.text.startswith("换货已发出，单号为：SF2000300040") for n in order.notes)


def test_a_change_seen_from_another_pc_reloads_the_case(
    qtbot: QtBot, shop: Database, staff: dict[Role, Actor]
) -> None:
    aftersales = staff[Role.AFTERSALES]
    case = _open(shop, aftersales, reason="不合适")
    dialog = _dialog(qtbot, aftersales, case.case_no)
    # written elsewhere: no data_changed here, only the change feed's event
    shop.write(
        lambda s: case_steps.record_return(s, aftersales, case.case_no, tracking="YT300400500")
    )
    assert dialog.detail is not None and dialog.detail.state is CaseState.OPEN
    event = ChangeEvent(
        0, datetime.now(UTC), aftersales.display_name, "case.return", "case", case.case_no
    )
    with qtbot.waitSignal(dialog.shown, timeout=10_000):
        hub().changes_seen.emit([event])
    assert dialog.detail.state is CaseState.RETURN_SENT
    assert "YT300400500" in dialog.view.fields["tracking"].text()


def test_pasting_without_an_image_says_so(
    qtbot: QtBot, shop: Database, staff: dict[Role, Actor]
) -> None:
    case = _open(shop, staff[Role.AFTERSALES], reason="褪色")
    dialog = _dialog(qtbot, staff[Role.AFTERSALES], case.case_no)
    QGuiApplication.clipboard().setText("just words")
    dialog.view.photos.paste_button.click()
    assert "no photo to paste" in dialog.view.photos.banner.text()
    assert _get(shop, case.case_no).photos == ()


def test_an_unannounced_parcel_is_linked_then_closed(
    qtbot: QtBot, shop: Database, staff: dict[Role, Actor], errors: list[str]
) -> None:
    aftersales = staff[Role.AFTERSALES]
    found = shop.write(
        lambda s: unannounced_parcels.register_unannounced(
            s, staff[Role.WAREHOUSE], tracking="ZT900800700"
        )
    )
    dialog = _dialog(qtbot, aftersales, found.case_no)
    assert set(dialog.action_buttons) == {CaseAction.LINK, CaseAction.PHOTO}
    assert dialog.view.fields["order"].text() == "(not linked yet)"
    form = _form(dialog, CaseAction.LINK)
    assert isinstance(form, LinkForm)
    form.order_no.setText("no-such-order")
    _save(form)
    assert form.isVisible() and "There is no order no-such-order" in form.banner.text()
    order_no = shipped_orders(shop, 1)[0]
    form.order_no.setText(order_no)
    form.kind.setCurrentIndex(form.kind.findData(CaseType.RETURN))
    _save(form)
    qtbot.waitUntil(lambda: dialog.detail is not None and dialog.detail.state is CaseState.OPEN)
    assert dialog.view.fields["order"].text() == order_no

    form = _form(dialog, CaseAction.CLOSE)
    assert isinstance(form, CloseForm)
    form.remark.setText("客户已撤回")
    _save(form)
    qtbot.waitUntil(lambda: dialog.detail is not None and dialog.detail.state is CaseState.CLOSED)
    assert not errors and dialog.action_buttons == {}
    assert aftersales.display_name in dialog.view.fields["closed"].text()
    assert not dialog.view.photos.can_add
