"""中通快递's default number pattern widened: ``[57]\\d{11,13}`` refused real ZTO waybill
numbers (12-digit ones such as 419738635979, numbers starting 8 or 3). ZTO numbers are all
digits, 12 to 15 of them, whose first digits vary with the branch and the year; the new
default is ``\\d{12,15}``. Only a pattern still holding the old default changes: one a shop
edited stays as it is (and stepping back restores only the new default).

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

OLD = r"[57]\d{11,13}"
NEW = r"\d{12,15}"


def _replace(old: str, new: str) -> None:
    op.get_bind().execute(
        sa.text("UPDATE courier_patterns SET pattern = :new WHERE code = 'ZTO' AND pattern = :old"),
        {"old": old, "new": new},
    )


def upgrade() -> None:
    _replace(OLD, NEW)


def downgrade() -> None:
    _replace(NEW, OLD)
