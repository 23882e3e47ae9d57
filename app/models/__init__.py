"""Mapped classes, enums and domain errors. No Qt here."""

from app.models.base import Base
from app.models.cases import (
    CardInParcel,
    Case,
    CasePhoto,
    CaseState,
    CaseType,
    FreightPayer,
    PhotoPurpose,
    RefundMethod,
    SignoffResult,
)
from app.models.changes import (
    ChangeRequest,
    RequestKind,
    RequestPath,
    RequestState,
    SpecialKind,
)
from app.models.entities import (
    AuditEntry,
    AuditHead,
    NameGram,
    Note,
    Order,
    OrderItem,
    Setting,
    Shop,
    User,
    UserRole,
)
from app.models.enums import Role, Stage
from app.models.printing import PrintBatch, PrintBatchOrder, PrintedSlip, Reprint

__all__ = [
    "AuditEntry",
    "AuditHead",
    "Base",
    "CardInParcel",
    "Case",
    "CasePhoto",
    "CaseState",
    "CaseType",
    "ChangeRequest",
    "FreightPayer",
    "NameGram",
    "Note",
    "Order",
    "OrderItem",
    "PhotoPurpose",
    "PrintBatch",
    "PrintBatchOrder",
    "PrintedSlip",
    "RefundMethod",
    "Reprint",
    "RequestKind",
    "RequestPath",
    "RequestState",
    "Role",
    "Setting",
    "Shop",
    "SignoffResult",
    "SpecialKind",
    "Stage",
    "User",
    "UserRole",
]
