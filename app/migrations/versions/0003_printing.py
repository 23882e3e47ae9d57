"""printing: batches, batch orders, reprints, printed slips; sender details per shop

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("shops") as batch_op:
        batch_op.add_column(
            sa.Column("sender_name", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("sender_phone", sa.String(length=32), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("return_address", sa.String(length=300), nullable=False, server_default="")
        )
    op.create_table(
        "print_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_no", sa.String(length=20), nullable=False),
        sa.Column("printed_by_id", sa.Integer(), nullable=False),
        sa.Column("printed_by_name", sa.String(length=64), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("shop_filter", sa.String(length=100), nullable=False),
        sa.Column("courier_filter", sa.String(length=40), nullable=False),
        sa.Column("cutoff", sa.String(length=5), nullable=False),
        sa.Column("label_size", sa.String(length=8), nullable=False),
        sa.Column("order_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["printed_by_id"], ["users.id"], name=op.f("fk_print_batches_printed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_batches")),
        sa.UniqueConstraint("batch_no", name=op.f("uq_print_batches_batch_no")),
    )
    op.create_table(
        "print_batch_orders",
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("order_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["print_batches.id"],
            name=op.f("fk_print_batch_orders_batch_id_print_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_print_batch_orders_order_id_orders")
        ),
        sa.PrimaryKeyConstraint("batch_id", "order_id", name=op.f("pk_print_batch_orders")),
    )
    op.create_index("ix_print_batch_orders_order_id", "print_batch_orders", ["order_id"])
    op.create_table(
        "reprints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("printed_by_id", sa.Integer(), nullable=False),
        sa.Column("printed_by_name", sa.String(length=64), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("order_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["print_batches.id"], name=op.f("fk_reprints_batch_id_print_batches")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_reprints_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["printed_by_id"], ["users.id"], name=op.f("fk_reprints_printed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reprints")),
    )
    op.create_index(op.f("ix_reprints_order_id"), "reprints", ["order_id"])
    op.create_table(
        "printed_slips",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("order_version", sa.Integer(), nullable=False),
        sa.Column("slip_hash", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["print_batches.id"], name=op.f("fk_printed_slips_batch_id_print_batches")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_printed_slips_order_id_orders")
        ),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_printed_slips")),
    )


def downgrade() -> None:
    op.drop_table("printed_slips")
    op.drop_index(op.f("ix_reprints_order_id"), table_name="reprints")
    op.drop_table("reprints")
    op.drop_index("ix_print_batch_orders_order_id", table_name="print_batch_orders")
    op.drop_table("print_batch_orders")
    op.drop_table("print_batches")
    with op.batch_alter_table("shops", recreate="never") as batch_op:  # keep referring rows
        batch_op.drop_column("return_address")
        batch_op.drop_column("sender_phone")
        batch_op.drop_column("sender_name")
