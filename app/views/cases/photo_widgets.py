"""Photo evidence on screen: a strip of thumbnails fed from files, drops and the clipboard.

Reading and preparing a photo (hash, display copy, thumbnail, EXIF strip) takes up to half
a second, so it runs in a worker (``Task``); refusals are the service's own messages. The
strip either keeps what was prepared until its owner saves it (``pending()``, e.g. while
opening a case) or hands each batch on at once (``prepared`` signal, a saved case).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.models.errors import UserError
from app.services.cases import photos as case_photos
from app.services.cases.photos import PreparedPhoto
from app.services.cases.rows import PhotoMeta
from app.views.cases.case_labels import photo_purpose_label
from app.views.kit.labels import when
from app.views.kit.ops import Op, Task, translate
from app.views.kit.widgets import Banner

THUMB = 96
IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp"


@dataclass(frozen=True)
class _Batch:
    photos: list[PreparedPhoto]
    refusals: list[UserError]


def _prepare_all(sources: list[tuple[str, bytes | Path]]) -> _Batch:
    """Runs in a worker: read and prepare each photo, keeping every refusal's message."""
    done: list[PreparedPhoto] = []
    refused: list[UserError] = []
    for name, source in sources:
        try:
            if isinstance(source, Path):
                done.append(case_photos.prepare_file(source))
            else:
                done.append(case_photos.prepare(source, name))
        except UserError as exc:
            refused.append(exc)
    return _Batch(done, refused)


def image_png(image: QImage) -> bytes:
    """A clipboard image as PNG bytes (what the services store as the original)."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(array.data())


def _pixmap(data: bytes) -> QPixmap:
    pix = QPixmap()
    pix.loadFromData(data)
    return pix


class PhotoStrip(QWidget):
    """Thumbnails in a row; add from files, a drop or the clipboard; double-click to view."""

    prepared = Signal(list)
    """A batch of photos was prepared (list of PreparedPhoto); only when not keeping them."""

    def __init__(self, parent: QWidget | None = None, *, keep_pending: bool = True) -> None:
        super().__init__(parent)
        self.keep_pending = keep_pending
        self._pending: list[PreparedPhoto] = []
        self._saved: dict[int, PhotoMeta] = {}
        self.busy = 0
        self.can_add = True
        self.setAcceptDrops(True)

        self.banner = Banner(self)
        self.list = QListWidget(self)
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 36))
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setFixedHeight(THUMB + 56)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.list.itemDoubleClicked.connect(self._open_item)
        self.hint = QLabel(self._idle_hint(), self)
        self.hint.setStyleSheet("color: palette(mid);")
        self.add_button = QPushButton(self.tr("Add photos…"), self)
        self.add_button.clicked.connect(self.ask_files)
        self.paste_button = QPushButton(self.tr("Paste"), self)
        self.paste_button.clicked.connect(self.paste)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setVisible(keep_pending)
        QShortcut(QKeySequence.StandardKey.Paste, self, self.paste)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

    def _idle_hint(self) -> str:
        return self.tr("Drop or paste (Ctrl+V) photos here; double-click one to view it.")

    # -- what is shown --------------------------------------------------------------------
    def pending(self) -> list[PreparedPhoto]:
        return list(self._pending)

    def show_saved(self, photos: tuple[PhotoMeta, ...], thumbs: dict[int, bytes]) -> None:
        """The case's stored photos, with who added them and when."""
        self._saved = {p.id: p for p in photos}
        self._thumbs = thumbs
        self._refill()

    def count(self) -> int:
        return self.list.count()

    def _refill(self) -> None:
        self.list.clear()
        for meta in self._saved.values():
            item = QListWidgetItem(QIcon(_pixmap(self._thumbs.get(meta.id, b""))), meta.added_by)
            item.setData(Qt.ItemDataRole.UserRole, ("saved", meta.id))
            item.setToolTip(
                self.tr("{name}\n{purpose}\nAdded by {who} at {time}\n{width}×{height}").format(
                    name=meta.filename,
                    purpose=photo_purpose_label(meta.purpose),
                    who=meta.added_by,
                    time=when(meta.added_at),
                    width=meta.width,
                    height=meta.height,
                )
            )
            self.list.addItem(item)
        for index, photo in enumerate(self._pending):
            item = QListWidgetItem(QIcon(_pixmap(photo.thumbnail)), self.tr("(new)"))
            item.setData(Qt.ItemDataRole.UserRole, ("pending", index))
            item.setToolTip(photo.filename)
            self.list.addItem(item)

    def set_adding_allowed(self, allowed: bool) -> None:
        """Viewing stays possible where adding is not (a closed case, the order printer)."""
        self.can_add = allowed
        self.setAcceptDrops(allowed)
        for widget in (self.add_button, self.paste_button, self.hint):
            widget.setVisible(allowed)

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        kind, index = item.data(Qt.ItemDataRole.UserRole)
        if kind == "pending":
            del self._pending[index]
            self._refill()

    # -- adding ---------------------------------------------------------------------------
    def ask_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            "",
            self.tr("Photos ({patterns})").format(patterns=IMAGE_FILTER),
        )
        self.add_files([Path(p) for p in chosen])

    def add_files(self, paths: list[Path]) -> None:
        self.add_sources([(p.name, p) for p in paths])

    def add_sources(self, sources: list[tuple[str, bytes | Path]]) -> None:
        """Prepare these photos off the GUI thread; show them, or say why not."""
        if not sources:
            return
        self.banner.clear()
        self.busy += 1
        self.hint.setText(self.tr("Preparing %n photo(s)…", "", len(sources)))
        Task(self, lambda: _prepare_all(sources)).success(self._prepared).finally_(self._idle).run()

    def _idle(self) -> None:
        self.busy -= 1
        if not self.busy:
            self.hint.setText(self._idle_hint())

    def _prepared(self, batch: _Batch) -> None:
        if batch.refusals:
            self.show_error("\n".join(e.message(translate) for e in batch.refusals))
        if not batch.photos:
            return
        if self.keep_pending:
            self._pending.extend(batch.photos)
            self._refill()
        else:
            self.prepared.emit(batch.photos)

    def show_error(self, text: str) -> None:
        self.banner.show_error(text)

    def paste(self) -> None:
        if not self.can_add:
            return
        self.add_mime(QGuiApplication.clipboard().mimeData())

    def add_mime(self, mime: QMimeData | None) -> bool:
        """Files or an image from a drop or the clipboard; False if it held neither."""
        if mime is None:
            return False
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        if files:
            self.add_files(files)
            return True
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self.add_sources([(self.tr("clipboard.png"), image_png(image))])
                return True
        self.show_error(self.tr("There is no photo to paste: copy an image or a photo file."))
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self.can_add and (mime.hasUrls() or mime.hasImage()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.can_add and self.add_mime(event.mimeData()):
            event.acceptProposedAction()

    # -- viewing --------------------------------------------------------------------------
    def _open_item(self, item: QListWidgetItem) -> None:
        kind, key = item.data(Qt.ItemDataRole.UserRole)
        if kind == "pending":
            photo = self._pending[key]
            PhotoViewer.show_bytes(self, photo.display, photo.filename)
            return
        meta = self._saved[key]
        title = self.tr("{name} — added by {who} at {time}").format(
            name=meta.filename, who=meta.added_by, time=when(meta.added_at)
        )
        Op(self, lambda s: case_photos.photo_bytes(s, key, "display")).success(
            lambda found: PhotoViewer.show_bytes(self, found[0], title)
        ).run()

    def open_index(self, row: int) -> None:
        """Open the full view of the photo in this position (as a double-click does)."""
        self._open_item(self.list.item(row))


class PhotoViewer(QDialog):
    """One photo, fitted to the window (or at full size, scrolled)."""

    def __init__(self, parent: QWidget | None, data: bytes, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.original = _pixmap(data)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.image)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fit_button = QPushButton(self.tr("Actual size"), self)
        self.fit_button.setCheckable(True)
        self.fit_button.toggled.connect(lambda _=False: self._show())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.fit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(buttons)
        self.resize(900, 700)

    @classmethod
    def show_bytes(cls, parent: QWidget | None, data: bytes, title: str) -> PhotoViewer:
        viewer = cls(parent, data, title)
        viewer.show()
        viewer._show()
        return viewer

    def _show(self) -> None:
        if self.fit_button.isChecked() or self.original.isNull():
            self.image.setPixmap(self.original)
        else:  # fit: never enlarge a small photo
            room = self.scroll.viewport().size() - QSize(4, 4)
            pix = self.original
            if pix.width() > room.width() or pix.height() > room.height():
                pix = pix.scaled(
                    room,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            self.image.setPixmap(pix)
        self.image.adjustSize()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._show()
