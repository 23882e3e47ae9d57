"""Translated names of the after-sales enums, for every view that shows a case.

The models carry the English source text marked with QT_TRANSLATE_NOOP under the enum's
own context; these helpers translate it at display time, the way labels.py does for stages.
A value this version does not know is shown raw rather than failing the whole view.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.models import (
    CardInParcel,
    CaseState,
    CaseType,
    FreightPayer,
    PhotoPurpose,
    RefundMethod,
    SignoffResult,
)
from app.services.cases.rules import CaseAction
from app.services.cases.timeline import TIMELINE_LABELS


def _label(kind: type[enum.StrEnum], value: Any, context: str) -> str:
    if value is None or value == "":
        return ""
    try:
        member = kind(value)
    except ValueError:  # written by a newer version: show it rather than fail
        return str(value)
    return QCoreApplication.translate(context, getattr(member, "label", str(member)))


def case_type_label(value: str | CaseType | None) -> str:
    return _label(CaseType, value, "CaseType")


def case_state_label(value: str | CaseState | None) -> str:
    return _label(CaseState, value, "CaseState")


def card_label(value: str | CardInParcel | None) -> str:
    return _label(CardInParcel, value, "CardInParcel")


def freight_label(value: str | FreightPayer | None) -> str:
    return _label(FreightPayer, value, "FreightPayer")


def signoff_label(value: str | SignoffResult | None) -> str:
    return _label(SignoffResult, value, "SignoffResult")


def refund_method_label(value: str | RefundMethod | None) -> str:
    return _label(RefundMethod, value, "RefundMethod")


def photo_purpose_label(value: str | PhotoPurpose | None) -> str:
    return _label(PhotoPurpose, value, "PhotoPurpose")


def action_label(value: str | CaseAction | None) -> str:
    return _label(CaseAction, value, "CaseAction")


def timeline_label(action: str) -> str:
    """A timeline step's name; a step this version does not know is shown as recorded."""
    text = TIMELINE_LABELS.get(action)
    return QCoreApplication.translate("CaseTimeline", text) if text else action
