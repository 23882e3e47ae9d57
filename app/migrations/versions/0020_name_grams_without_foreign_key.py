"""name_grams without its foreign key to orders: the name index is derived from each order's
recipient name and written by the same code, in the same transaction, as the order itself
(orders are never deleted). PostgreSQL checked the key with a trigger fired for every gram
row, two thirds of the time an import spends writing the index (benchmarks/IMPORTS.md).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

FK = "fk_name_grams_order_id_orders"


def upgrade() -> None:
    with op.batch_alter_table("name_grams") as batch_op:
        batch_op.drop_constraint(FK, type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("name_grams") as batch_op:
        batch_op.create_foreign_key(FK, "orders", ["order_id"], ["id"])
