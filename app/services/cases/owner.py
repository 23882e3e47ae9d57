"""Whose work a case is: the task lists and the score sheet's proposals both follow it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func

from app.models import Case


def case_owner() -> ColumnElement[Any]:
    """Who handles the case (after-sales who linked a parcel the warehouse registered
    unannounced), else who opened it; a supervisor's reassignment still overrides it in the
    task lists. ``opened_by_id`` stays the record of who registered the case."""
    return func.coalesce(Case.handled_by_id, Case.opened_by_id)
