"""The main window: navigation that follows the signed-in person's roles, and the menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.config import LocalSettings
from app.services.core import backups, version
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.views.cases.aftersales_page import AftersalesPage
from app.views.cases.case_dialog import CaseDialog, open_case_dialog
from app.views.cases.case_open_dialog import ask_open_case
from app.views.cases.exchange_print_panel import ExchangePrintPanel
from app.views.cases.scan_page import ScanPage
from app.views.changes.requests_page import RequestsPage
from app.views.complaints.complaint_dialog import ComplaintDialog
from app.views.complaints.complaints_page import ComplaintsPage
from app.views.complaints.dispute_dialog import DisputeDialog
from app.views.dispatch.print_page import PrintPage
from app.views.imports.import_page import ImportPage
from app.views.kit.labels import roles_text
from app.views.kit.live import LiveUpdates
from app.views.kit.ops import hub
from app.views.orders.orders_page import OrdersPage
from app.views.packing.packing_page import PackingPage
from app.views.scores.roster_page import RosterPage
from app.views.scores.score_page import ScorePage
from app.views.shell import navigation
from app.views.shell.backup_watch import warning
from app.views.shell.lazy_pages import LazyPages
from app.views.shell.password_dialog import PasswordDialog
from app.views.shell.settings_dialog import SettingsDialog
from app.views.shell.shops_page import ShopsPage
from app.views.shell.staff_page import StaffPage
from app.views.shipping.handover_page import HandoverPage
from app.views.supervision.my_tasks_page import MyTasksPage
from app.views.supervision.review_page import ReviewPage
from app.views.supervision.trends_tab import SupervisorTabs

_Page = TypeVar("_Page", bound=QWidget)
_Tasks = TypeVar("_Tasks", MyTasksPage, ReviewPage)


class MainWindow(QMainWindow):
    signed_out = Signal()
    """The user chose Sign out; the app shows the sign-in dialog again."""

    settings_changed = Signal()
    """Settings were saved; the app applies the language by rebuilding this window."""

    def __init__(
        self, actor: Actor, where: str, settings: LocalSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.actor, self.settings = actor, settings
        self.setWindowTitle(
            self.tr("AfterDesk (售后台) — {name} ({roles}) — {where}").format(
                name=actor.display_name, roles=roles_text(actor.roles), where=where
            )
        )
        self.resize(1360, 820)

        self.nav = QListWidget()
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(168)
        self.nav.setStyleSheet("QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget()
        # every page is there because the capability table lets this person use it, in the
        # order and by the rules of navigation.DOORS; only the one shown is built now
        self.pages = LazyPages(self.stack, self._build_page)
        for key in navigation.keys(actor):
            self.pages.add(key)
            self.nav.addItem(QListWidgetItem(navigation.title(key, actor)))
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menu()
        if "orders" in self.pages:
            signed = self.tr("Signed in as {name}. Scan or type in the search box and press Enter.")
        else:  # an administrator alone has no Orders page: no search box to point at
            signed = self.tr("Signed in as {name}.")
        self.statusBar().showMessage(signed.format(name=actor.display_name))
        # the daily backup's state, a warning only when it is old or failed (issue 12 §5)
        self.backup_warning = QLabel()
        self.backup_warning.setStyleSheet("color: #b35c00; font-weight: bold;")
        self.backup_warning.hide()
        self.statusBar().addPermanentWidget(self.backup_warning)
        if isinstance(tasks_page := self.pages.get("tasks"), MyTasksPage):
            tasks_page.scan.setFocus()  # a scan opens its task
        elif (orders := self.orders) is not None:
            orders.focus_search()
        # what others change reaches every open screen (hub().changes_seen)
        self.live: LiveUpdates | None = None
        if hub().db is not None:
            self.live = LiveUpdates(hub().db, self)
            self.live.changes_seen.connect(hub().changes_seen)
            self.live.start()

    @property
    def orders(self) -> OrdersPage | None:
        """The Orders page (built if never opened), None when this person has none."""
        page = self.pages.get("orders")
        return page if isinstance(page, OrdersPage) else None

    def _build_page(self, key: str) -> QWidget:
        """The page ``key``, made and wired to the window's dialogs when first opened."""
        actor = self.actor
        builders: dict[str, Callable[[], QWidget]] = {
            "tasks": lambda: self._connect_tasks(MyTasksPage(actor)),
            "orders": lambda: self._connect_cases(OrdersPage(actor)),
            "requests": lambda: self._connect_orders(RequestsPage(actor, mine=False)),
            "my_requests": lambda: self._connect_orders(RequestsPage(actor, mine=True)),
            "aftersales": lambda: self._connect_cases(AftersalesPage(actor)),
            "complaints": lambda: ComplaintsPage(actor),
            "printer": lambda: PrintPage(actor),
            "exchanges": lambda: ExchangePrintPanel(actor),
            "packing": lambda: PackingPage(actor),  # the packing desk (打包贴单)
            "handover": lambda: HandoverPage(actor),  # the courier's hand-over (交接)
            "scan": lambda: self._connect_cases(ScanPage(actor)),
            "supervisor": self._supervising,
            "staff": lambda: StaffPage(actor),
            "shops": lambda: ShopsPage(actor),
            "imports": lambda: self._connect_orders(ImportPage(actor)),
            "scores": lambda: self._connect_evidence(ScorePage(actor)),
            "roster": lambda: RosterPage(actor),
        }
        return builders[key]()

    def _supervising(self) -> QWidget:
        review = self._connect_tasks(ReviewPage(self.actor))
        if "aftersales" in self.pages:
            review.aftersales_requested.connect(lambda: self.show_page("aftersales"))
        else:
            review.approvals.hide()
        return self._connect_cases(SupervisorTabs(review, review.windowTitle(), self.actor))

    def _show_row(self, row: int) -> None:
        """The navigation's row chosen: its page, built the first time it is opened."""
        if row < 0:
            return
        self.pages[self.page_keys()[row]]  # reading it builds it
        self.stack.setCurrentIndex(row)

    def _connect_cases(self, page: _Page) -> _Page:
        """A page's request to open a case, or to open a new one, lands in the case dialogs."""
        page.case_requested.connect(self.open_case)  # type: ignore[attr-defined]
        if hasattr(page, "open_case_requested"):
            page.open_case_requested.connect(self.ask_open_case)
        return page

    def _connect_orders(self, page: _Page) -> _Page:
        """A page's request to show an order lands in the Orders page."""
        page.order_requested.connect(self.open_order)  # type: ignore[attr-defined]
        return page

    def _connect_tasks(self, page: _Tasks) -> _Tasks:
        """A task's button opens its case, its order, its request, its complaint or its
        dispute."""
        page.case_requested.connect(self.open_case)
        page.order_requested.connect(self.open_order)
        page.opener.request_requested.connect(self.open_request)
        page.opener.other_requested.connect(self._open_other)
        return page

    def open_request(self, request_id: int, order_no: str) -> None:
        """A printer request's task: the request queue with the request chosen; whoever has no
        queue (the supervisor, from the review) sees the request on its order."""
        queue = self.pages.get("requests")
        if isinstance(queue, RequestsPage):
            self.show_page("requests")
            queue.select_request(request_id)
        else:
            self.open_order(order_no)

    def _connect_evidence(self, page: ScorePage) -> ScorePage:
        """A score entry's evidence opens its case, order, complaint or dispute."""
        page.other_requested.connect(self._open_other)
        return self._connect_orders(self._connect_cases(page))

    def _open_other(self, what: str, key: str, number: str = "") -> QDialog | None:
        """A plugged-in kind's task opens its own window, where it is worked: a complaint is
        answered there; a dispute (``key`` its order, ``number`` its own) gets its outcome and
        evidence pack."""
        dialog: QDialog | None = None
        if what == "complaint" and may(Action.COMPLAINT_READ, self.actor):
            dialog = ComplaintDialog(self, self.actor, key)
        elif what == "dispute" and may(Action.DISPUTE_READ, self.actor):
            dialog = DisputeDialog(self, self.actor, key, dispute_no=number)
        if dialog is not None:
            dialog.show()
        return dialog

    def open_case(self, case_no: str) -> CaseDialog:
        return open_case_dialog(self, self.actor, case_no)

    def ask_open_case(self, order_no: str) -> str | None:
        case_no = ask_open_case(self, self.actor, order_no)
        if case_no:
            self.open_case(case_no)
        return case_no

    def open_order(self, order_no: str) -> None:
        if (orders := self.orders) is None:
            return
        self.show_page("orders")
        orders.search.setText(order_no)
        orders.run_search()

    def show_backup_status(self, status: backups.BackupStatus, error: str = "") -> None:
        text = warning(status, error)
        self.backup_warning.setText(text)
        self.backup_warning.setVisible(bool(text))

    def stop_live_updates(self) -> None:
        if self.live is not None:
            self.live.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_live_updates()
        super().closeEvent(event)

    def page_keys(self) -> list[str]:
        return list(self.pages)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&AfterDesk"))
        find = QAction(self.tr("&Find order"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._find)
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence.StandardKey.Preferences)
        settings.triggered.connect(self.open_settings)
        password = QAction(self.tr("Change my &password…"), self)
        password.triggered.connect(lambda: PasswordDialog.ask(self, self.actor))
        sign_out = QAction(self.tr("Sign &out"), self)
        sign_out.triggered.connect(self.sign_out)
        quit_ = QAction(self.tr("&Quit"), self)
        quit_.setShortcut(QKeySequence.StandardKey.Quit)
        quit_.triggered.connect(self.close)
        for action in (find, settings, password):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(sign_out)
        menu.addAction(quit_)
        self.addActions([find, settings, quit_])  # shortcuts work without opening the menu
        about = QAction(self.tr("&About AfterDesk…"), self)
        about.triggered.connect(self.show_about)
        self.menuBar().addMenu(self.tr("&Help")).addAction(about)

    def about_text(self) -> str:
        about = version.about(hub().db)
        return self.tr(
            "AfterDesk (售后台) {version}\nDatabase schema {schema}; this database: {current}"
        ).format(
            version=about.version,
            schema=about.schema,
            current=about.database_schema or self.tr("none"),
        )

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About AfterDesk"), self.about_text())

    def _find(self) -> None:
        if (orders := self.orders) is None:
            return
        self.show_page("orders")
        orders.focus_search()

    def open_settings(self) -> None:
        db = hub().db
        if SettingsDialog.ask(self, self.settings, self.actor, db if db and db.is_sqlite else None):
            self.settings_changed.emit()

    def sign_out(self) -> None:
        self.hide()  # not close(): closing the last window would quit the app
        self.signed_out.emit()
