"""Every page and every dialog on a small shop PC's screen (1366×768, see conftest): each
window fits, and every button a person can see is on the screen (or in a scroll area that
is), so nothing is out of reach."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfWriter
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

import app.views
from app.config import LocalSettings
from app.db import Database, db_now
from app.models import CaseType, Role, Stage
from app.models.complaint_enums import Channel, Priority
from app.services.cases import opening as cases
from app.services.changes import requests as changes
from app.services.complaints import complaints
from app.services.core import accounts
from app.services.core.actor import Actor
from app.services.orders import lookup as orders
from app.services.roster import people as roster_people
from app.services.roster import shifts as roster_shifts
from app.services.scores import rules as score_rules
from app.services.scores.months import Month
from app.services.supervision.deadlines import read_kind, spec_of
from app.services.supervision.followups import Candidate
from app.services.supervision.trends import CountedCase
from app.views.cases import case_forms
from app.views.cases.case_dialog import CaseDialog
from app.views.cases.case_open_dialog import OpenCaseDialog
from app.views.cases.photo_widgets import PhotoViewer
from app.views.cases.unannounced_dialog import UnannouncedDialog
from app.views.changes.address_dialog import AddressDialog
from app.views.changes.change_dialog import CancelDialog
from app.views.changes.item_dialog import ItemChangeDialog
from app.views.changes.request_actions import DoneDialog
from app.views.changes.special_dialog import SpecialRequestDialog
from app.views.complaints.complaint_dialog import ComplaintDialog, NewComplaintDialog
from app.views.complaints.dispute_dialog import DisputeDialog
from app.views.dispatch.print_jobs import MissingWaybillsDialog, ReprintDialog
from app.views.dispatch.waybills_dialog import WaybillsDialog
from app.views.imports.mapping_dialog import MappingDialog
from app.views.kit.ops import wait_for_ops
from app.views.kit.pdf_preview import PreviewDialog
from app.views.kit.screen import ScreenFit, install_screen_fit
from app.views.orders.note_dialog import AddNoteDialog
from app.views.scores.day_dialog import DayDialog
from app.views.scores.entry_dialog import EntryDialog
from app.views.scores.rules_dialog import RulesDialog
from app.views.scores.shift_dialog import ShiftDialog
from app.views.scores.swap_dialog import SwapDialog
from app.views.shell.db_problem import DatabaseProblemDialog
from app.views.shell.first_start_wizard import FirstStartWizard
from app.views.shell.main_window import MainWindow
from app.views.shell.password_dialog import PasswordDialog
from app.views.shell.settings_dialog import SettingsDialog
from app.views.shell.shop_name_dialog import ShopNameDialog
from app.views.shell.shops_dialog import ShopsDialog
from app.views.shell.signin import SignInDialog
from app.views.shell.user_dialog import AddUserDialog, RolesDialog
from app.views.shipping.export_dialog import ExportShipmentsDialog
from app.views.supervision.deadlines_dialog import DeadlinesDialog
from app.views.supervision.followup_dialogs import ReassignDialog, RemindDialog
from app.views.supervision.trend_list_dialog import TrendListDialog
from tests.case_helpers import png, shipped_orders
from tests.conftest import demo_actors

SMALL_PC = QRect(0, 0, 1366, 768)
BASES = {"SaveDialog", "CaseForm", "ChangeDialog", "_Form", "ConfirmForm", "RecordDialog"}


@pytest.fixture(autouse=True)
def fit(qtbot: QtBot) -> Iterator[ScreenFit]:
    """The screen fit the app installs at start (shell.app.run_gui)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert QGuiApplication.primaryScreen().availableGeometry() == SMALL_PC
    fit = install_screen_fit(app)
    yield fit
    app.removeEventFilter(fit)


def off_screen(window: QWidget) -> list[str]:
    """Visible buttons of ``window`` not on the screen; a button inside a scroll area counts
    as reachable when the scroll area is on the screen."""
    screen = window.screen().availableGeometry()
    missing = []
    if not screen.contains(window.frameGeometry()):
        missing.append(f"the window itself at {window.frameGeometry()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not window:
            continue
        shown: QWidget = button
        parent = button.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent, QAbstractScrollArea):
                shown = parent
            parent = parent.parentWidget()
        rect = QRect(shown.mapToGlobal(QPoint(0, 0)), shown.size())
        if not screen.contains(rect):
            missing.append(f"{type(window).__name__}: “{button.text()}” at {rect}")
    return missing


def all_roles_admin(db: Database) -> Actor:
    admin = next(u for u in db.read(accounts.list_users) if u.username == "admin")
    actor = Actor(admin.id, admin.username, admin.display_name, admin.roles)
    # the services read the roles from the database: give the account every role there too
    db.write(lambda s: accounts.set_roles(s, actor, "admin", list(Role)))
    return Actor(admin.id, admin.username, admin.display_name, frozenset(Role))


def test_every_page_of_the_main_window_fits_a_small_screen(
    qtbot: QtBot, gui_shop: Database
) -> None:
    window = MainWindow(all_roles_admin(gui_shop), "sqlite:///shop.sqlite", LocalSettings())
    qtbot.addWidget(window)
    window.show()
    assert window.height() <= SMALL_PC.height()  # asked for 820: trimmed to the screen
    for key in window.page_keys():
        window.show_page(key)
        qtbot.wait(50)  # let the page lay out
        assert off_screen(window) == [], key
    assert wait_for_ops()


class _WindowsShown(QObject):
    """Counts every widget shown as a window of its own, but dialogs and the main window."""

    def __init__(self) -> None:
        super().__init__()
        self.stray: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not isinstance(watched, (QDialog, MainWindow, QMenu))
            and not watched.windowFlags() & Qt.WindowType.ToolTip
        ):
            self.stray.append(f"{type(watched).__name__} {getattr(watched, 'text', str)()!r}")
        return False


def test_opening_a_page_opens_no_window_of_its_own(qtbot: QtBot, gui_shop: Database) -> None:
    """A button shown before it joins its page opens for a moment as a window on the desktop
    (and takes the keyboard from the main window): the pages are built as first opened."""
    window = MainWindow(all_roles_admin(gui_shop), "sqlite:///shop.sqlite", LocalSettings())
    qtbot.addWidget(window)
    window.show()
    watcher = _WindowsShown()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watcher)
    try:
        for key in window.page_keys():
            window.show_page(key)
            qtbot.wait(10)
    finally:
        app.removeEventFilter(watcher)
    assert wait_for_ops()
    assert watcher.stray == []


def dialog_classes() -> set[type[QDialog]]:
    """Every dialog AfterDesk defines, so a new one cannot be left out of the check."""
    for module in pkgutil.walk_packages(app.views.__path__, "app.views."):
        importlib.import_module(module.name)
    found: set[type[QDialog]] = set()
    todo = [QDialog]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("app.views.") and sub.__name__ not in BASES:
                found.add(sub)
    return found


def _pdf(tmp_path: Path) -> Path:
    """An A4 page: the preview's pages are taller than the screen."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "a4.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


def factories(db: Database, tmp_path: Path) -> dict[type[QDialog], Callable[[], QDialog]]:
    actor = all_roles_admin(db)
    order_no = db.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=1))[0].order_no
    order = db.read(lambda s: orders.get(s, order_no))
    shipped = shipped_orders(db, 1)[0]
    staff = demo_actors(db)
    case = db.write(
        lambda s: cases.open_case(s, staff[Role.AFTERSALES], shipped, CaseType.RETURN, reason="大")
    )
    request = db.write(
        lambda s: changes.request_cancel(s, staff[Role.PRESALES], order_no, confirmed=True)
    )
    user = next(u for u in db.read(accounts.list_users) if u.username == "presales")
    complaint = db.write(
        lambda s: complaints.open_complaint(
            s, staff[Role.AFTERSALES], channel=Channel.IM, customer="tb_" + "长" * 40,
            category="回复慢", priority=Priority.URGENT, text="问了半天没人回" * 30,
            order_no=shipped, about="presales",
        )
    )  # fmt: skip
    done = lambda _detail: None  # noqa: E731
    task = db.read(
        lambda s: (
            read_kind(s, spec_of("unannounced"), None, db_now(s))
            or read_kind(s, spec_of("not_printed"), None, db_now(s))
        )
    )[0]
    made: dict[type[QDialog], Callable[[], QDialog]] = {
        OpenCaseDialog: lambda: OpenCaseDialog(None, actor, shipped),
        UnannouncedDialog: lambda: UnannouncedDialog(None, actor, "SF1234567890"),
        PhotoViewer: lambda: PhotoViewer(None, png(3000, 2000), "photo"),
        CaseDialog: lambda: CaseDialog(actor, case.case_no),
        PreviewDialog: lambda: PreviewDialog([("A4", _pdf(tmp_path)), ("A4 too", _pdf(tmp_path))]),
        AddNoteDialog: lambda: AddNoteDialog(None, actor, order),
        CancelDialog: lambda: CancelDialog(None, actor, order),
        ItemChangeDialog: lambda: ItemChangeDialog(None, actor, order),
        AddressDialog: lambda: AddressDialog(None, actor, order),
        SpecialRequestDialog: lambda: SpecialRequestDialog(None, actor, order),
        DoneDialog: lambda: DoneDialog(None, request),
        SettingsDialog: lambda: SettingsDialog(None, LocalSettings(), actor, db),  # Backups too
        SignInDialog: lambda: SignInDialog(None, db, LocalSettings(), demo_accounts=True),
        # a wizard is as large as its largest page (the shop's): the first one shows it
        FirstStartWizard: lambda: FirstStartWizard(None, LocalSettings()),
        ShopsDialog: lambda: ShopsDialog(actor),
        ShopNameDialog: lambda: ShopNameDialog(None, "New shop", "", with_platform=True),
        MappingDialog: lambda: MappingDialog(
            None, "订单.xlsx", [f"很长的列名第{n}列（含说明）" for n in range(60)], {}, "微信小店"
        ),
        DatabaseProblemDialog: lambda: DatabaseProblemDialog(None, "问题" * 200, "sqlite:///x"),
        AddUserDialog: lambda: AddUserDialog(None, actor),
        RolesDialog: lambda: RolesDialog(None, actor, user),
        PasswordDialog: lambda: PasswordDialog(None, actor),
        ReprintDialog: lambda: ReprintDialog(None, order_nos=[order_no] * 30),
        MissingWaybillsDialog: lambda: MissingWaybillsDialog(None, 669),
        ExportShipmentsDialog: lambda: ExportShipmentsDialog(actor),
        TrendListDialog: lambda: TrendListDialog("退款率 · 2026.11.23 当周 · 旗舰店", _counted(40)),
        EntryDialog: lambda: EntryDialog(
            None,
            actor,
            Month(2026, 11),
            db.read(roster_people.staff),
            db.read(score_rules.all_rules),
        ),
        ShiftDialog: lambda: ShiftDialog(None, actor),
        RulesDialog: lambda: RulesDialog(None, actor),
        DayDialog: lambda: DayDialog(
            None,
            actor,
            date(2026, 11, 3),
            db.read(roster_people.staff)[0],
            db.read(roster_shifts.shifts),
            "service_late",
        ),
        SwapDialog: lambda: SwapDialog(
            None, actor, date(2026, 11, 3), db.read(roster_people.staff)
        ),
        WaybillsDialog: lambda: WaybillsDialog(actor),
        NewComplaintDialog: lambda: NewComplaintDialog(None, actor),
        ComplaintDialog: lambda: ComplaintDialog(None, actor, complaint.complaint_no),
        DisputeDialog: lambda: DisputeDialog(None, actor, case.case_no),
        RemindDialog: lambda: RemindDialog(None, task, "李娜"),
        DeadlinesDialog: lambda: DeadlinesDialog(None, actor),
        ReassignDialog: lambda: ReassignDialog(
            None, task, "李娜", [Candidate(f"user{n}", f"很长的名字{n}") for n in range(40)]
        ),
    }
    for _, form in inspect.getmembers(case_forms, inspect.isclass):
        if issubclass(form, case_forms.CaseForm) and form.__name__ not in BASES:
            made[form] = lambda form=form: form(None, actor, case, done)
    return made


def _counted(n: int) -> list[CountedCase]:
    """A busy week's refunds, as a bar's list shows them."""
    at = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
    return [
        CountedCase(
            f"SH20261124-{i:04d}",
            f"386100000000{i:07d}",
            "旗舰店",
            "return",
            "鞋底开胶，左脚鞋头",
            i % 2 == 0,
            at,
            at + timedelta(hours=30),
            Decimal("259.00"),
            30.0,
        )
        for i in range(n)
    ]


def test_every_dialog_fits_a_small_screen(qtbot: QtBot, gui_shop: Database, tmp_path: Path) -> None:
    made = factories(gui_shop, tmp_path)
    assert dialog_classes() <= set(made), "a dialog without a check here"
    problems: list[str] = []
    for make in made.values():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(50)
        assert wait_for_ops()
        qtbot.wait(20)
        problems += off_screen(dialog)
        dialog.hide()
    assert problems == []


def test_the_register_on_a_1024_by_700_window_keeps_its_filters_apart_and_the_order_in_sight(
    qtbot: QtBot, gui_shop: Database
) -> None:
    staff = demo_actors(gui_shop)
    for order_no in shipped_orders(gui_shop, 3):
        gui_shop.write(
            lambda s, o=order_no: cases.open_case(s, staff[Role.AFTERSALES], o, CaseType.RETURN)
        )
    window = MainWindow(all_roles_admin(gui_shop), "sqlite:///shop.sqlite", LocalSettings())
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.show_page("aftersales")
    assert window.width() <= 1024 and window.height() <= 700  # no page forces it wider
    register = window.pages["aftersales"].register  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: register.model.rowCount() == 3)

    bar = register.filter_bar
    shown = [w for w in bar.findChildren(QWidget) if w.isVisible() and w.parent() is bar]
    for n, first in enumerate(shown):
        assert bar.rect().contains(first.geometry()), first
        for second in shown[n + 1 :]:
            assert not first.geometry().intersects(second.geometry()), (first, second)

    table, frozen = register.table, register.frozen
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    assert table.horizontalScrollBar().value() > 0  # the register is wider than the window
    order = register.model.index(0, 2)
    assert register.model.headerData(2, Qt.Orientation.Horizontal) == "Order"
    cell = frozen.visualRect(order)
    assert frozen.isVisible() and frozen.viewport().rect().contains(cell)
    assert cell.width() >= frozen.fontMetrics().horizontalAdvance(str(order.data()))
