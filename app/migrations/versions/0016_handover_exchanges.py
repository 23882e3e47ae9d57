"""handover_parcels.case_id: an exchange parcel goes through the courier's hand-over like an
order's parcel (docs/shipments.md); its row names its case and no order, so order_id may be
empty. Existing rows are orders' parcels and keep their order.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handover_parcels") as batch_op:
        batch_op.alter_column("order_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("case_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_handover_parcels_case_id_cases"), "cases", ["case_id"], ["id"]
        )
        batch_op.create_unique_constraint(op.f("uq_handover_parcels_case_id"), ["case_id"])


def downgrade() -> None:
    # exchange rows have no order: they cannot stay in the older table
    op.execute("DELETE FROM handover_parcels WHERE order_id IS NULL")
    with op.batch_alter_table("handover_parcels") as batch_op:
        batch_op.drop_constraint(op.f("uq_handover_parcels_case_id"), type_="unique")
        batch_op.drop_constraint(op.f("fk_handover_parcels_case_id_cases"), type_="foreignkey")
        batch_op.drop_column("case_id")
        batch_op.alter_column("order_id", existing_type=sa.Integer(), nullable=False)
