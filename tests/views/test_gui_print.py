"""The order printer's page: waiting orders, a batch with progress and cancel, the preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import Role, Stage
from app.services import changes, demo, orders, print_records, printing
from app.services.actor import Actor
from app.views.pdf_preview import page_sizes_mm
from app.views.print_jobs import ProgressTask
from app.views.print_model import BatchModel, StaleModel, WaitingModel
from app.views.print_page import PrintPage
from tests.conftest import demo_actors


@pytest.fixture
def small_shop(gui_db: Database) -> Database:
    """A demo shop of 30 orders: a batch prints in a moment."""
    gui_db.write(lambda s: demo.fill(s, 30))
    return gui_db


def _paid(db: Database) -> int:
    return db.read(lambda s: orders.count(s, stage=Stage.PAID))


def _page(qtbot: QtBot, actor: Actor, out: Path) -> PrintPage:
    page = PrintPage(actor)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.use_cutoff.setChecked(False)  # every paid order, whenever paid
    page.ask_save = lambda title, name: out  # type: ignore[method-assign]
    return page


def test_models_pass_the_model_tester(qtmodeltester, gui_shop: Database) -> None:
    model = WaitingModel()
    model.set_rows(gui_shop.read(lambda s: printing.waiting(s, cutoff="")))
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
    for other in (StaleModel(), BatchModel()):
        qtmodeltester.check(other)


def test_a_batch_prints_records_and_previews(
    qtbot: QtBot, small_shop: Database, tmp_path: Path, errors: list[str]
) -> None:
    printer = demo_actors(small_shop)[Role.PRINTER]
    waiting = _paid(small_shop)
    assert waiting
    out = tmp_path / "pdfs" / "batch.pdf"
    out.parent.mkdir()
    page = _page(qtbot, printer, out)
    assert page.waiting_model.rowCount() == waiting
    with qtbot.waitSignal(page.printed, timeout=60_000) as done:
        page.print_button.click()
    assert not errors
    result = done.args[0]
    assert len(result.printed) == waiting and _paid(small_shop) == 0
    batches = small_shop.read(print_records.batches)
    assert [b.batch_no for b in batches] == [result.batch_no]
    qtbot.waitUntil(lambda: page.batch_model.rowCount() == 1 and not page.waiting_model.rowCount())

    # the preview: one image per page of each PDF, inside the app
    preview = page.preview
    assert preview is not None and preview.tabs.count() == 2
    labels = out.with_name("batch-labels.pdf")
    for tab, path in enumerate((out, labels)):
        assert len(preview.page_labels[tab]) == len(page_sizes_mm(path))
    assert {(round(w), round(h)) for w, h in page_sizes_mm(labels)} == {(100, 150)}

    # "Print…" on the labels: pages of exactly the label size, no scaling
    printed = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(printed))
        return p

    preview.tabs.setCurrentIndex(1)
    preview.ask_printer = pdf_printer  # type: ignore[method-assign]
    preview.print_button.click()
    sizes = page_sizes_mm(printed)
    assert len(sizes) == len(page_sizes_mm(labels))
    assert all(abs(w - 100) < 0.5 and abs(h - 150) < 0.5 for w, h in sizes)

    copy = tmp_path / "copy.pdf"
    preview.ask_save_path = lambda: copy  # type: ignore[method-assign]
    preview.save_current()
    assert copy.read_bytes() == labels.read_bytes()
    preview.grab().save(str(tmp_path / "preview.png"))


def test_cancelling_during_the_progress_records_nothing(
    qtbot: QtBot,
    gui_shop: Database,
    actors: dict[Role, Actor],
    tmp_path: Path,
    errors: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waiting = _paid(gui_shop)
    assert waiting > 60  # the service looks at the flag again after the first progress
    out = tmp_path / "pdfs" / "batch.pdf"
    out.parent.mkdir()
    page = _page(qtbot, actors[Role.PRINTER], out)
    # Cancel pressed as the first progress arrives
    monkeypatch.setattr(ProgressTask, "report", lambda self, done, total: self.stop.set())
    page.print_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=60_000)
    assert errors == ["Printing was cancelled; nothing was recorded."]
    qtbot.waitUntil(lambda: page.print_button.isEnabled())
    assert _paid(gui_shop) == waiting
    assert gui_shop.read(print_records.batches) == []
    assert list(out.parent.iterdir()) == [] and page.preview is None


def test_a_held_back_order_shows_its_reason(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    first = gui_shop.read(lambda s: printing.waiting(s, cutoff=""))[0].order_no
    gui_shop.write(
        lambda s: changes.request_cancel(s, actors[Role.PRESALES], first, confirmed=True)
    )
    page = _page(qtbot, actors[Role.PRINTER], tmp_path / "b.pdf")
    model = page.waiting_model
    row = next(r for r in range(model.rowCount()) if model.waiting_at(r).order_no == first)
    reason = model.data(model.index(row, WaitingModel.COLUMNS.index("reason")))
    assert "cancellation is under way" in reason
    assert "1 held back" in page.status.text()
    page.grab().save(str(tmp_path / "page.png"))
