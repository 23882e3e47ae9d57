"""a whole-batch reprint is one reprints row (the batch and the reason once), not one per order

``reprints.order_id`` and ``order_version`` are empty on such a row: the orders it reprinted
are those of the batch whose printed slips it stamped, named in its audit entry. Writing
2,000 rows held every other PC's write for about 1.4 s (benchmarks/PRINTING.md).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reprints") as batch_op:
        batch_op.alter_column("order_id", existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column("order_version", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # a whole-batch row names no order: it cannot be kept in the older shape
    op.execute("DELETE FROM reprints WHERE order_id IS NULL")
    with op.batch_alter_table("reprints") as batch_op:
        batch_op.alter_column("order_id", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("order_version", existing_type=sa.Integer(), nullable=False)
