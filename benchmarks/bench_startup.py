"""Process start to main window ready: the desktop app on the demo database, offscreen.

A child process runs ``app.views.shell.app.run_gui`` with ``QT_QPA_PLATFORM=offscreen``; the
sign-in dialog's ``ask`` is replaced by an instant sign-in as ``admin``/``demo`` (the
password hash it checks is timed apart: a person types for longer than that). The clock
starts before the process is spawned. "Ready" is the first turn of the event loop after
the main window is shown; "rows" is when the order table itself (the orders page's
``table``) first holds rows, i.e. its first page has arrived from the database (not any item
view: the navigation list holds its rows from the start). Target (issue 2): under 1.5 s.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from _common import ROOT, arguments, demo_database, header

TARGET_S = 1.5

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.services.core import accounts
from app.views.shell import app as desk_app
from app.views.shell.signin import SignInDialog

marks = {}

def ask(cls, parent, db, settings, *, demo_accounts):
    marks["signin_shown"] = time.time()
    start = time.perf_counter()
    actor = accounts.sign_in(db, "admin", "demo")
    marks["password_check"] = time.perf_counter() - start
    return actor

SignInDialog.ask = classmethod(ask)
original = desk_app.Desk.show_main

def show_main(self, actor):
    window = original(self, actor)
    marks["shown"] = time.time()

    def ready():
        marks.setdefault("ready", time.time())
        has_rows = window.orders.table.model().rowCount() > 0
        if has_rows or time.time() - marks["shown"] > 10:
            if has_rows:
                marks["rows"] = time.time()
            print("MARKS " + json.dumps(marks), flush=True)
            QApplication.instance().quit()
        else:
            QTimer.singleShot(5, ready)

    QTimer.singleShot(0, ready)
    return window

desk_app.Desk.show_main = show_main
sys.exit(desk_app.run_gui(sys.argv[1]))
"""


def once(url: str, config: str) -> dict[str, float]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "AFTERDESK_CONFIG_DIR": config,
    }
    start = time.time()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    line = next((x for x in child.stdout if x.startswith("MARKS ")), None)
    try:  # the figures are in; closing the app is not measured
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    if line is None:
        raise SystemExit("the app did not report its main window")
    marks = json.loads(line[6:])
    check = marks.pop("password_check")
    result = {k: v - start for k, v in marks.items()}
    if "rows" not in result:
        raise SystemExit("the order table held no rows 10 s after the main window showed")
    for key in ("shown", "ready", "rows"):
        result[key] -= check  # the password check stands for the person typing
    result["password_check"] = check
    result["first_page"] = result["rows"] - result["shown"]
    return result


def main() -> None:
    args = arguments(__doc__ or "", samples=5)
    db = demo_database(args.db, args.orders)
    db.dispose()
    header("main window ready", args.db, args.orders)
    with tempfile.TemporaryDirectory() as config:
        once(args.db, config)  # warm the disk cache and the byte-code cache
        runs = [once(args.db, config) for _ in range(args.samples)]
    for key, title in (
        ("signin_shown", "process start → sign-in (database open)"),
        ("shown", "process start → main window shown"),
        ("ready", "process start → main window ready"),
        ("rows", "process start → order table holds rows"),
        ("first_page", "main window shown → order table holds rows"),
        ("password_check", "password check (argon2, excluded above)"),
    ):
        values = [r[key] for r in runs]
        verdict = ""
        if key == "ready":
            verdict = f"  target < {TARGET_S} s: {'met' if max(values) < TARGET_S else 'NOT met'}"
        print(
            f"  {title:<44} median {statistics.median(values):5.2f} s  "
            f"max {max(values):5.2f} s{verdict}",
            flush=True,
        )


if __name__ == "__main__":
    main()
