"""Starting the desktop app: open the database, sign in, show the main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from app import i18n
from app.config import LocalSettings, database_chosen, default_db_url, resolve_db_url
from app.connect import open_database
from app.credentials import keyring_problem, store_db_password
from app.db import Database
from app.models.errors import UserError
from app.paths import resources_dir
from app.printing.fonts import FONT_DIR
from app.services.core import accounts, demo
from app.services.core.actor import Actor
from app.services.core.backups import BackupStatus
from app.views.kit import qt_platform
from app.views.kit.keyboard import install_keyboard_access
from app.views.kit.labels import url_without_password
from app.views.kit.ops import GarbageCollector, bind_database, show_bug, translate, wait_for_ops
from app.views.kit.screen import install_screen_fit
from app.views.shell.db_problem import DatabaseProblemDialog
from app.views.shell.first_start_wizard import FirstStartDone, FirstStartWizard
from app.views.shell.signin import SignInDialog

if TYPE_CHECKING:  # imported once signed in: the sign-in window shows before every screen loads
    from app.views.shell.backup_watch import DailyBackups
    from app.views.shell.main_window import MainWindow

log = logging.getLogger(__name__)
# set (to anything): quit as soon as the sign-in window shows (the cold-start benchmark)
QUIT_AT_SIGNIN = "AFTERDESK_QUIT_AT_SIGNIN"
CHARTS_AHEAD_MS = 1500  # after My tasks' first rows: the charts' import holds Python's lock


@dataclass(frozen=True)
class Opened:
    db: Database
    has_users: bool
    demo: bool


def _ask_db_password(where: str) -> str | None:
    label = QApplication.translate("App", "Password for the database {where}:").format(where=where)
    problem = keyring_problem()
    if problem:  # the issue asks us to say why we ask every time
        label += "\n" + QApplication.translate(
            "App", "It cannot be remembered on this PC ({why}), so it is asked once per session."
        ).format(why=problem.message(translate))
    text, ok = QInputDialog.getText(
        None, QApplication.translate("App", "Database password"), label, QLineEdit.EchoMode.Password
    )
    return text if ok and text else None


def open_interactively(given: str | None, settings: LocalSettings) -> Opened | None:
    """Open the database; on a problem explain it and offer another one. None: the user quit."""
    url = given
    chosen = False
    while True:
        db: Database | None = None
        try:
            # only the first start on the default file creates one; an old schema is
            # upgraded here (with a backup) because a desktop user has no `afterdesk init`
            first_start = resolve_db_url(url) == default_db_url()
            db = open_database(url, ask_password=_ask_db_password, create=first_start, upgrade=True)
            has_users, is_demo = db.read(lambda s: (accounts.has_users(s), demo.is_demo(s)))
        except UserError as error:
            message = error.message(translate)
        except Exception:  # a bug, or a driver error we do not know yet: never a crash
            log.exception("cannot open the database")
            message = QApplication.translate(
                "App", "The database could not be opened (details are in the log)."
            )
        else:
            if chosen:  # remember what worked; its password goes to the keyring, if any
                if db.url.password:
                    store_db_password(db.url, str(db.url.password))
                settings.db_url = url_without_password(url or "")
                settings.save()
            bind_database(db)
            return Opened(db, has_users, is_demo)
        if db is not None:
            db.dispose()
        shown = url or resolve_db_url(None)
        url = DatabaseProblemDialog.ask(None, message, shown)
        if url is None:
            return None
        chosen = True


def _import_screens() -> None:
    """Every screen's modules (~0.75 s of imports) and the kinds of task My tasks reads: the
    main window's first build and My tasks' first page (the first thing a person waits for
    every morning) would otherwise pay them after the click on Sign in."""
    from app.services.supervision.deadlines import kinds
    from app.views.shell import main_window  # noqa: F401

    kinds()


class Desk(QObject):
    """The running app: who is signed in, and their main window."""

    def __init__(self, app: QApplication, opened: Opened, settings: LocalSettings) -> None:
        super().__init__()
        self.app, self.opened, self.settings = app, opened, settings
        self.window: MainWindow | None = None
        self.backups: DailyBackups | None = None
        # imported in the background while the person types their password: classes only,
        # no widget is made off the GUI thread
        self.screens = threading.Thread(target=_import_screens, name="screens", daemon=True)
        self.screens.start()

    def start(self, done: FirstStartDone | None = None) -> bool:
        """Sign in; a database without staff first runs the first-start wizard (``done``:
        the wizard already ran, before any database was chosen)."""
        db = self.opened.db
        if done is None and not self.opened.has_users:
            done = FirstStartWizard.ask(None, self.settings, db)
            if done is None:
                return False
        if done is not None and done.actor is not None:
            window = self.show_main(done.actor)
            if done.open_imports and "imports" in window.pages:
                window.show_page("imports")
            return True
        if os.environ.get(QUIT_AT_SIGNIN):
            QTimer.singleShot(0, _report_sign_in_shown)
        actor = SignInDialog.ask(None, db, self.settings, demo_accounts=self.opened.demo)
        if actor is None:
            return False
        self.show_main(actor)
        return True

    def show_main(self, actor: Actor) -> MainWindow:
        # a quick sign-in waits for the rest of the imports here, rather than importing the
        # same modules beside that thread (two threads in one import cycle can deadlock)
        self.screens.join()
        from app.services.core.capabilities import Action, may
        from app.views.shell.main_window import MainWindow
        from app.views.supervision.trends_tab import load_charts_ahead

        old = self.window
        self.window = MainWindow(actor, self.opened.db.describe(), self.settings)
        self.window.signed_out.connect(self._signed_out)
        self.window.settings_changed.connect(self._settings_changed)
        self.window.show()
        self._watch_backups(actor, self.window)
        if may(Action.REVIEW, actor):  # who has the Trends tab: its charts load meanwhile
            QTimer.singleShot(CHARTS_AHEAD_MS, load_charts_ahead)
        if old is not None:
            old.stop_live_updates()
            old.hide()
            old.deleteLater()
        return self.window

    def _watch_backups(self, actor: Actor, window: MainWindow) -> None:
        """The built-in file is copied daily whoever is signed in (a server has pg_dump)."""
        if not self.opened.db.is_sqlite:
            return
        if self.backups is None:
            from app.views.shell.backup_watch import DailyBackups

            self.backups = DailyBackups(self.opened.db, actor, self.settings, self)
            self.backups.status_changed.connect(self._backup_status)
            self.backups.start()
        else:
            self.backups.actor = actor
            self.backups.run_if_due(starting=False)  # tells the new window where things are

    def _backup_status(self, status: object, error: str) -> None:
        if self.window is not None and isinstance(status, BackupStatus):
            self.window.show_backup_status(status, error)

    def _signed_out(self) -> None:
        # The main window is hidden: closing the sign-in dialog would close the last window,
        # and Qt would quit the app under the next person's feet (shift change).
        self.app.setQuitOnLastWindowClosed(False)
        try:
            actor = SignInDialog.ask(
                None, self.opened.db, self.settings, demo_accounts=self.opened.demo
            )
            if actor is not None:
                self.show_main(actor)
        finally:
            self.app.setQuitOnLastWindowClosed(True)
        if actor is None:
            self.app.quit()

    def _settings_changed(self) -> None:
        """Apply the language at once: rebuild the window under the new translator."""
        i18n.install(self.app, i18n.resolve(self.settings.language))
        if self.window is not None:
            self.show_main(self.window.actor)


def app_icon() -> QIcon:
    """The window icon from the PNGs tools/make_icon.py draws (no SVG plugin needed)."""
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("afterdesk-*.png")):
        icon.addFile(str(png))
    return icon


def _report_sign_in_shown() -> None:
    """benchmarks/bench_bundle.py: the sign-in window is up; say so and close it (= quit)."""
    shown = QApplication.activeModalWidget()
    print(f"sign-in window shown: {type(shown).__name__}", flush=True)
    if shown is not None:
        shown.reject()


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """An exception escaping a slot is a bug: log it, tell the user plainly, keep running."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    active = QApplication.activeWindow()
    show_bug(active if isinstance(active, QWidget) else None, exc.with_traceback(tb))


def ensure_chinese_font() -> None:
    """A PC without any Chinese font (a bare Linux desktop) would show names as boxes:
    fall back to the font the printed slips embed."""
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        QFontDatabase.addApplicationFont(str(FONT_DIR / "wqy-microhei.ttc"))


def run_gui(db_url: str | None = None, language: str | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = LocalSettings.load()
    if QApplication.instance() is None:  # a fresh Linux desktop: name the missing packages
        refused = qt_platform.refuse_without_xcb(i18n.resolve(language or settings.language))
        if refused is not None:
            return refused
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AfterDesk")
    app.setWindowIcon(app_icon())
    i18n.install(app, i18n.resolve(language or settings.language))
    ensure_chinese_font()
    install_screen_fit(app)
    install_keyboard_access(app)
    sys.excepthook = _excepthook
    collector = GarbageCollector(app)  # before any worker thread starts
    done: FirstStartDone | None = None
    if database_chosen(db_url):
        opened = open_interactively(db_url, settings)
        if opened is None:
            return 1
    else:  # this PC's very first start: the wizard asks where the data lives
        done = FirstStartWizard.ask(None, settings)
        if done is None:
            return 0
        bind_database(done.db)
        opened = Opened(done.db, has_users=done.actor is None, demo=False)
    desk = Desk(app, opened, settings)
    try:
        if not desk.start(done):
            return 0
        return app.exec()
    finally:
        if desk.backups is not None:
            desk.backups.stop()
        wait_for_ops()
        opened.db.dispose()
        collector.timer.stop()
        gc.enable()
