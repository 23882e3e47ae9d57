"""The order printer's page: waiting orders, a batch with progress and cancel, the preview."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QSizeF, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProgressBar
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import Database
from app.models import Order, PrintedSlip, Reprint, Role, Stage
from app.printing.data import LabelSize
from app.services.changes import requests as changes
from app.services.core import demo
from app.services.core.actor import Actor
from app.services.dispatch import batches as printing
from app.services.dispatch import records as print_records
from app.services.dispatch.batch_waybills import WithoutWaybill
from app.services.orders import lookup as orders
from app.views.dispatch.print_jobs import ReprintDialog
from app.views.dispatch.print_model import BatchModel, StaleModel, WaitingModel
from app.views.dispatch.print_page import PrintPage
from app.views.kit.labels import when
from app.views.kit.pdf_preview import PreviewDialog, Printed, page_size, page_sizes_mm
from app.views.kit.progress import ProgressTask, _ProgressRelay
from tests.conftest import demo_actors
from tests.views.layout import assert_fits


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
    # the demo's paid orders have no waybill number yet: they print packing labels
    page.ask_without_waybill = lambda count: WithoutWaybill.PACKING  # type: ignore[method-assign]
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
    with qtbot.waitSignal(preview.print_finished, timeout=120_000) as job:
        preview.print_button.click()
    assert job.args[0] == Printed(len(page_sizes_mm(labels)), len(page_sizes_mm(labels)))
    sizes = page_sizes_mm(printed)
    assert len(sizes) == len(page_sizes_mm(labels))
    assert all(abs(w - 100) < 0.5 and abs(h - 150) < 0.5 for w, h in sizes)

    copy = tmp_path / "copy.pdf"
    preview.ask_save_path = lambda: copy  # type: ignore[method-assign]
    preview.save_current()
    assert copy.read_bytes() == labels.read_bytes()
    assert_fits(preview)


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
    assert_fits(page)


# -- printing to a printer from a worker thread ---------------------------------------------
def _pdf_printer(path: Path, cls: type[QPrinter] = QPrinter) -> QPrinter:
    """A printer writing a PDF at a thermal label printer's 203 dpi (quick to render)."""
    printer = cls(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(203)
    return printer


@pytest.fixture
def mixed_pdf(gui_shop: Database, actors: dict[Role, Actor], tmp_path: Path) -> Path:
    """Ten 76×130 labels, then ten A5 dispatch notes: every page keeps its own size."""
    nos = [w.order_no for w in gui_shop.read(lambda s: printing.waiting(s, cutoff=""))[:10]]
    printer = actors[Role.PRINTER]
    labels, notes = tmp_path / "labels.pdf", tmp_path / "notes.pdf"
    gui_shop.read(
        lambda s: print_records.preview(
            s, printer, nos, kind="labels", out=labels, label_size=LabelSize.L76X130
        )
    )
    gui_shop.read(lambda s: print_records.preview(s, printer, nos, kind="notes", out=notes))
    writer = PdfWriter()
    for part in (labels, notes):
        for pdf_page in PdfReader(part).pages:
            writer.add_page(pdf_page)
    mixed = tmp_path / "mixed.pdf"
    with mixed.open("wb") as f:
        writer.write(f)
    return mixed


def _sizes_mm(path: Path) -> list[tuple[int, int]]:
    return [
        (round(float(p.mediabox.width) * 25.4 / 72), round(float(p.mediabox.height) * 25.4 / 72))
        for p in PdfReader(path).pages
    ]


def _preview(qtbot: QtBot, pdf: Path, printer: QPrinter) -> PreviewDialog:
    preview = PreviewDialog([("mixed", pdf)])
    qtbot.addWidget(preview)
    preview.ask_printer = lambda: printer  # type: ignore[method-assign]
    preview.show()
    return preview


def test_page_size_is_the_pdf_page_exactly() -> None:
    for w, h in ((100, 150), (76, 130), (100, 180), (148, 210)):
        size = page_size(w, h)
        assert size.size(QPageSize.Unit.Millimeter) == QSizeF(w, h)
        assert size.id() in (QPageSize.PageSizeId.Custom, QPageSize.PageSizeId.A5)


def test_printing_runs_in_a_worker_with_progress(
    qtbot: QtBot,
    mixed_pdf: Path,
    tmp_path: Path,
    errors: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    values: list[int] = []
    threads: set[str] = set()
    show = _ProgressRelay.show_progress

    def watched(relay: _ProgressRelay, done: int, total: int) -> None:
        bar = relay.dialog.findChild(QProgressBar)
        if not threads:
            bar.valueChanged.connect(values.append)
        threads.add(threading.current_thread().name)
        show(relay, done, total)

    monkeypatch.setattr(_ProgressRelay, "show_progress", watched)
    out = tmp_path / "printed.pdf"
    preview = _preview(qtbot, mixed_pdf, _pdf_printer(out))
    with qtbot.waitSignal(preview.print_finished, timeout=60_000) as job:
        preview.print_button.click()
        assert not preview.print_button.isEnabled()
    assert job.args[0] == Printed(20, 20)
    # the GUI thread showed the pages done while the worker printed, up to the maximum
    assert 20 in values and max(values) == 20 and len(set(values)) > 2
    assert threads == {threading.main_thread().name}
    assert preview.print_button.isEnabled() and not errors
    assert preview.status.text() == f"20 pages sent to {out}."
    assert _sizes_mm(out) == [(76, 130)] * 10 + [(148, 210)] * 10


def test_cancel_stops_after_the_current_page(
    qtbot: QtBot, mixed_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cancel_at_first_page(task: ProgressTask[object], done: int, total: int) -> None:
        task.relay.progressed.emit(done, total)
        task.stop.set()  # what the dialog's Cancel button does

    monkeypatch.setattr(ProgressTask, "report", cancel_at_first_page)
    out = tmp_path / "printed.pdf"
    preview = _preview(qtbot, mixed_pdf, _pdf_printer(out))
    with qtbot.waitSignal(preview.print_finished, timeout=60_000) as job:
        preview.print_button.click()
    assert job.args[0] == Printed(1, 20, cancelled=True)
    assert preview.status.text() == f"Printing cancelled: 1 of 20 pages went to {out}."
    assert _sizes_mm(out) == [(76, 130)]


class _Jams(QPrinter):
    """A printer that goes away after its third page."""

    def newPage(self) -> bool:
        self.pages = getattr(self, "pages", 1) + 1
        return self.pages <= 3 and super().newPage()


def test_a_printer_that_fails_gets_a_clear_message(
    qtbot: QtBot, mixed_pdf: Path, tmp_path: Path, errors: list[str]
) -> None:
    preview = _preview(qtbot, mixed_pdf, _pdf_printer(tmp_path / "gone" / "x.pdf"))
    with qtbot.waitSignal(preview.print_finished, timeout=60_000) as job:
        preview.print_button.click()
    assert job.args[0] == Printed(0, 20, problem="start")
    assert (
        errors and "could not start printing" in errors[-1] and "Nothing was printed" in errors[-1]
    )

    preview.ask_printer = lambda: _pdf_printer(tmp_path / "jam.pdf", _Jams)  # type: ignore[method-assign]
    with qtbot.waitSignal(preview.print_finished, timeout=60_000) as job:
        preview.print_button.click()
    assert job.args[0] == Printed(3, 20, problem="page")
    assert "stopped after 3 of 20 pages" in errors[-1]
    assert preview.status.text() == errors[-1] and preview.print_button.isEnabled()


# -- the Reprint… dialog ----------------------------------------------------------------------
def _answer_reprint(orders: str | None, reason: str, banners: list[str]) -> None:
    """Fill in the modal Reprint dialog as a person would, once it is open."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReprintDialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        if orders is not None:
            dialog.orders.setText(orders)
        banners.append(f"batch={dialog.batch.text()}")
        ok.click()  # no reason yet: refused, the dialog stays open
        banners.append(dialog.banner.text() if dialog.isVisible() else "closed")
        dialog.reason.setText(reason)
        ok.click()

    QTimer.singleShot(0, fill)


def test_reprint_of_an_order_and_of_a_batch_is_recorded(
    qtbot: QtBot, small_shop: Database, tmp_path: Path, errors: list[str]
) -> None:
    printer = demo_actors(small_shop)[Role.PRINTER]
    page = _page(qtbot, printer, tmp_path / "batch.pdf")
    with qtbot.waitSignal(page.printed, timeout=60_000) as done:
        page.print_button.click()
    batch = done.args[0]
    qtbot.waitUntil(lambda: page.batch_model.rowCount() == 1)
    page.preview.reject()
    first = batch.printed[0]

    banners: list[str] = []
    _answer_reprint(first, "label torn", banners)
    with qtbot.waitSignal(page.printed, timeout=60_000) as done:
        page.reprint_button.click()
    assert banners == [
        "batch=",
        "Write why you reprint: the reason is recorded with the reprint.",
    ]
    assert done.args[0].order_nos == (first,)
    page.preview.reject()

    page.tabs.setCurrentWidget(page.batch_table)
    page.batch_table.selectRow(0)
    banners.clear()
    _answer_reprint(None, "printer jammed", banners)
    with qtbot.waitSignal(page.printed, timeout=60_000) as done:
        page.reprint_button.click()
    assert banners[0] == f"batch={batch.batch_no}"
    assert sorted(done.args[0].order_nos) == sorted(batch.printed)

    # read back: every reprint recorded with its reason, still the one batch; the whole
    # batch is one record (its orders are named in its audit entry; issue 9)
    rows = small_shop.read(
        lambda s: [(r.reason, r.printed_by_name) for r in s.query(Reprint).order_by(Reprint.id)]
    )
    assert rows == [("label torn", printer.display_name), ("printer jammed", printer.display_name)]
    assert [b.batch_no for b in small_shop.read(print_records.batches)] == [batch.batch_no]
    assert not errors

    # an order that does not exist: the service refuses, the person is told why
    _answer_reprint("X-NONE", "customer asked", [])
    page.tabs.setCurrentWidget(page.waiting_table)
    page.reprint_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert errors == ["There is no order X-NONE."]


def test_an_order_changed_after_printing_shows_as_out_of_date(
    qtbot: QtBot, small_shop: Database, tmp_path: Path
) -> None:
    """The printer's view flags a printed order whose address changed, until it is reprinted."""
    from PySide6.QtCore import Qt

    from app.services.changes.texts import Address

    actors = demo_actors(small_shop)
    printer, presales = actors[Role.PRINTER], actors[Role.PRESALES]
    order_no = small_shop.read(lambda s: printing.waiting(s, cutoff=""))[0].order_no
    printing.run_batch(small_shop, printer, out=tmp_path / "b.pdf", order_nos=[order_no])
    page = _page(qtbot, printer, tmp_path / "out.pdf")
    assert page.stale_model.rowCount() == 0
    now = small_shop.read(lambda s: orders.get(s, order_no)).recipient
    moved = Address(now.name, now.phone, now.province, now.city, now.district, "新街道8号",
                    now.postcode)  # fmt: skip
    small_shop.write(
        lambda s: changes.request_address(s, presales, order_no, moved, confirmed=True)
    )
    page.reload()  # a reload the change feed started earlier may report first: wait for ours
    qtbot.waitUntil(lambda: page.stale_model.rowCount() == 1, timeout=20_000)
    assert page.stale_model.row_at(0).order_no == order_no
    index = page.stale_model.index(0, 0)
    assert "out of date" in page.stale_model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert page.tabs.tabText(1) == "Stale copies (1)"
    # in words a printer understands: printed when, changed when; never "7 → 9"
    printed = select(PrintedSlip.at).join(Order).where(Order.order_no == order_no)
    printed_at = small_shop.read(lambda s: s.scalars(printed).one())
    changed_at = small_shop.read(lambda s: orders.get(s, order_no)).updated_at
    texts = [page.stale_model.index(0, c).data() for c in range(page.stale_model.columnCount())]
    assert texts[3:] == [when(printed_at), when(changed_at)] and not any("→" in t for t in texts)
    assert page.stale_table.columnWidth(0) > page.fontMetrics().horizontalAdvance(order_no)
    print_records.run_reprint(
        small_shop, printer, reason="地址已改", order_nos=[order_no], out=tmp_path / "r.pdf"
    )
    page.reload()
    qtbot.waitUntil(lambda: page.stale_model.rowCount() == 0, timeout=20_000)
    assert page.tabs.tabText(1) == "Stale copies (0)"


def test_a_batch_whose_pdf_never_arrived_is_shown_and_put_in_place(
    qtbot: QtBot, small_shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The program stopped between recording a batch and renaming its PDF into place: the
    Batches tab says the PDF is missing, and Reprint on that batch puts it there."""
    from app.services.dispatch import files as print_files

    printer = demo_actors(small_shop)[Role.PRINTER]
    out = tmp_path / "lost.pdf"

    def stopped(self) -> None:  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(print_files.Staged, "publish", stopped)
        with pytest.raises(KeyboardInterrupt):
            printing.run_batch(small_shop, printer, out=out, cutoff="")
    page = _page(qtbot, printer, tmp_path / "unused.pdf")
    # said as the page first loads (at start-up), before anyone opens the Batches tab
    qtbot.waitUntil(lambda: page.tabs.tabText(2) == "Batches (1 without PDF)", timeout=20_000)
    assert page.lost.isVisibleTo(page) and "1 recorded batch" in page.lost.text()
    page.tabs.setCurrentWidget(page.batch_table)
    column = BatchModel.COLUMNS.index("pdf")
    shown = page.batch_model.data(page.batch_model.index(0, column))
    assert "Missing" in shown and str(out) in shown
    page.batch_table.selectRow(0)
    page.reprint_button.click()
    qtbot.waitUntil(lambda: out.exists() and "in place" in page.message.text(), timeout=20_000)
    page.preview.reject()
    qtbot.waitUntil(lambda: page.batch_model.data(page.batch_model.index(0, column)) == "")
    assert not list(tmp_path.glob(".*.part"))
    assert page.tabs.tabText(2) == "Batches" and not page.lost.isVisibleTo(page)


def test_reprint_refuses_before_the_save_dialog_and_offers_first_slips(
    qtbot: QtBot,
    small_shop: Database,
    tmp_path: Path,
    errors: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A paid order is refused before any file is asked for; an order printed elsewhere
    (no slip recorded here) is offered its slips now, recorded like a reprint."""
    from sqlalchemy import update

    from app.views.dispatch import print_page

    printer = demo_actors(small_shop)[Role.PRINTER]
    paid, elsewhere = [
        w.order_no for w in small_shop.read(lambda s: printing.waiting(s, cutoff=""))[:2]
    ]
    imported = (
        update(Order)
        .where(Order.order_no == elsewhere)
        .values(stage=Stage.PRINTED.value, version=Order.version + 1)
    )
    small_shop.write(lambda s: s.execute(imported))
    page = _page(qtbot, printer, tmp_path / "unused.pdf")
    asked: list[str] = []
    out = tmp_path / "slips.pdf"
    page.ask_save = lambda title, name: asked.append(name) or out  # type: ignore[method-assign]

    _answer_reprint(paid, "customer asked", [])
    page.reprint_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert "has no printed slips" in errors[0] and asked == []

    offered: list[tuple[str, ...]] = []
    monkeypatch.setattr(
        print_page, "confirm_first_slips", lambda _parent, nos: offered.append(nos) or True
    )
    _answer_reprint(elsewhere, "printed by the old system", [])
    with qtbot.waitSignal(page.printed, timeout=60_000) as done:
        page.reprint_button.click()
    assert offered == [(elsewhere,)] and len(asked) == 1
    assert done.args[0].order_nos == (elsewhere,) and out.exists()
    reasons = small_shop.read(lambda s: [r.reason for r in s.query(Reprint)])
    assert reasons == ["printed by the old system"]
