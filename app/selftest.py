"""``afterdesk --self-test``: does this copy of AfterDesk work on this PC? (issue 12 §2)

It checks what a bundle can lose on the way (a font, a translation, a migration, a Qt
plugin, the keyring backend, the PDF library) by using them as the app does, on a demo
database in a temporary folder that is removed afterwards: the user's data and settings are
never touched. Prints one line per check and exits 0 when all pass, 1 otherwise. Runs from
source and from the bundle alike; ``QT_QPA_PLATFORM=offscreen`` runs it without a screen.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app import __version__, keyring_choice
from app.config import ENV_CONFIG
from app.models.i18n import QT_TRANSLATE_NOOP
from app.paths import bundle_root, is_frozen, resources_dir

if TYPE_CHECKING:  # Qt and the database are imported by the checks that use them
    from app.db import Database

DEMO_ORDERS = 12
# a Chinese name and a character WenQuanYi lacks (DejaVu draws it): both fonts must embed
FONT_PROBE = "售后台 王芳 ✔"


@dataclass(frozen=True)
class Result:
    name: str
    ok: bool
    detail: str


class SelfTest:
    def __init__(self, folder: Path, language: str) -> None:
        self.folder, self.language = folder, language
        self.db: Database | None = None

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("files", self.files),
            ("translations", self.translations),
            ("keyring", self.keyring),
            ("database", self.database),
            ("windows", self.windows),
            ("fonts", self.fonts),
            ("printing", self.printing),
            ("charts", self.charts),
        ]

    # each check returns what it found (shown after PASS) or raises with what is wrong

    def files(self) -> str:
        root = bundle_root()
        wanted = [
            resources_dir() / "fonts" / "wqy-microhei.ttc",
            resources_dir() / "fonts" / "DejaVuSans.ttf",
            resources_dir() / "i18n" / "afterdesk_zh_CN.qm",
            resources_dir() / "i18n" / "afterdesk_en.qm",
            resources_dir() / "passwords" / "common.txt",
            root / "app" / "migrations" / "env.py",
            root / "app" / "migrations" / "script.py.mako",
        ]
        gone = [str(p) for p in wanted if not p.is_file()]
        if gone:
            raise RuntimeError("missing: " + ", ".join(gone))
        versions = list((root / "app" / "migrations" / "versions").glob("*.py"))
        if not versions:
            raise RuntimeError("no migrations in " + str(root / "app" / "migrations" / "versions"))
        return f"{root} ({'bundle' if is_frozen() else 'source'}, {len(versions)} migrations)"

    def translations(self) -> str:
        from PySide6.QtCore import QTranslator

        from app.i18n import I18N_DIR

        found = []
        for language, probe in (("zh_CN", "登录"), ("en", None)):
            translator = QTranslator()
            if not translator.load(str(I18N_DIR / f"afterdesk_{language}.qm")):
                raise RuntimeError(f"afterdesk_{language}.qm does not load")
            if probe and translator.translate("SignInDialog", "Sign in") != probe:
                raise RuntimeError(f"afterdesk_{language}.qm does not translate 'Sign in'")
            found.append(language)
        return ", ".join(found)

    def keyring(self) -> str:
        from app.credentials import keyring_problem

        used = keyring_choice.in_use()
        why = ""
        if is_frozen():  # the bundle chose its backend at start: is that the one in use?
            chosen = keyring_choice.choose()
            if used != chosen.backend:
                raise RuntimeError(f"chose {chosen.backend} but {used} is used")
            why = chosen.note
        problem = keyring_problem()
        if problem:
            why = why or f"passwords are asked once per session: {problem}"
        return used + (f" ({why})" if why else ", stores passwords")

    def database(self) -> str:
        from app.connect import open_database
        from app.services.core import demo

        db = open_database(f"sqlite:///{self.folder / 'selftest.sqlite'}", create=True)
        self.db = db
        result = db.write(lambda s: demo.fill(s, DEMO_ORDERS))
        return f"{db.describe()}, demo with {result.orders} orders"

    def windows(self) -> str:
        from PySide6.QtWidgets import QApplication

        from app import i18n
        from app.config import LocalSettings
        from app.services.core import accounts, demo
        from app.views.kit.ops import bind_database
        from app.views.shell.app import ensure_chinese_font
        from app.views.shell.main_window import MainWindow
        from app.views.shell.signin import SignInDialog

        db = self._db()
        app = QApplication.instance() or QApplication(sys.argv[:1])
        i18n.install(app, self.language)
        ensure_chinese_font()
        bind_database(db)
        settings = LocalSettings()
        signin = SignInDialog(None, db, settings, demo_accounts=True)
        signin.show()
        app.processEvents()
        if not signin.isVisible():
            raise RuntimeError("the sign-in window did not show")
        title = signin.windowTitle()
        signin.close()
        actor = accounts.sign_in(db, "admin", demo.DEMO_PASSWORD)
        window = MainWindow(actor, db.describe(), settings)
        window.show()
        app.processEvents()
        shown = window.isVisible()
        window.stop_live_updates()
        window.close()
        window.deleteLater()
        app.processEvents()
        if not shown:
            raise RuntimeError("the main window did not show")
        return f"sign-in window “{title}”, main window signed in as {actor.display_name}"

    def fonts(self) -> str:
        from PySide6.QtGui import QFontDatabase
        from reportlab.pdfgen.canvas import Canvas

        from app.printing import fonts

        fonts.register()
        path = self.folder / "fonts.pdf"
        canvas = Canvas(str(path))
        canvas.setFont(fonts.MAIN, 12)
        canvas.drawString(72, 720, FONT_PROBE[:-1])
        canvas.setFont(fonts.FALLBACK, 12)
        canvas.drawString(72, 700, FONT_PROBE[-1])
        canvas.save()
        embedded = embedded_fonts(path.read_bytes())
        if len(embedded) < 2:
            raise RuntimeError(f"fonts embedded in the PDF: {embedded or 'none'}")
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        if not chinese:
            raise RuntimeError("no font for Chinese on screen")
        return f"PDF embeds {', '.join(embedded)}; screen: {chinese[0]}"

    def printing(self) -> str:
        from PySide6.QtPrintSupport import QPrinter

        from app.services.core import accounts, demo
        from app.services.dispatch import batches, records
        from app.views.kit.pdf_preview import print_pdf

        db = self._db()
        actor = accounts.sign_in(db, "printer", demo.DEMO_PASSWORD)
        waiting = db.read(lambda s: batches.waiting(s, shop=None, courier=None, cutoff=None))
        if not waiting:
            raise RuntimeError("the demo has no order waiting to print")
        order_no = waiting[0].order_no
        labels = self.folder / "labels.pdf"
        db.read(lambda s: records.preview(s, actor, [order_no], kind="labels", out=labels))
        embedded = embedded_fonts(labels.read_bytes())
        if not embedded:
            raise RuntimeError("the label PDF embeds no font")
        printed = self.folder / "printed.pdf"  # the app's print path, to Qt's PDF printer
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        outcome = print_pdf(labels, printer)
        if outcome.problem or not outcome.pages or not printed.read_bytes().startswith(b"%PDF"):
            raise RuntimeError(f"printing the label stopped: {outcome}")
        return f"label of {order_no} ({', '.join(embedded)}) printed to a PDF printer"

    def charts(self) -> str:
        """The trend charts: Qt Charts loads and draws (the bundle carries it)."""
        from PySide6.QtWidgets import QApplication

        from app.services.core import accounts, demo
        from app.views.supervision.bar_chart import png_bytes, widget_image
        from app.views.supervision.trends_panel import TrendsPanel

        db = self._db()
        app = QApplication.instance() or QApplication(sys.argv[:1])
        actor = accounts.sign_in(db, "supervisor", demo.DEMO_PASSWORD)
        panel = TrendsPanel(actor)
        panel.resize(1000, 700)
        panel.show()
        deadline = time.monotonic() + 30
        while panel.figures is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        if panel.figures is None:
            raise RuntimeError("the trend charts did not read their figures")
        paid = sum(w.paid_orders for w in panel.figures.weeks)
        image = png_bytes(widget_image(panel.board))
        panel.close()
        panel.deleteLater()
        app.processEvents()
        return f"trend charts of {paid} paid orders drawn with Qt Charts, {len(image)} bytes of PNG"

    def _db(self) -> Database:
        if self.db is None:
            raise RuntimeError("needs the database check")
        return self.db

    def close(self) -> None:
        if self.db is not None:
            from app.views.kit.ops import bind_database, wait_for_ops

            wait_for_ops()
            bind_database(None)
            self.db.dispose()


def embedded_fonts(pdf: bytes) -> list[str]:
    """The base names of the fonts a ReportLab PDF embeds (a font file in its descriptor)."""
    names = set()
    for descriptor in re.findall(rb"<<[^<>]*/FontFile[23]?\s[^<>]*>>", pdf):
        found = re.search(rb"/FontName\s*/([^\s/>]+)", descriptor)
        if found:  # "AAAAAA+DejaVuSans": the subset's tag, then the font
            names.add(found.group(1).decode("latin-1").split("+", 1)[-1])
    return sorted(names)


def run(language: str | None = None, out: TextIO | None = None) -> int:
    """PASS/FAIL and the check names stay as they are (scripts look for them); the lines
    around them are in the user's language."""
    from app import i18n

    out = out or sys.stdout
    language = i18n.resolve(language)
    say = i18n.Translator(language)
    heading = QT_TRANSLATE_NOOP("SelfTest", "AfterDesk {version} self-test ({system}, {language})")
    print(
        say("SelfTest", heading).format(
            version=__version__, system=sys.platform, language=language
        ),
        file=out,
    )
    failed = []
    saved = os.environ.get(ENV_CONFIG)
    with tempfile.TemporaryDirectory(prefix="afterdesk-selftest-") as tmp:
        os.environ[ENV_CONFIG] = str(Path(tmp) / "config")  # never the user's settings
        test = SelfTest(Path(tmp), language)
        try:
            for name, check in test.checks():
                try:
                    print(f"PASS {name}: {check()}", file=out, flush=True)
                except Exception as exc:
                    failed.append(name)
                    print(f"FAIL {name}: {exc}", file=out, flush=True)
                    traceback.print_exc()
        finally:
            test.close()
            if saved is None:
                del os.environ[ENV_CONFIG]
            else:
                os.environ[ENV_CONFIG] = saved
    if failed:
        text = QT_TRANSLATE_NOOP("SelfTest", "Self-test FAILED: {checks}")
        print(say("SelfTest", text).format(checks=", ".join(failed)), file=out)
        return 1
    print(say("SelfTest", QT_TRANSLATE_NOOP("SelfTest", "Self-test passed.")), file=out)
    return 0
