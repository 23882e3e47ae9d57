"""The main window: navigation that follows the signed-in person's roles, and the menu."""

from __future__ import annotations

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
from app.views.shell.backup_watch import warning
from app.views.shell.navigation import opens
from app.views.shell.password_dialog import PasswordDialog
from app.views.shell.settings_dialog import SettingsDialog
from app.views.shell.shops_page import ShopsPage
from app.views.shell.staff_page import StaffPage
from app.views.shipping.handover_page import HandoverPage
from app.views.supervision.my_tasks_page import MyTasksPage
from app.views.supervision.review_page import ReviewPage
from app.views.supervision.trends_tab import SupervisorTabs


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
        self.pages: dict[str, QWidget] = {}

        # every page is there because the capability table lets this person use it, in the
        # order and by the rules of navigation.DOORS
        if opens("tasks", actor):
            tasks = MyTasksPage(actor)
            self._connect_tasks(tasks)
            self._add_page("tasks", tasks.windowTitle(), tasks)
        self.orders: OrdersPage | None = None
        if opens("orders", actor):
            self.orders = OrdersPage(actor)
            self._connect_cases(self.orders)
            self._add_page("orders", self.tr("Orders"), self.orders)
        if opens("requests", actor):
            self._add_requests("requests", RequestsPage(actor, mine=False))
        if opens("my_requests", actor):
            self._add_requests("my_requests", RequestsPage(actor, mine=True))
        self._add_role_pages(actor)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menu()
        if self.orders is not None:
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
        elif self.orders is not None:
            self.orders.focus_search()
        # what others change reaches every open screen (hub().changes_seen)
        self.live: LiveUpdates | None = None
        if hub().db is not None:
            self.live = LiveUpdates(hub().db, self)
            self.live.changes_seen.connect(hub().changes_seen)
            self.live.start()

    def _add_role_pages(self, actor: Actor) -> None:
        """Each role's own screens, in navigation order; a screen two roles share shows once."""
        if opens("aftersales", actor):
            aftersales = AftersalesPage(actor)
            self._connect_cases(aftersales)
            self._add_page("aftersales", aftersales.windowTitle(), aftersales)
        if opens("complaints", actor):
            complaints = ComplaintsPage(actor)
            self._add_page("complaints", complaints.windowTitle(), complaints)
        if opens("printer", actor):
            printing = PrintPage(actor)
            self._add_page("printer", printing.windowTitle(), printing)
        if opens("exchanges", actor):
            self._add_page("exchanges", self.tr("Exchanges to print"), ExchangePrintPanel(actor))
        if opens("packing", actor):  # the packing desk (打包贴单)
            packing = PackingPage(actor)
            self._add_page("packing", packing.windowTitle(), packing)
        if opens("handover", actor):  # the courier's hand-over (交接)
            handing = HandoverPage(actor)
            self._add_page("handover", handing.windowTitle(), handing)
        if opens("scan", actor):
            scan = ScanPage(actor)
            self._connect_cases(scan)
            self._add_page("scan", scan.windowTitle(), scan)
        if opens("supervisor", actor):
            review = ReviewPage(actor)
            self._connect_tasks(review)
            if "aftersales" in self.pages:
                review.aftersales_requested.connect(lambda: self.show_page("aftersales"))
            else:
                review.approvals.hide()
            supervising = SupervisorTabs(review, review.windowTitle(), actor)
            self._connect_cases(supervising)
            self._add_page("supervisor", review.windowTitle(), supervising)
        if opens("staff", actor):
            self._add_page("staff", self.tr("Staff"), StaffPage(actor))
        if opens("shops", actor):
            self._add_page("shops", self.tr("Shops"), ShopsPage(actor))
        if opens("imports", actor):
            imports = ImportPage(actor)
            imports.order_requested.connect(self.open_order)
            self._add_page("imports", imports.windowTitle(), imports)
        if opens("scores", actor):
            scores = ScorePage(actor)
            scores.case_requested.connect(self.open_case)
            scores.order_requested.connect(self.open_order)
            self._add_page("scores", scores.windowTitle(), scores)
        if opens("roster", actor):
            roster = RosterPage(actor)
            self._add_page("roster", roster.windowTitle(), roster)

    def _connect_cases(self, page: QWidget) -> None:
        """A page's request to open a case, or to open a new one, lands in the case dialogs."""
        page.case_requested.connect(self.open_case)  # type: ignore[attr-defined]
        if hasattr(page, "open_case_requested"):
            page.open_case_requested.connect(self.ask_open_case)

    def _connect_tasks(self, page: MyTasksPage | ReviewPage) -> None:
        """A task's button opens its case, its order, its complaint or its dispute."""
        page.case_requested.connect(self.open_case)
        page.order_requested.connect(self.open_order)
        page.opener.other_requested.connect(self._open_other)

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

    def _add_requests(self, key: str, page: RequestsPage) -> None:
        page.order_requested.connect(self.open_order)
        self._add_page(key, page.windowTitle(), page)

    def open_order(self, order_no: str) -> None:
        if self.orders is None:
            return
        self.show_page("orders")
        self.orders.search.setText(order_no)
        self.orders.run_search()

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

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        self.pages[key] = page
        self.stack.addWidget(page)
        self.nav.addItem(QListWidgetItem(title))

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
        if self.orders is None:
            return
        self.show_page("orders")
        self.orders.focus_search()

    def open_settings(self) -> None:
        db = hub().db
        if SettingsDialog.ask(self, self.settings, self.actor, db if db and db.is_sqlite else None):
            self.settings_changed.emit()

    def sign_out(self) -> None:
        self.hide()  # not close(): closing the last window would quit the app
        self.signed_out.emit()
