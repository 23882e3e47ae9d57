"""Preview a PDF inside the app and print it page for page at its own size.

PySide6-Essentials has no QtPdf, so pages are rendered with pypdfium2 (PDFium). Printing
sets the printer's page to the PDF page's exact size in millimetres, full page and no
margins, and paints each page rendered at the printer's resolution: a label printer with a
roll of 100×150 labels gets 100×150 pages, never a scaled A4.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QStandardPaths, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.errors import UserError
from app.services.core import outputs
from app.views.kit.ops import hub
from app.views.kit.progress import ProgressTask

POINTS_PER_MM = 72 / 25.4
PREVIEW_DPI = 96
PREVIEW_MAX_PAGES = 40  # enough to see what a batch looks like without stalling the GUI
PRINT_MAX_DPI = 600
_PDFIUM = threading.RLock()  # PDFium is not thread-safe: one caller at a time


def page_sizes_mm(path: Path) -> list[tuple[float, float]]:
    """Width and height of each page in millimetres."""
    with _PDFIUM:
        pdf = pdfium.PdfDocument(str(path))
        try:
            return [(w / POINTS_PER_MM, h / POINTS_PER_MM) for w, h in (p.get_size() for p in pdf)]
        finally:
            pdf.close()


def _image(page: pdfium.PdfPage, dpi: float) -> QImage:
    # RGB, not RGBA: an A4 page at 600 dpi is a quarter smaller in memory
    pil = page.render(scale=dpi / 72).to_pil().convert("RGB")
    data = pil.tobytes("raw", "RGB")
    image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: ``data`` goes away


def render_pages(path: Path, dpi: float = PREVIEW_DPI, limit: int | None = None) -> list[QImage]:
    """The pages as images (at most ``limit``)."""
    return list(_pages(path, dpi, limit))


def _pages(path: Path, dpi: float, limit: int | None = None) -> Iterator[QImage]:
    # the print worker and the preview take turns page by page, not document by document
    with _PDFIUM:
        pdf = pdfium.PdfDocument(str(path))
    try:
        for n in range(len(pdf)):
            if limit is not None and n >= limit:
                break
            with _PDFIUM:
                page = pdf[n]
                image = _image(page, dpi)
                page.close()
            yield image
    finally:
        with _PDFIUM:
            pdf.close()


def page_size(width_mm: float, height_mm: float) -> QPageSize:
    """The PDF page's own size, matched exactly: a 100×150 label never becomes A6 or A4."""
    return QPageSize(
        QSizeF(round(width_mm, 1), round(height_mm, 1)),
        QPageSize.Unit.Millimeter,
        f"{width_mm:.0f}×{height_mm:.0f} mm",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


@dataclass(frozen=True)
class Printed:
    """How a print job ended; ``problem`` says why it stopped early ("" when it did not)."""

    pages: int
    total: int
    cancelled: bool = False
    problem: str = ""  # "start", "page", "finish" or "read": the dialog words it


def print_pdf(
    path: Path,
    printer: QPrinter,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Printed:
    """Print every page at its own size, unscaled and without margins.

    Runs in a worker thread (QPainter on a QPrinter and QImage are allowed there); the
    printer must not be touched by the GUI thread meanwhile. Cancel stops after the page
    being drawn.
    """
    try:
        sizes = page_sizes_mm(path)
    except (OSError, pdfium.PdfiumError):
        return Printed(0, 0, problem="read")
    total = len(sizes)
    if not total:
        return Printed(0, 0)
    printer.setFullPage(True)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageSize(page_size(*sizes[0]))
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    dpi = min(printer.resolution(), PRINT_MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        return Printed(0, total, problem="start")
    done, stop, problem = 0, False, ""
    try:
        for n, image in enumerate(_pages(path, dpi)):
            if n:
                printer.setPageSize(page_size(*sizes[n]))
                if not printer.newPage():
                    problem = "page"
                    break
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(QRectF(target), image)
            if printer.printerState() == QPrinter.PrinterState.Error:
                problem = "page"
                break
            done = n + 1
            if progress is not None:
                progress(done, total)
            if cancelled is not None and cancelled() and done < total:
                stop = True
                break
    except pdfium.PdfiumError:
        problem = "read"
    finally:
        finished = painter.end()
    if not problem and (not finished or printer.printerState() == QPrinter.PrinterState.Error):
        problem = "finish"
    return Printed(0 if problem == "finish" else done, total, stop, problem)


class PreviewDialog(QDialog):
    """The PDFs one tab each, page under page; print the shown one or save a copy."""

    print_finished = Signal(object)
    """A print job ended (a ``Printed``: pages sent, cancelled, or why it stopped)."""

    def __init__(self, files: list[tuple[str, Path]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # rendered pages take megabytes each: a closed preview lets go of them
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("Preview"))
        self.resize(760, 860)
        self.files = files
        self.job: ProgressTask[Printed] | None = None
        self.tabs = QTabWidget()
        self.page_labels: list[list[QLabel]] = []
        for title, path in files:
            self.tabs.addTab(self._pages_view(path), title)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_current)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _pages_view(self, path: Path) -> QScrollArea:
        holder = QWidget()
        holder.setStyleSheet("background: #808080;")
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        labels: list[QLabel] = []
        total = len(page_sizes_mm(path))
        for image in render_pages(path, PREVIEW_DPI, PREVIEW_MAX_PAGES):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white; border: 1px solid #444444;")
            column.addWidget(label)
            labels.append(label)
        if total > len(labels):
            more = QLabel(
                self.tr("The first {shown} of {total} pages are shown.").format(
                    shown=len(labels), total=total
                )
            )
            more.setStyleSheet("color: white;")
            column.addWidget(more)
        self.page_labels.append(labels)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        return scroll

    def current_file(self) -> Path:
        return self.files[self.tabs.currentIndex()][1]

    # -- replaced in tests ---------------------------------------------------------------------
    def ask_printer(self) -> QPrinter | None:
        """The system's print dialog; the printer chosen, or None."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_save_path(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            str(Path(folder) / self.current_file().name),
            self.tr("PDF documents (*.pdf)"),
        )
        return Path(chosen) if chosen else None

    # -- actions -------------------------------------------------------------------------------
    def print_current(self) -> None:
        """Pages go to the printer from a worker thread; the window stays responsive."""
        printer = self.ask_printer()
        if printer is None:
            return
        path = self.current_file()
        name = printer.printerName() or printer.outputFileName()  # read before the worker owns it
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Printing…"))
        self.job = ProgressTask(
            self,
            self.tr("Sending the pages to {printer}…").format(printer=name),
            lambda progress, cancelled: print_pdf(path, printer, progress, cancelled),
            changes="",
            step=lambda done, total: self.tr("Page {done} of {total} sent to {printer}").format(
                done=done, total=total, printer=name
            ),
        )
        self.job.dialog.canceled.connect(
            lambda: self.status.setText(self.tr("Stopping after the page being printed…"))
        )
        self.job.success(lambda result: self._printed(result, name)).finally_(self._print_over)
        self.job.run()

    def _print_over(self) -> None:
        self.job = None
        self.print_button.setEnabled(True)

    def _printed(self, result: Printed, printer: str) -> None:
        problems = {
            "start": self.tr(
                "The printer {printer} could not start printing: it may be switched off, "
                "disconnected or removed. Nothing was printed."
            ),
            "page": self.tr(
                "The printer {printer} stopped after {pages} of {total} pages: check that it is "
                "on and connected, then print the rest again."
            ),
            "finish": self.tr(
                "The printer {printer} did not accept the job: check that it is on and "
                "connected, then print again."
            ),
            "read": self.tr("The PDF could not be read, so nothing was printed."),
        }
        values = {"printer": printer, "pages": result.pages, "total": result.total}
        if result.problem:
            text = problems[result.problem].format(**values)
            self.status.setText(text)
            self._warn(text)
        elif result.cancelled:
            self.status.setText(
                self.tr("Printing cancelled: {pages} of {total} pages went to {printer}.").format(
                    **values
                )
            )
        else:
            self.status.setText(self.tr("{pages} pages sent to {printer}.").format(**values))
        self.print_finished.emit(result)

    def _warn(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not printed"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()  # no nested event loop
        hub().error_shown.emit(text)

    def save_current(self) -> None:
        target = self.ask_save_path()
        if target is None:
            return
        db = hub().db
        try:  # never over the database, never half a file on a full disk
            if db is None:
                shutil.copyfile(self.current_file(), target)
            else:
                outputs.save_copy(db.url, self.current_file(), target)
        except OSError as exc:
            self.status.setText(self.tr("Not saved: {reason}").format(reason=exc.strerror or exc))
            return
        except UserError as exc:
            self.status.setText(exc.message())
            return
        self.status.setText(self.tr("Saved as {path}.").format(path=str(target)))
