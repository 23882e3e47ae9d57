"""who printed an exchange case's exchange order, when, and how many times

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN on both databases (no table rebuild: photos reference cases)
    op.add_column("cases", sa.Column("exchange_printed_by", sa.String(length=64), nullable=True))
    op.add_column(
        "cases", sa.Column("exchange_printed_at", sa.DateTime(timezone=True), nullable=True)
    )
    # cases already there were never printed: the server fills in 0
    op.add_column(
        "cases",
        sa.Column(
            "exchange_print_count", sa.Integer(), nullable=False, server_default=sa.text("0")
        ),
    )


def downgrade() -> None:
    with op.batch_alter_table(
        "cases", recreate="never"
    ) as batch_op:  # no rebuild: photos refer to it
        batch_op.drop_column("exchange_print_count")
        batch_op.drop_column("exchange_printed_at")
        batch_op.drop_column("exchange_printed_by")
