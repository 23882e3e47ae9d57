"""Register a parcel nobody announced (the seed: parcels without a card go to after-sales).

The warehouse types what is on the parcel and in it; ``unannounced_parcels.register_unannounced``
makes the case (and says no if the number is already on a case), then any photos are
added to it in the same transaction, so a refused photo leaves no case half-made.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models import CardInParcel
from app.models.errors import UserError
from app.services.cases import photos as case_photos
from app.services.cases import unannounced_parcels
from app.services.cases.photos import PreparedPhoto
from app.services.cases.rows import CaseDetail
from app.services.core.actor import Actor
from app.views.kit.ops import Op, Task, translate
from app.views.kit.widgets import Banner, SaveDialog

IMAGES = "*.jpg *.jpeg *.png *.webp *.heic *.bmp *.tif *.tiff"


def prepare_files(paths: list[str]) -> list[PreparedPhoto]:
    """Read and check the chosen photos (off the GUI thread: a 12 MP JPEG takes a moment)."""
    return [case_photos.prepare_file(Path(name)) for name in paths]


def register(
    session: Session,
    actor: Actor,
    *,
    tracking: str,
    courier: str,
    order_no: str | None,
    remark: str,
    card: CardInParcel,
    photos: list[PreparedPhoto],
) -> CaseDetail:
    case = unannounced_parcels.register_unannounced(
        session,
        actor,
        tracking=tracking,
        courier=courier,
        order_no=order_no,
        remark=remark,
        card=card,
    )
    if photos:
        case = case_photos.add_photos(session, actor, case.case_no, photos)
    return case


class UnannouncedDialog(SaveDialog):
    def __init__(
        self, parent: QWidget | None, actor: Actor, code: str, order_no: str | None = None
    ) -> None:
        super().__init__(parent)
        self.actor = actor
        self.saved: CaseDetail | None = None
        self.setWindowTitle(self.tr("Register an unannounced return"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "A parcel came back that no after-sales case expects. Register it so "
                "after-sales can contact the buyer and follow it up."
            )
        )
        intro.setWordWrap(True)
        self.banner = Banner(self)
        self.tracking = QLineEdit(code)
        self.courier = QLineEdit()
        self.courier.setPlaceholderText(self.tr("e.g. 顺丰, 圆通, 中通"))
        self.order_no = QLineEdit(order_no or "")
        self.order_no.setPlaceholderText(self.tr("If the label or a note names it"))
        self.card = QCheckBox(
            self.tr("An after-sales card (售后服务卡) or a note is in the parcel")
        )
        self.remark = QPlainTextEdit()
        self.remark.setPlaceholderText(
            self.tr("What is in the parcel, its condition, what the card or note says")
        )
        self.remark.setFixedHeight(90)

        self.photos = QListWidget()
        self.photos.setFixedHeight(70)
        self.add_photo = QPushButton(self.tr("Add photos…"))
        self.add_photo.clicked.connect(self.choose_photos)
        self.remove_photo = QPushButton(self.tr("Remove"))
        self.remove_photo.clicked.connect(self._remove_photo)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.add_photo)
        photo_buttons.addWidget(self.remove_photo)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photos, 1)
        photo_row.addLayout(photo_buttons)

        form = QFormLayout()
        form.addRow(self.tr("Tracking no."), self.tracking)
        form.addRow(self.tr("Courier"), self.courier)
        form.addRow(self.tr("Order no."), self.order_no)
        form.addRow("", self.card)
        form.addRow(self.tr("Contents / notes"), self.remark)
        form.addRow(self.tr("Photos (optional)"), photo_row)
        self.buttons = self.save_cancel(self.tr("Register"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        # the number came from the scanner; the person types what they see next
        self.courier.setFocus()

    @classmethod
    def ask(
        cls, parent: QWidget | None, actor: Actor, code: str, order_no: str | None = None
    ) -> CaseDetail | None:
        """Show the dialog; the new case, or None if cancelled. Tests replace this."""
        dialog = cls(parent, actor, code, order_no)
        dialog.exec()
        dialog.deleteLater()
        return dialog.saved

    # -- photos --------------------------------------------------------------------------------
    def choose_photos(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Photos of the parcel"),
            start,
            self.tr("Images ({patterns})").format(patterns=IMAGES),
        )
        self.add_paths(paths)

    def add_paths(self, paths: list[str]) -> None:
        known = set(self.paths())
        for path in paths:
            if path not in known:
                self.photos.addItem(path)
                known.add(path)

    def paths(self) -> list[str]:
        return [self.photos.item(i).text() for i in range(self.photos.count())]

    def _remove_photo(self) -> None:
        for item in self.photos.selectedItems():
            self.photos.takeItem(self.photos.row(item))

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> None:
        """Check the photos, then register; a refusal is said here and the input kept."""
        self.banner.clear()
        self.buttons.setEnabled(False)
        self._writing = False
        paths = self.paths()
        Task(self, lambda: prepare_files(paths)).success(self._write).failure(
            self._refused
        ).finally_(self._unless_writing).run()

    def _write(self, photos: list[PreparedPhoto]) -> None:
        actor = self.actor
        tracking, courier = self.tracking.text(), self.courier.text()
        order_no = self.order_no.text().strip() or None
        remark = self.remark.toPlainText()
        card = CardInParcel.YES if self.card.isChecked() else CardInParcel.NO
        Op(
            self,
            lambda s: register(
                s,
                actor,
                tracking=tracking,
                courier=courier,
                order_no=order_no,
                remark=remark,
                card=card,
                photos=photos,
            ),
            write=True,
            changes="cases",
        ).success(self._saved).failure(self._refused).finally_(
            lambda: self.buttons.setEnabled(True)  # also after a bug was shown
        ).run()
        self._writing = True

    def _unless_writing(self) -> None:
        """After the photos: the buttons come back unless the write has started."""
        if not getattr(self, "_writing", False):
            self.buttons.setEnabled(True)

    def _saved(self, case: CaseDetail) -> None:
        self.buttons.setEnabled(True)
        self.saved = case
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.buttons.setEnabled(True)
        self.banner.show_error(error.message(translate))
