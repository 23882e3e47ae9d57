"""the packing desk (issue 11): who packed an order and when, product barcodes mapped to SKUs,
the exchange parcel packed, and the catalogue found by barcode

The order's new columns are added in place (no table copy): a million-order table upgrades
in a moment on both databases.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in place; Alembic would copy the table
        op.execute("ALTER TABLE orders ADD COLUMN packed_by_id INTEGER REFERENCES users (id)")
    else:
        op.add_column("orders", sa.Column("packed_by_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_orders_packed_by_id_users"), "orders", "users", ["packed_by_id"], ["id"]
        )
    op.add_column("orders", sa.Column("packed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("cases", sa.Column("exchange_packed_by", sa.String(length=64), nullable=True))
    op.add_column(
        "cases", sa.Column("exchange_packed_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.create_table(
        "item_barcodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.String(length=64), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("loaded_by", sa.String(length=64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_item_barcodes_shop_id_shops")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_barcodes")),
        sa.UniqueConstraint("shop_id", "barcode", name="uq_item_barcodes_shop_id_barcode"),
    )
    op.create_index("ix_item_barcodes_shop_id_sku", "item_barcodes", ["shop_id", "sku"])
    op.create_index("ix_catalogue_shop_id_barcode", "catalogue", ["shop_id", "barcode"])


def downgrade() -> None:
    op.drop_index("ix_catalogue_shop_id_barcode", table_name="catalogue")
    op.drop_index("ix_item_barcodes_shop_id_sku", table_name="item_barcodes")
    op.drop_table("item_barcodes")
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_column("exchange_packed_at")
        batch_op.drop_column("exchange_packed_by")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("packed_at")
        batch_op.drop_column("packed_by_id")
