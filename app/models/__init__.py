"""Mapped classes, enums and domain errors. No Qt here."""

from app.models.base import Base
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
    "ChangeRequest",
    "NameGram",
    "Note",
    "Order",
    "OrderItem",
    "PrintBatch",
    "PrintBatchOrder",
    "PrintedSlip",
    "Reprint",
    "RequestKind",
    "RequestPath",
    "RequestState",
    "Role",
    "Setting",
    "Shop",
    "SpecialKind",
    "Stage",
    "User",
    "UserRole",
]
