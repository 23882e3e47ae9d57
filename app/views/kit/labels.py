"""Shared presentation helpers: translated stage, role and request names, times, the red flag."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF
from sqlalchemy.engine import URL, make_url

from app.models import RequestKind, RequestPath, RequestState, Role, SpecialKind, Stage
from app.models.formats import short_time

FLAG_RED = QColor("#d0021b")


def stage_label(stage: str | Stage) -> str:
    try:
        return QCoreApplication.translate("Stage", Stage(stage).label)
    except ValueError:  # a stage this version does not know: show it raw rather than fail
        return str(stage)


def role_label(role: Role) -> str:
    return QCoreApplication.translate("Role", role.label)


def roles_text(roles: frozenset[Role]) -> str:
    return ", ".join(role_label(r) for r in Role if r in roles)


def when(at: datetime | None) -> str:
    return short_time(at) if at is not None else ""


@cache
def flag_icon() -> QIcon:
    """A red flag (红旗) drawn in code: no image files to ship or lose."""
    pix = QPixmap(32, 32)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#555555"), 3))
    painter.drawLine(QPointF(7, 3), QPointF(7, 30))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(FLAG_RED)
    painter.drawPolygon(QPolygonF([QPointF(8, 4), QPointF(29, 10), QPointF(8, 17)]))
    painter.end()
    return QIcon(pix)


def url_without_password(url: str | URL) -> str:
    """A database address fit for the settings file (the password lives in the keyring)."""
    parsed = make_url(url) if isinstance(url, str) else url
    # URL.set(password=None) keeps the password in SQLAlchemy 2.1: replace the field instead
    return parsed._replace(password=None).render_as_string(hide_password=False)


def kind_label(kind: RequestKind) -> str:
    return QCoreApplication.translate("RequestKind", kind.label)


def special_label(kind: SpecialKind) -> str:
    return QCoreApplication.translate("SpecialKind", kind.label)


def path_label(path: RequestPath) -> str:
    return QCoreApplication.translate("RequestPath", path.label)


def request_state_label(state: RequestState) -> str:
    return QCoreApplication.translate("RequestState", state.label)
