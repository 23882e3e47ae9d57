"""Loading translations: Simplified Chinese and English, for the GUI and the CLI alike."""

from __future__ import annotations

import locale
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from app.models.i18n import QT_TRANSLATE_NOOP
from app.paths import resources_dir
from app.qm import read_qm

if TYPE_CHECKING:  # Qt is imported where it is used: the command line runs without it
    from PySide6.QtCore import QCoreApplication, QTranslator

I18N_DIR = resources_dir() / "i18n"
CHINESE = "zh_CN"
ENGLISH = "en"


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return CHINESE if value.lower().startswith("zh") else ENGLISH
    try:
        from PySide6.QtCore import QLocale

        name = QLocale.system().name()
    except Exception:  # pragma: no cover
        name = locale.getlocale()[0] or ""
    return CHINESE if name.lower().startswith("zh") else ENGLISH


def resolve(choice: str | None) -> str:
    if choice in (CHINESE, ENGLISH):
        return choice
    return system_language()


# Qt's own strings that the qtbase translation shipped with PySide6 lacks: its file dialog's
# labels gained a mnemonic in Qt 6 and lost their Chinese. Ours fill the gap.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


@lru_cache(maxsize=4)
def _translators(language: str) -> tuple[QTranslator, ...]:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    ours = QTranslator()
    ours.load(str(I18N_DIR / f"afterdesk_{language}.qm"))
    if language != CHINESE:  # English: only the plural forms ("1 order", "2 orders")
        return (ours,)
    qt = QTranslator()
    qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return (ours, qt)


def install(app: QCoreApplication, language: str) -> None:
    """Install our and Qt's translators into the running application (GUI)."""
    for translator in (*_translators(CHINESE), *_translators(ENGLISH)):
        app.removeTranslator(translator)
    for translator in _translators(language):
        app.installTranslator(translator)


class Translator:
    """For code without a QCoreApplication (the command line): our ``.qm`` read without Qt."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._messages = _catalog(language)

    def __call__(self, context: str, text: str) -> str:
        return self._messages.get((context, text), text)


@lru_cache(maxsize=2)
def _catalog(language: str) -> dict[tuple[str, str], str]:
    return read_qm(I18N_DIR / f"afterdesk_{language}.qm") if language == CHINESE else {}
