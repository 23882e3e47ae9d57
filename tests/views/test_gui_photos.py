"""The photo strip: files, drops and the clipboard prepared off the GUI thread (both databases)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import CaseType, Role
from app.services.cases import opening as cases
from app.services.cases.rows import CaseDetail
from app.services.cases.rules import CaseAction
from app.services.core import demo
from app.services.core.actor import Actor
from app.views.cases.case_actions import run_case_action
from app.views.cases.case_forms import CaseForm, PhotoForm
from app.views.cases.photo_widgets import PhotoStrip, PhotoViewer
from app.views.kit.ops import wait_for_ops
from tests.case_helpers import jpeg, png, shipped_orders
from tests.conftest import demo_actors


@pytest.fixture
def small_shop(gui_db: Database) -> Database:
    gui_db.write(lambda s: demo.fill(s, 30))
    return gui_db


def _strip(qtbot: QtBot) -> PhotoStrip:
    strip = PhotoStrip()
    qtbot.addWidget(strip)
    strip.resize(600, 220)
    strip.show()
    return strip


def _drop(widget: PhotoStrip, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(QPoint(20, 20)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # offscreen Qt delivers no drop without a real drag session: hand the event to the handler
    widget.dropEvent(event)
    assert event.isAccepted()


def test_files_drops_and_the_clipboard_become_thumbnails(
    qtbot: QtBot, gui_db: Database, tmp_path: Path
) -> None:
    strip = _strip(qtbot)
    toe = tmp_path / "toe.jpg"
    toe.write_bytes(jpeg(1600, 1200, gps=True))
    strip.add_files([toe])
    assert wait_for_ops()
    assert strip.count() == 1 and strip.pending()[0].filename == "toe.jpg"

    side = tmp_path / "side.png"
    side.write_bytes(png())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(side))])
    _drop(strip, mime)
    assert wait_for_ops()
    assert [p.filename for p in strip.pending()] == ["toe.jpg", "side.png"]

    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.green)
    QGuiApplication.clipboard().setImage(image)
    strip.paste_button.click()
    assert wait_for_ops()
    assert strip.count() == 3
    pasted = strip.pending()[2]
    assert pasted.mime == "image/png" and (pasted.width, pasted.height) == (200, 100)

    # the thumbnail opens the display copy in a viewer
    strip.open_index(0)
    viewers = [w for w in QApplication.topLevelWidgets() if isinstance(w, PhotoViewer)]
    assert viewers and not viewers[-1].original.isNull()
    viewers[-1].close()

    strip.list.setCurrentRow(1)
    strip.remove_button.click()
    assert [p.filename for p in strip.pending()] == ["toe.jpg", "clipboard.png"]


def test_a_file_that_is_no_photo_is_refused_with_the_services_words(
    qtbot: QtBot, gui_db: Database, tmp_path: Path
) -> None:
    strip = _strip(qtbot)
    fake = tmp_path / "invoice.jpg"
    fake.write_bytes(b"%PDF-1.4 not a photo")
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(jpeg(800, 600)[:2000])
    strip.add_files([fake, cut])
    assert wait_for_ops()
    assert strip.count() == 0
    assert strip.banner.isVisible()
    assert "invoice.jpg is not a photo" in strip.banner.text()
    assert "cut.jpg is damaged or cut short" in strip.banner.text()


def _case(db: Database, actor: Actor) -> CaseDetail:
    order_no = shipped_orders(db, 1)[0]
    return db.write(lambda s: cases.open_case(s, actor, order_no, CaseType.RETURN, reason="太小"))


def _form(parent_widget, kind: type[CaseForm]) -> CaseForm:  # type: ignore[no-untyped-def]
    forms = [f for f in parent_widget.findChildren(kind) if f.isVisible()]
    assert len(forms) == 1
    return forms[0]


def test_adding_photos_through_the_step_and_a_refusal_changes_nothing(
    qtbot: QtBot, small_shop: Database, tmp_path: Path, errors: list[str]
) -> None:
    staff = demo_actors(small_shop)
    case = _case(small_shop, staff[Role.AFTERSALES])
    host = PhotoStrip()  # any widget will do as the parent
    qtbot.addWidget(host)
    host.show()
    got: list[CaseDetail] = []
    run_case_action(host, staff[Role.AFTERSALES], case, CaseAction.PHOTO, got.append)
    form = _form(host, PhotoForm)
    assert isinstance(form, PhotoForm)
    form.photos.add_sources([("a.jpg", jpeg()), ("b.png", png())])
    assert wait_for_ops()
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert wait_for_ops()
    assert not errors
    assert len(got) == 1 and [p.filename for p in got[0].photos] == ["a.jpg", "b.png"]
    assert got[0].photos[0].added_by == staff[Role.AFTERSALES].display_name

    # the same photo again: refused in the form, which keeps it; the case is unchanged
    run_case_action(host, staff[Role.AFTERSALES], got[0], CaseAction.PHOTO, got.append)
    form = _form(host, PhotoForm)
    assert isinstance(form, PhotoForm)
    form.photos.add_sources([("again.jpg", jpeg())])
    assert wait_for_ops()
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert wait_for_ops()
    assert len(got) == 1 and form.isVisible()
    assert "already on case" in form.banner.text() and form.photos.count() == 1
    after = small_shop.read(lambda s: cases.get(s, case.case_no))
    assert len(after.photos) == 2 and after.version == got[0].version
    form.reject()
