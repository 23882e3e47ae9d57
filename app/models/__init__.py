"""Mapped classes, enums and domain errors. No Qt here."""

from app.models.base import Base
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

__all__ = [
    "AuditEntry",
    "AuditHead",
    "Base",
    "NameGram",
    "Note",
    "Order",
    "OrderItem",
    "Role",
    "Setting",
    "Shop",
    "Stage",
    "User",
    "UserRole",
]
