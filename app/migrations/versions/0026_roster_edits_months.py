"""The duty roster keeps the supervisor's day edits (``roster_edits``) and how each month's
rotation was made (``roster_months``): generating a month again puts the edits and the approved
swaps back on top of the new rotation, and the next month's 5-day blocks run on from this one.
Months generated before this version have no row: the next one starts its blocks on its 1st.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roster_edits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("shift_code", sa.String(length=24), nullable=True),
        sa.Column("set_by", sa.String(length=64), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_roster_edits_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["shift_code"],
            ["roster_shifts.code"],
            name=op.f("fk_roster_edits_shift_code_roster_shifts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_edits")),
    )
    op.create_index(op.f("ix_roster_edits_day"), "roster_edits", ["day"])
    op.create_table(
        "roster_months",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("every", sa.Integer(), nullable=False),
        sa.Column("anchor", sa.Date(), nullable=False),
        sa.Column("phases", sa.JSON(), nullable=False),
        sa.Column("generated_by", sa.String(length=64), nullable=False),
        sa.Column("generated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_roster_months")),
    )


def downgrade() -> None:
    op.drop_table("roster_months")
    op.drop_index(op.f("ix_roster_edits_day"), table_name="roster_edits")
    op.drop_table("roster_edits")
