"""My tasks the first time in a fresh process, as a person waits for it every morning (issue 13).

    python benchmarks/cold_tasks.py URL USERNAME PASSWORD [TYPING_S [LOOKING_S]]
                                                                     (by bench_supervision.py)

The desktop app (``run_gui``, offscreen) shows its real sign-in dialog; the user name and
password are typed in and Sign in is clicked ``TYPING_S`` seconds after the dialog shows (a
person typing their password; 0: at once). Printed as ``MARKS {json}``, in seconds from
the click: ``signed`` (the password checked, the main window starts), ``shown`` (the main
window shown, My tasks its first page) and ``rows`` (My tasks shows its first page).
With ``LOOKING_S`` (a supervisor), the person looks at My tasks that long, opens the
Supervisor page (``review``: from that click to the daily review's rows, its first opening),
looks again and opens its Trends tab (``trends``: from that click to the charts drawn).
The daily copy of a SQLite file is not started: it would copy the bench's 1 GB database
beside it on every run.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.views.shell import app as desk_app
from app.views.shell.signin import SignInDialog


def main(url: str, username: str, password: str, typing_s: float, looking_s: float) -> int:
    marks: dict[str, float] = {}

    def ask(cls, parent, db, settings, *, demo_accounts):  # type: ignore[no-untyped-def]
        dialog = cls(parent, db, settings, demo_accounts=demo_accounts)

        def click() -> None:
            dialog.username.setText(username)
            dialog.password.setText(password)
            marks["click"] = time.perf_counter()
            dialog.sign_in_button.click()

        QTimer.singleShot(int(typing_s * 1000), click)
        dialog.exec()
        return dialog.actor

    SignInDialog.ask = classmethod(ask)  # type: ignore[assignment,method-assign]
    show_main = desk_app.Desk.show_main

    def timed_show_main(self, actor):  # type: ignore[no-untyped-def]
        marks["signed"] = time.perf_counter()
        window = show_main(self, actor)
        marks["shown"] = time.perf_counter()

        def done() -> None:
            start = marks.pop("click")
            print("MARKS " + json.dumps({k: v - start for k, v in marks.items()}), flush=True)
            QApplication.instance().quit()  # type: ignore[union-attr]

        def loaded(_n: int) -> None:
            if "rows" in marks:
                return
            marks["rows"] = time.perf_counter()
            if looking_s:
                QTimer.singleShot(int(looking_s * 1000), open_review)
            else:
                done()

        def open_review() -> None:
            clicked = time.perf_counter()
            window.show_page("supervisor")
            tabs = window.pages["supervisor"]
            review = tabs.widget(0)  # type: ignore[attr-defined]

            def shown() -> None:
                if "review" not in marks:
                    marks["review"] = time.perf_counter() - clicked + marks["click"]
                    QTimer.singleShot(int(looking_s * 1000), lambda: open_trends(tabs))

            review.review_loaded.connect(shown)

        def open_trends(tabs) -> None:  # type: ignore[no-untyped-def]
            clicked = time.perf_counter()
            panel = tabs.show_trends()

            def drawn(_figures: object) -> None:
                marks["trends"] = time.perf_counter() - clicked + marks["click"]
                done()

            panel.loaded.connect(drawn)

        window.pages["tasks"].tasks_loaded.connect(loaded)  # type: ignore[attr-defined]
        return window

    desk_app.Desk.show_main = timed_show_main  # type: ignore[method-assign]
    desk_app.Desk._watch_backups = lambda *_a: None  # type: ignore[method-assign]
    return desk_app.run_gui(url)


if __name__ == "__main__":
    seconds = [float(x) for x in sys.argv[4:6]] + [0.0, 0.0]
    sys.exit(main(*sys.argv[1:4], seconds[0], seconds[1]))
