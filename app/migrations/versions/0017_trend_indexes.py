"""Indexes for the trend charts (docs/supervision.md, "Trends"): a shop's paid orders per week
counted from the index alone, and the refunds of twelve weeks found without reading every case.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_orders_shop_id_paid_at", "orders", ["shop_id", "paid_at"])
    op.create_index("ix_cases_refund_at", "cases", ["refund_at"])


def downgrade() -> None:
    op.drop_index("ix_cases_refund_at", table_name="cases")
    op.drop_index("ix_orders_shop_id_paid_at", table_name="orders")
