"""Mapped classes, enums and domain errors. No Qt here.

Each name is imported from its module on first use (PEP 562): the command line parses its
arguments and reports errors with the enums and ``errors`` alone, without paying for
SQLAlchemy's import before it knows which command runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names of _HOMES, for the type checker (F401 ignored for this file)
    from app.models.base import Base
    from app.models.case_enums import (
        CardInParcel,
        CaseState,
        CaseType,
        FreightPayer,
        PhotoPurpose,
        RefundMethod,
        SignoffResult,
        TellChannel,
    )
    from app.models.cases import Case, CasePhoto
    from app.models.change_enums import RequestKind, RequestPath, RequestState, SpecialKind
    from app.models.changes import ChangeRequest
    from app.models.complaint_enums import Channel, ComplaintState, Outcome, Priority, StepKind
    from app.models.complaints import Complaint, ComplaintStep, Dispute
    from app.models.entities import (
        AuditEntry,
        AuditHead,
        ItemBarcode,
        NameGram,
        Note,
        Order,
        OrderItem,
        Setting,
        Shop,
        SignInFailure,
        User,
        UserRole,
    )
    from app.models.enums import DocLanguage, Role, Sensitivity, Stage
    from app.models.imports import CatalogueItem, ImportConflict, ImportRun
    from app.models.printing import PrintBatch, PrintBatchOrder, PrintedSlip, Reprint
    from app.models.roster import RosterEdit, RosterMonth
    from app.models.score_enums import EntryState, MonthState, SwapState
    from app.models.scores import (
        RosterDay,
        RosterShift,
        RosterSwap,
        ScoreEntry,
        ScoreMonth,
        ScoreRule,
    )
    from app.models.shipping import ExportedShipment, Handover, HandoverParcel, ShipmentExport
    from app.models.supervision import DailyReview, MadeToOrder, TaskFollowup, TaskOwner
    from app.models.waybills import CourierPattern, WaybillLoad, WaybillNumber

_HOMES = {
    "app.models.base": ("Base",),
    "app.models.case_enums": (
        "CardInParcel",
        "CaseState",
        "CaseType",
        "FreightPayer",
        "PhotoPurpose",
        "RefundMethod",
        "SignoffResult",
        "TellChannel",
    ),
    "app.models.cases": ("Case", "CasePhoto"),
    "app.models.change_enums": ("RequestKind", "RequestPath", "RequestState", "SpecialKind"),
    "app.models.changes": ("ChangeRequest",),
    "app.models.complaint_enums": ("Channel", "ComplaintState", "Outcome", "Priority", "StepKind"),
    "app.models.complaints": ("Complaint", "ComplaintStep", "Dispute"),
    "app.models.entities": (
        "AuditEntry",
        "AuditHead",
        "ItemBarcode",
        "NameGram",
        "Note",
        "Order",
        "OrderItem",
        "Setting",
        "Shop",
        "SignInFailure",
        "User",
        "UserRole",
    ),
    "app.models.enums": ("DocLanguage", "Role", "Sensitivity", "Stage"),
    "app.models.imports": ("CatalogueItem", "ImportConflict", "ImportRun"),
    "app.models.printing": ("PrintBatch", "PrintBatchOrder", "PrintedSlip", "Reprint"),
    "app.models.waybills": ("CourierPattern", "WaybillLoad", "WaybillNumber"),
    "app.models.shipping": ("ExportedShipment", "Handover", "HandoverParcel", "ShipmentExport"),
    "app.models.roster": ("RosterEdit", "RosterMonth"),
    "app.models.score_enums": ("EntryState", "MonthState", "SwapState"),
    "app.models.scores": (
        "RosterDay",
        "RosterShift",
        "RosterSwap",
        "ScoreEntry",
        "ScoreMonth",
        "ScoreRule",
    ),
    "app.models.supervision": ("DailyReview", "MadeToOrder", "TaskFollowup", "TaskOwner"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}
# Mapped classes name each other in relationships and share one metadata: all or none
_MAPPED = (
    "app.models.entities",
    "app.models.cases",
    "app.models.changes",
    "app.models.printing",
    "app.models.imports",
    "app.models.waybills",
    "app.models.shipping",
    "app.models.scores",
    "app.models.roster",
    "app.models.complaints",
    "app.models.supervision",
)


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'app.models' has no attribute {name!r}")
    if not module.endswith("enums"):
        for mapped in _MAPPED:
            importlib.import_module(mapped)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found at once next time
    return value
