"""orders.source_digest: the file's rows of an order as last imported, hashed, so that a
re-import does not parse again the orders whose rows read the same (docs/imports.md)

Existing orders have none: their next import parses them once and stores it.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.add_column(sa.Column("source_digest", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("source_digest")
