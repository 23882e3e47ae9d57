"""The operation runner: database work off the GUI thread, errors reported in one place.

Like Anki's ``CollectionOp``::

    Op(self, lambda s: notes.add(s, actor, no, text), write=True).success(shown).run()

``fn(session)`` runs in a worker thread inside ``db.read`` / ``db.write`` (one short
transaction). Callbacks run back on the GUI thread, and only while the widget that
asked is still alive. A ``UserError`` goes to ``failure`` callbacks or else to
``show_error``; anything else is a bug: logged with its traceback, shown plainly.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy.orm import Session

from app.db import Database
from app.models.errors import UserError

log = logging.getLogger(__name__)
T = TypeVar("T")


def translate(context: str, text: str) -> str:
    """``UserError.message`` takes this: Qt's own translate, in the shape the core expects."""
    return QCoreApplication.translate(context, text)


class Hub(QObject):
    """App-wide events; one instance per process (see ``hub()``)."""

    data_changed = Signal(str)
    """A write succeeded; the argument names what changed ("orders", "notes", "users")."""

    error_shown = Signal(str)
    """An error message was put in front of the user (tests and logs listen)."""

    changes_seen = Signal(object)
    """The change feed brought changes made anywhere (a list of ``events.ChangeEvent``)."""

    def __init__(self) -> None:
        super().__init__()
        self.db: Database | None = None
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(4)  # a few readers at once; writers queue in the db anyway
        self.running: set[Task[Any]] = set()  # keeps Python wrappers alive until they report


_hub: Hub | None = None


def hub() -> Hub:
    global _hub
    if _hub is None or not shiboken6.isValid(_hub):
        _hub = Hub()
    return _hub


def bind_database(db: Database | None) -> None:
    """The database every ``Op`` uses from now on (set once a database is open)."""
    hub().db = db


def wait_for_ops(msecs: int = 30_000) -> bool:
    """Block until every running operation has finished and reported (tests, shutdown)."""
    h = hub()
    done = h.pool.waitForDone(msecs)
    for _ in range(100):  # deliver the queued results (a callback may queue more)
        QCoreApplication.processEvents()
        if not h.running or not h.pool.waitForDone(msecs):
            break
    return done and not h.running


class GarbageCollector(QObject):
    """Collects reference cycles on the GUI thread only, as Anki does.

    Python's collector runs in whichever thread happens to allocate; a cycle that holds
    a Qt widget freed from a worker thread crashes the app.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = 10_000) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    @staticmethod
    def collect() -> None:
        gc.collect()


def show_error(parent: QObject | None, error: UserError) -> None:
    """The one place a refused action is shown: its message in the user's language."""
    _message(parent, QCoreApplication.translate("Ops", "Not done"), error.message(translate))


def show_bug(parent: QObject | None, exc: BaseException) -> None:
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    _message(
        parent,
        QCoreApplication.translate("Ops", "Unexpected error"),
        QCoreApplication.translate(
            "Ops",
            "Something went wrong inside AfterDesk; nothing more was changed. "
            "The details are in the log. Please tell your administrator.",
        ),
        critical=True,
    )


def _message(parent: QObject | None, title: str, text: str, *, critical: bool = False) -> None:
    widget = parent if isinstance(parent, QWidget) and shiboken6.isValid(parent) else None
    widget = widget.window() if widget is not None else QApplication.activeWindow()
    icon = QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, widget)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.open()  # window-modal but not a nested event loop: the app keeps running
    hub().error_shown.emit(text)


class _Relay(QObject):
    """Lives on the GUI thread; the worker's emit arrives there as a queued call."""

    finished = Signal(object, object)  # result, exception

    def __init__(self, parent: QObject, report: Callable[[Any, BaseException | None], None]):
        super().__init__(parent)
        self.report = report
        # explicitly queued: the slot is this QObject's, so it runs on the GUI thread
        self.finished.connect(self.deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def deliver(self, result: Any, exc: BaseException | None) -> None:
        report, self.report = self.report, None  # type: ignore[assignment]
        self.deleteLater()
        if report is not None:
            report(result, exc)


def _worker(fn: Callable[[], Any], relay: _Relay) -> Callable[[], None]:
    job = [fn]

    def run() -> None:
        # The callable (and through it the task and its widget) is let go of *before* the
        # result is handed over: once the GUI thread has reported, the last reference must
        # not die here, or a widget Python owns would be freed off the GUI thread.
        work = job.pop()
        try:
            outcome: tuple[Any, BaseException | None] = (work(), None)
        except UserError as exc:  # a refusal needs its message, not the frames holding `work`
            outcome = (None, exc.with_traceback(None))
        except BaseException as exc:  # a bug: handed to the GUI thread, logged there
            outcome = (None, exc)
        del work
        relay.finished.emit(*outcome)

    return run


class Reloads:
    """One list's reloads, of which only the newest one's answer is shown.

    Reloads run side by side and may answer out of order on a busy PC. An older one read the
    data before the latest save: shown last, it would drop a row just added (or bring back
    one just removed) and move the selection. ``Op(…).newest(self.reloads)`` marks a reload.
    """

    def __init__(self) -> None:
        self._asked = 0

    def ask(self) -> Callable[[], bool]:
        """A new reload; the answer tells, later, whether a newer one was asked since."""
        self._asked += 1
        asked = self._asked
        return lambda: asked != self._asked


def _never() -> bool:
    return False


class Task(Generic[T]):
    """Run a plain callable off the GUI thread (e.g. ``accounts.sign_in(db, …)``)."""

    def __init__(self, parent: QObject | None, fn: Callable[[], T]) -> None:
        self.parent = parent
        self.fn = fn
        self._success: list[Callable[[T], Any]] = []
        self._failure: list[Callable[[UserError], Any]] = []
        self._finally: list[Callable[[], Any]] = []
        self._relay: _Relay | None = None
        self._superseded: Callable[[], bool] = _never

    def newest(self, reloads: Reloads) -> Task[T]:
        """One of ``reloads``: its success callbacks are skipped if a newer one was asked."""
        self._superseded = reloads.ask()
        return self

    def success(self, cb: Callable[[T], Any]) -> Task[T]:
        self._success.append(cb)
        return self

    def failure(self, cb: Callable[[UserError], Any]) -> Task[T]:
        """Handle a refusal here (an inline banner) instead of a message box."""
        self._failure.append(cb)
        return self

    def finally_(self, cb: Callable[[], Any]) -> Task[T]:
        """Always called last, after success or failure (re-enable a button)."""
        self._finally.append(cb)
        return self

    def run(self) -> Task[T]:
        h = hub()
        # Owned by the hub, freed with deleteLater: dropping the last Python reference while
        # the relay is still emitting (we report from its signal) would crash.
        self._relay = _Relay(h, self._report)
        h.running.add(self)
        # a plain callable, not a QRunnable subclass: no wrapper whose C++ side the pool
        # deletes behind Python's back
        h.pool.start(_worker(self._work, self._relay))
        return self

    def _work(self) -> T:
        return self.fn()

    def _alive(self) -> bool:
        return self.parent is None or shiboken6.isValid(self.parent)

    def _report(self, result: Any, exc: BaseException | None) -> None:
        hub().running.discard(self)
        self._relay = None
        if exc is None:
            self._announce()  # even if the asking screen is gone: the data did change
        if not self._alive():  # the screen was closed meanwhile: nobody to tell
            if exc is not None and not isinstance(exc, UserError):
                log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
            return
        try:
            if exc is None:
                self._succeeded(result)
            elif isinstance(exc, UserError):
                if self._failure:
                    for cb in self._failure:
                        cb(exc)
                else:
                    show_error(self.parent, exc)
            else:
                show_bug(self.parent, exc)
        finally:
            for done in self._finally:
                done()

    def _succeeded(self, result: T) -> None:
        if self._superseded():
            return  # a newer reload of the same list is on its way: its answer is shown
        for cb in self._success:
            cb(result)

    def _announce(self) -> None:
        pass


class Op(Task[T]):
    """Run ``fn(session)`` in one transaction off the GUI thread.

    With ``write=True`` a success also emits ``hub().data_changed(changes)``.
    """

    def __init__(
        self,
        parent: QObject | None,
        fn: Callable[[Session], T],
        *,
        write: bool = False,
        changes: str = "orders",
        db: Database | None = None,
    ) -> None:
        super().__init__(parent, lambda: None)  # type: ignore[arg-type,return-value]
        self.session_fn = fn
        self.write = write
        self.changes = changes
        self.db = db or hub().db
        if self.db is None:
            raise RuntimeError("no database bound: call bind_database() first")

    def _work(self) -> T:
        assert self.db is not None
        run = self.db.write if self.write else self.db.read
        return run(self.session_fn)

    def _announce(self) -> None:
        if self.write:
            hub().data_changed.emit(self.changes)
