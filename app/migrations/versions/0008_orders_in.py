"""orders in (issue 10): order numbers unique per shop, addresses abroad, masked recipients,
unpaid orders, the platform's last word, the shop's SKU catalogue, import runs and conflicts

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    # SQLite drops a UNIQUE constraint only by copying the table (app.migrations._run turns
    # the foreign keys off around it and checks them before commit)
    # every existing order is kept: the new columns have defaults, the old numbers were
    # unique across all shops, so they are unique per shop too
    with op.batch_alter_table("orders", recreate="always" if sqlite else "auto") as batch_op:
        batch_op.drop_constraint("uq_orders_order_no", type_="unique")
        batch_op.add_column(
            sa.Column("country", sa.String(length=2), server_default="CN", nullable=False)
        )
        batch_op.add_column(
            sa.Column("address_lines", sa.JSON(), server_default="[]", nullable=False)
        )
        batch_op.add_column(
            sa.Column("sensitivity", sa.String(length=12), server_default="clear", nullable=False)
        )
        batch_op.add_column(sa.Column("ordered_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("currency", sa.String(length=3), server_default="CNY", nullable=False)
        )
        batch_op.add_column(
            sa.Column(
                "cash_on_delivery", sa.Boolean(), server_default=sa.text("'0'"), nullable=False
            )
        )
        batch_op.add_column(sa.Column("platform_status", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("platform_values", sa.JSON(), nullable=True))
        batch_op.alter_column("paid_at", existing_type=sa.DateTime(timezone=True), nullable=True)
        batch_op.create_unique_constraint("uq_orders_shop_id_order_no", ["shop_id", "order_no"])
        batch_op.create_index(batch_op.f("ix_orders_order_no"), ["order_no"], unique=False)

    op.create_table(
        "catalogue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.Column("barcode", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_catalogue_shop_id_shops")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue")),
        sa.UniqueConstraint("shop_id", "sku", name="uq_catalogue_shop_id_sku"),
    )
    op.create_table(
        "import_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("by_name", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished", sa.Boolean(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("records_done", sa.Integer(), nullable=False),
        sa.Column("last_line", sa.Integer(), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("refused_rows", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["users.id"], name=op.f("fk_import_runs_by_id_users")),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_import_runs_shop_id_shops")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_runs")),
    )
    with op.batch_alter_table("import_runs") as batch_op:
        batch_op.create_index(batch_op.f("ix_import_runs_sha256"), ["sha256"], unique=False)
    op.create_table(
        "import_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("ours", sa.JSON(), nullable=False),
        sa.Column("theirs", sa.JSON(), nullable=False),
        sa.Column("settled_by_name", sa.String(length=64), nullable=True),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("settled_how", sa.String(length=16), nullable=True),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_import_conflicts_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["import_runs.id"], name=op.f("fk_import_conflicts_run_id_import_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_conflicts")),
    )
    op.create_index(
        "ix_import_conflicts_order_id_field", "import_conflicts", ["order_id", "field"]
    )


def downgrade() -> None:
    op.drop_index("ix_import_conflicts_order_id_field", table_name="import_conflicts")
    op.drop_table("import_conflicts")
    with op.batch_alter_table("import_runs") as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_runs_sha256"))
    op.drop_table("import_runs")
    op.drop_table("catalogue")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_order_no"))
        batch_op.drop_constraint("uq_orders_shop_id_order_no", type_="unique")
        batch_op.alter_column("paid_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        for column in (
            "platform_values",
            "platform_status",
            "cash_on_delivery",
            "currency",
            "ordered_at",
            "sensitivity",
            "address_lines",
            "country",
        ):
            batch_op.drop_column(column)
        batch_op.create_unique_constraint("uq_orders_order_no", ["order_no"])
