"""Preview a PDF inside the app and print it page for page at its own size.

PySide6-Essentials has no QtPdf, so pages are rendered with pypdfium2 (PDFium). Printing
sets the printer's page to the PDF page's exact size in millimetres, full page and no
margins, and paints each page rendered at the printer's resolution: a label printer with a
roll of 100×150 labels gets 100×150 pages, never a scaled A4.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QStandardPaths, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.views.ops import show_bug

POINTS_PER_MM = 72 / 25.4
PREVIEW_DPI = 96
PREVIEW_MAX_PAGES = 40  # enough to see what a batch looks like without stalling the GUI
PRINT_MAX_DPI = 600


def page_sizes_mm(path: Path) -> list[tuple[float, float]]:
    """Width and height of each page in millimetres."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [(w / POINTS_PER_MM, h / POINTS_PER_MM) for w, h in (p.get_size() for p in pdf)]
    finally:
        pdf.close()


def _image(page: pdfium.PdfPage, dpi: float) -> QImage:
    pil = page.render(scale=dpi / 72).to_pil().convert("RGBA")
    data = pil.tobytes("raw", "RGBA")
    image = QImage(data, pil.width, pil.height, pil.width * 4, QImage.Format.Format_RGBA8888)
    return image.copy()  # own the pixels: ``data`` goes away


def render_pages(path: Path, dpi: float = PREVIEW_DPI, limit: int | None = None) -> list[QImage]:
    """The pages as images (at most ``limit``)."""
    return list(_pages(path, dpi, limit))


def _pages(path: Path, dpi: float, limit: int | None = None) -> Iterator[QImage]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        for n, page in enumerate(pdf):
            if limit is not None and n >= limit:
                break
            yield _image(page, dpi)
    finally:
        pdf.close()


def page_size(width_mm: float, height_mm: float) -> QPageSize:
    return QPageSize(
        QSizeF(round(width_mm, 1), round(height_mm, 1)),
        QPageSize.Unit.Millimeter,
        f"{width_mm:.0f}×{height_mm:.0f} mm",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Print every page at its own size, unscaled and without margins; the pages printed."""
    sizes = page_sizes_mm(path)
    if not sizes:
        return 0
    printer.setFullPage(True)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageSize(page_size(*sizes[0]))
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    dpi = min(printer.resolution(), PRINT_MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"cannot start printing on {printer.printerName() or 'the printer'}")
    try:
        for n, image in enumerate(_pages(path, dpi)):
            if n:
                printer.setPageSize(page_size(*sizes[n]))
                printer.newPage()
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(QRectF(target), image)
    finally:
        painter.end()
    return len(sizes)


class PreviewDialog(QDialog):
    """The PDFs one tab each, page under page; print the shown one or save a copy."""

    def __init__(self, files: list[tuple[str, Path]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preview"))
        self.resize(760, 860)
        self.files = files
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
        printer = self.ask_printer()
        if printer is None:
            return
        try:
            pages = print_pdf(self.current_file(), printer)
        except OSError as exc:
            self.status.setText(self.tr("Not printed: {reason}").format(reason=str(exc)))
            return
        except Exception as exc:  # a bug: logged and shown plainly
            show_bug(self, exc)
            return
        self.status.setText(
            self.tr("{pages} pages sent to {printer}.").format(
                pages=pages, printer=printer.printerName() or printer.outputFileName()
            )
        )

    def save_current(self) -> None:
        target = self.ask_save_path()
        if target is None:
            return
        try:
            shutil.copyfile(self.current_file(), target)
        except OSError as exc:
            self.status.setText(self.tr("Not saved: {reason}").format(reason=exc.strerror or exc))
            return
        self.status.setText(self.tr("Saved as {path}.").format(path=str(target)))
