"""The Shops page (administrators): each shop's sender block and default courier, and the
same-day cut-off the order printer's list starts from.

The services decide and check everything (``shop_senders.save``,
``print_slips.set_cutoff``, ``shops.add`` and ``shops.rename``, the calls the command line
makes); a refusal is shown inline in the service's words. The order printer opens the
same page read-only from the print page to see what the labels will say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models import DocLanguage
from app.models.errors import UserError
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.services.dispatch import label_tool
from app.services.dispatch import senders as shop_senders
from app.services.dispatch import slips as print_slips
from app.services.dispatch.senders import ShopSender
from app.services.imports import shops as shop_service
from app.services.packing import barcodes as packing_barcodes
from app.views.dispatch.waybills_dialog import WaybillsDialog
from app.views.kit.ops import Op, Reloads, hub, translate
from app.views.kit.widgets import Banner, show_if
from app.views.shell.shop_name_dialog import ShopNameDialog
from app.views.supervision.deadlines_dialog import DeadlinesDialog
from app.views.supervision.deadlines_dialog import refusal as deadlines_refusal


def sender_edits() -> tuple[QLineEdit, QLineEdit, QLineEdit]:
    """The label sender's name, phone and return address, as typed here and in the
    first-start wizard."""
    name, phone, address = QLineEdit(), QLineEdit(), QLineEdit()
    for edit, longest, hint in (
        (name, 64, QT_TRANSLATE_NOOP("ShopsPage", "e.g. the shop's name or the warehouse")),
        (phone, 32, QT_TRANSLATE_NOOP("ShopsPage", "e.g. 0571-88886666")),
        (
            address,
            300,
            QT_TRANSLATE_NOOP("ShopsPage", "province, city, district and street, where returns go"),
        ),
    ):
        edit.setMaxLength(longest)
        edit.setPlaceholderText(translate("ShopsPage", hint))
    return name, phone, address


@dataclass(frozen=True)
class Loaded:
    shops: list[ShopSender]
    couriers: list[str]
    cutoff: str
    by_hand: frozenset[str] = frozenset()  # shops whose items are ticked by hand when packed
    with_tool: frozenset[str] = frozenset()  # shops whose e-waybill tool prints the labels


def load(session: Session) -> Loaded:
    return Loaded(
        shop_senders.shops(session),
        shop_senders.couriers(session),
        print_slips.cutoff(session),
        frozenset(packing_barcodes.shops_ticking_by_hand(session)),
        frozenset(label_tool.shop_names(session)),
    )


class ShopsPage(QWidget):
    loaded = Signal()
    """The shops and the cut-off were (re)loaded."""

    saved = Signal(object)
    """A shop's details (a ``ShopSender``), the cut-off (``str``, HH:MM) or a new or renamed
    shop (a ``shops.ShopRow``) were saved."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        # what the screen offers; the services check the roles again on every save
        self.can_edit = may(Action.SHOP_EDIT, actor)
        self.can_set_cutoff = may(Action.CUTOFF_SET, actor)
        self.setWindowTitle(self.tr("Shops"))
        title = QLabel(self.tr("Shops: the sender on each shop's labels"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(self.reload)
        self.new_button = QPushButton(self.tr("New shop…"))
        self.new_button.clicked.connect(self.new_shop)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self.rename_shop)
        for button in (self.new_button, self.rename_button):
            show_if(button, self.can_edit)
        # issue 13: the administrator's deadlines and complaint categories; others see why not
        self.deadlines_button = QPushButton(self.tr("Deadlines and complaint categories…"))
        self.deadlines_button.clicked.connect(self.show_deadlines)
        why = deadlines_refusal(actor)
        self.deadlines_button.setEnabled(why is None)
        self.deadlines_button.setToolTip(why.message(translate) if why is not None else "")
        self.deadlines_dialog: DeadlinesDialog | None = None
        self.shop_dialog: ShopNameDialog | None = None
        self._pending_select = ""  # a shop just added or renamed: shown once the list reloads
        self.reloads = Reloads()  # only the newest reload's answer is shown
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.rename_button)
        top.addWidget(self.refresh)
        self.banner = Banner()

        self.shop_list = QListWidget()
        self.shop_list.setMinimumWidth(220)
        self.shop_list.setMaximumWidth(320)
        self.shop_list.currentItemChanged.connect(self._shop_chosen)
        self.shop_name = QLabel()
        self.shop_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sender_name, self.sender_phone, self.return_address = sender_edits()
        self.default_courier = QComboBox()
        self.default_courier.setEditable(True)
        self.default_courier.setMinimumContentsLength(16)
        self.default_courier.lineEdit().setPlaceholderText(self.tr("none"))
        self.doc_language = QComboBox()  # the language of the shop's printed documents
        for language in DocLanguage:
            self.doc_language.addItem(translate("DocLanguage", language.label), language.value)
        self.save_button = QPushButton(self.tr("Save shop"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Shop"), self.shop_name)
        form.addRow(self.tr("Sender"), self.sender_name)
        form.addRow(self.tr("Phone"), self.sender_phone)
        form.addRow(self.tr("Return address"), self.return_address)
        form.addRow(self.tr("Default courier"), self.default_courier)
        form.addRow(self.tr("Printed documents in"), self.doc_language)
        self.read_only_note = QLabel(self.tr("Only an administrator can change these details."))
        self.read_only_note.setStyleSheet("color: #555555;")
        self.read_only_note.setVisible(not self.can_edit)
        save_row = QHBoxLayout()
        save_row.addWidget(self.read_only_note)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        details = QGroupBox(self.tr("Sender details printed on the labels"))
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(form)
        details_layout.addLayout(save_row)

        self.cutoff = QLineEdit()
        self.cutoff.setMaxLength(5)
        self.cutoff.setFixedWidth(80)
        self.cutoff.setPlaceholderText("16:00")
        self.cutoff_button = QPushButton(self.tr("Save cut-off"))
        self.cutoff_button.clicked.connect(self.save_cutoff)
        cutoff_box = QGroupBox(self.tr("Same-day dispatch"))
        cutoff_row = QHBoxLayout(cutoff_box)
        cutoff_row.addWidget(QLabel(self.tr("Orders paid by")))
        cutoff_row.addWidget(self.cutoff)
        about = QLabel(self.tr("today are in the printer's list for today's batch (the cut-off)."))
        about.setWordWrap(True)
        cutoff_row.addWidget(about, 1)
        cutoff_row.addWidget(self.cutoff_button)

        # the packing desk (docs/packing.md P3): a shop whose goods carry no barcodes
        self.by_hand = QCheckBox(
            self.tr("Items have no barcodes: the packing desk ticks them off by hand")
        )
        self.by_hand.clicked.connect(self.save_by_hand)
        packing_box = QGroupBox(self.tr("Packing desk"))
        QVBoxLayout(packing_box).addWidget(self.by_hand)

        # issue 11 §1: where the shop's shipping labels and waybill numbers come from
        self.label_tool = QCheckBox(
            self.tr("This shop prints its labels with the platform's e-waybill tool")
        )
        self.label_tool.clicked.connect(self.save_label_tool)
        tool_hint = QLabel(
            self.tr(
                "Then its batches print dispatch notes only, and its waybill numbers come "
                "with Import waybills."
            )
        )
        tool_hint.setWordWrap(True)  # a long line would widen the whole window
        tool_hint.setStyleSheet("color: #555555;")
        self.waybills_button = QPushButton(self.tr("Number pools and courier patterns…"))
        self.waybills_button.clicked.connect(self.show_waybills)
        waybill_box = QGroupBox(self.tr("Waybill numbers"))
        waybill_layout = QVBoxLayout(waybill_box)
        waybill_layout.addWidget(self.label_tool)
        waybill_row = QHBoxLayout()
        waybill_row.addWidget(tool_hint, 1)
        waybill_row.addWidget(self.waybills_button)
        waybill_layout.addLayout(waybill_row)
        self.waybills_dialog: QDialog | None = None

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555555;")
        # the list runs down the left; the forms stay together at the top right
        right = QVBoxLayout()
        right.addWidget(self.banner)
        right.addWidget(details)
        right.addWidget(cutoff_box)
        right.addWidget(packing_box)
        right.addWidget(waybill_box)
        right.addWidget(self._deadlines_box())
        right.addWidget(self.status)
        right.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.shop_list)
        middle.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)

        for field in (self.sender_name, self.sender_phone, self.return_address):
            field.setReadOnly(not self.can_edit)
            if not self.can_edit:  # an example would read as if it were set
                field.setPlaceholderText(self.tr("not set"))
        self.default_courier.setEnabled(self.can_edit)
        self.doc_language.setEnabled(self.can_edit)
        show_if(self.save_button, self.can_edit)
        self.by_hand.setEnabled(self.can_edit)
        self.label_tool.setEnabled(may(Action.WAYBILL_ADMIN, actor))
        show_if(self.waybills_button, may(Action.WAYBILL_READ, actor))
        self.with_tool: frozenset[str] = frozenset()
        self.cutoff.setReadOnly(not self.can_set_cutoff)
        self.cutoff_button.setVisible(self.can_set_cutoff)
        self.shops: list[ShopSender] = []
        self.ticking_by_hand: frozenset[str] = frozenset()
        self._shown: ShopSender | None = None  # what the fields were filled with
        self._shown_cutoff = ""
        hub().data_changed.connect(self._data_changed)
        self.reload()

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        Op(self, load).newest(self.reloads).success(self._loaded).run()

    def _loaded(self, found: Loaded) -> None:
        keep = self._pending_select or self.current_shop()
        self._pending_select = ""
        self.shops = found.shops
        self.ticking_by_hand = found.by_hand
        self.with_tool = found.with_tool
        self.shop_list.blockSignals(True)
        self.shop_list.clear()
        for shop in found.shops:
            item = QListWidgetItem(shop.shop)
            item.setData(Qt.ItemDataRole.UserRole, shop.shop)
            if not (shop.sender_phone and shop.return_address):
                item.setToolTip(self.tr("No sender phone or return address yet"))
                item.setForeground(Qt.GlobalColor.darkRed)
            self.shop_list.addItem(item)
        names = [s.shop for s in found.shops]
        if names:  # chosen again without _shop_chosen: that would clear the status line
            self.shop_list.setCurrentRow(names.index(keep) if keep in names else 0)
        self.shop_list.blockSignals(False)
        typed = self.default_courier.currentText()
        self.default_courier.clear()
        self.default_courier.addItem("")
        self.default_courier.addItems(found.couriers)
        self.default_courier.setCurrentText(typed)
        # a reload (someone saved something) keeps what is being typed here
        if self.cutoff.text() == self._shown_cutoff:
            self.cutoff.setText(found.cutoff)
        self._shown_cutoff = found.cutoff
        shop = self.current()
        if not (shop and self._shown and shop.shop == self._shown.shop and self._edited()):
            self._show(shop)
        self.loaded.emit()

    def _edited(self) -> bool:
        """The sender fields differ from what they were filled with: someone is typing."""
        shown = self._shown
        return shown is not None and (
            self.sender_name.text(),
            self.sender_phone.text(),
            self.return_address.text(),
            self.default_courier.currentText(),
        ) != (shown.sender_name, shown.sender_phone, shown.return_address, shown.default_courier)

    def _data_changed(self, what: str) -> None:
        if what in ("shops", "settings"):  # not on every order change: it would undo typing
            self.reload()

    def current_shop(self) -> str:
        item = self.shop_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def current(self) -> ShopSender | None:
        name = self.current_shop()
        return next((s for s in self.shops if s.shop == name), None)

    def select(self, shop: str) -> None:
        names = [s.shop for s in self.shops]
        if shop in names:
            self.shop_list.setCurrentRow(names.index(shop))

    def _shop_chosen(self, *_args: object) -> None:
        self.banner.clear()
        self.status.clear()
        self._show(self.current())

    def _show(self, shop: ShopSender | None) -> None:
        self._shown = shop
        self.shop_name.setText(
            self.tr("{shop} ({platform})").format(shop=shop.shop, platform=shop.platform)
            if shop
            else ""
        )
        self.sender_name.setText(shop.sender_name if shop else "")
        self.sender_phone.setText(shop.sender_phone if shop else "")
        self.return_address.setText(shop.return_address if shop else "")
        self.default_courier.setCurrentText(shop.default_courier if shop else "")
        language = shop.doc_language if shop else DocLanguage.ZH
        self.doc_language.setCurrentIndex(self.doc_language.findData(language.value))
        self.save_button.setEnabled(shop is not None)
        self.rename_button.setEnabled(shop is not None)
        self.by_hand.setChecked(shop is not None and shop.shop in self.ticking_by_hand)
        self.label_tool.setChecked(shop is not None and shop.shop in self.with_tool)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        shop = self.current_shop()
        if not shop:
            return
        actor = self.actor
        values = {
            "name": self.sender_name.text(),
            "phone": self.sender_phone.text(),
            "address": self.return_address.text(),
            "default_courier": self.default_courier.currentText(),
            "doc_language": self.doc_language.currentData(),
        }
        self.banner.clear()
        self.save_button.setEnabled(False)
        Op(
            self, lambda s: shop_senders.save(s, actor, shop, **values), write=True, changes="shops"
        ).success(self._saved).failure(self._refused).finally_(
            lambda: self.save_button.setEnabled(True)
        ).run()

    def _saved(self, shop: ShopSender) -> None:
        if self.current_shop() == shop.shop:
            self._show(shop)  # as saved (cleaned up)
        self.status.setText(self.tr("Saved the sender details of {shop}.").format(shop=shop.shop))
        self.saved.emit(shop)

    def save_by_hand(self, on: bool) -> None:
        """Ticked or unticked: saved at once (one click, one transaction)."""
        self._save_shop_flag(
            lambda s, actor, shop: packing_barcodes.set_ticks_by_hand(s, actor, shop, on),
            self._by_hand_saved,
            self._by_hand_refused,
        )

    def _save_shop_flag(
        self,
        work: Callable[[Session, Actor, str], bool],
        saved: Callable[[str, bool], None],
        refused: Callable[[UserError], None],
    ) -> None:
        """A shop's yes/no setting, saved by the service ``work`` for the chosen shop."""
        shop, actor = self.current_shop(), self.actor
        if not shop:
            return
        self.banner.clear()
        Op(self, lambda s: work(s, actor, shop), write=True, changes="shops").success(
            lambda done: saved(shop, done)
        ).failure(refused).run()

    def _by_hand_saved(self, shop: str, on: bool) -> None:
        self.ticking_by_hand = (
            self.ticking_by_hand | {shop} if on else self.ticking_by_hand - {shop}
        )
        if on:
            said = self.tr("{shop}: items are ticked off by hand at the packing desk.")
        else:
            said = self.tr("{shop}: items are checked by their barcodes at the packing desk.")
        self.status.setText(said.format(shop=shop))
        self.saved.emit(shop)

    def _by_hand_refused(self, error: UserError) -> None:
        self.by_hand.setChecked(self.current_shop() in self.ticking_by_hand)
        self._refused(error)

    def save_label_tool(self, on: bool) -> None:
        """Ticked or unticked: saved at once; every later batch prints accordingly."""
        self._save_shop_flag(
            lambda s, actor, shop: label_tool.set_label_tool(s, actor, shop, on),
            self._label_tool_saved,
            self._label_tool_refused,
        )

    def _label_tool_saved(self, shop: str, on: bool) -> None:
        self.with_tool = self.with_tool | {shop} if on else self.with_tool - {shop}
        if on:
            said = self.tr(
                "{shop}: batches print dispatch notes only; import the e-waybill tool's "
                "numbers (Import waybills)."
            )
        else:
            said = self.tr("{shop}: batches print AfterDesk's shipping labels.")
        self.status.setText(said.format(shop=shop))
        self.saved.emit(shop)

    def _label_tool_refused(self, error: UserError) -> None:
        self.label_tool.setChecked(self.current_shop() in self.with_tool)
        self._refused(error)

    def _deadlines_box(self) -> QGroupBox:
        hint = QLabel(
            self.tr(
                "How long each kind of task and each complaint may take, the working hours "
                "they run in, and the complaint categories."
            )
        )
        hint.setWordWrap(True)  # a long line would widen the whole window
        hint.setStyleSheet("color: #555555;")
        box = QGroupBox(self.tr("Deadlines"))
        row = QHBoxLayout(box)
        row.addWidget(hint, 1)
        row.addWidget(self.deadlines_button)
        return box

    def show_deadlines(self) -> None:
        self.deadlines_dialog = DeadlinesDialog(self, self.actor)
        self.deadlines_dialog.open()

    def show_waybills(self) -> None:
        self.waybills_dialog = WaybillsDialog(self.actor, self)
        self.waybills_dialog.open()

    def save_cutoff(self) -> None:
        actor, text = self.actor, self.cutoff.text()
        self.banner.clear()
        Op(
            self, lambda s: print_slips.set_cutoff(s, actor, text), write=True, changes="settings"
        ).success(self._cutoff_saved).failure(self._refused).run()

    def _cutoff_saved(self, value: str) -> None:
        self.cutoff.setText(value)
        self._shown_cutoff = value
        self.status.setText(self.tr("The same-day cut-off is now {time}.").format(time=value))
        self.saved.emit(value)

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))

    # -- new and renamed shops -------------------------------------------------------------
    def new_shop(self) -> None:
        self._ask(ShopNameDialog(self, self.tr("New shop"), "", with_platform=True))

    def rename_shop(self) -> None:
        shop = self.current_shop()
        if shop:
            self._ask(ShopNameDialog(self, self.tr("Rename {shop}").format(shop=shop), shop))

    def _ask(self, dialog: ShopNameDialog) -> None:
        """Open the dialog; its OK calls the service and keeps the dialog open on a refusal."""
        self.shop_dialog = dialog
        dialog.submitted.connect(lambda: self._submit(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _submit(self, dialog: ShopNameDialog) -> None:
        actor, name, platform = self.actor, dialog.name.text(), dialog.platform.currentData()
        old = dialog.old

        def work(session: Session) -> shop_service.ShopRow:
            if old:
                return shop_service.rename(session, actor, old, name)
            return shop_service.add(session, actor, name, platform=platform)

        dialog.banner.clear()
        dialog.buttons.setEnabled(False)
        Op(self, work, write=True, changes="shops").success(
            lambda row: self._shop_saved(dialog, old, row)
        ).failure(lambda error: dialog.banner.show_error(error.message(translate))).finally_(
            lambda: dialog.buttons.setEnabled(True)
        ).run()

    def _shop_saved(self, dialog: ShopNameDialog, old: str, row: shop_service.ShopRow) -> None:
        dialog.accept()
        if old:
            text = self.tr("{old} is now called {new}.").format(old=old, new=row.name)
        else:
            text = self.tr("Added the shop {shop}: import its orders on the Import page.").format(
                shop=row.name
            )
        self._pending_select = row.name
        self.status.setText(text)
        self.saved.emit(row)
        self.reload()
