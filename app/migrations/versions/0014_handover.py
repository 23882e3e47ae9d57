"""the courier's hand-over (交接) and shipment exports: hand-over lists with their parcels,
and what each export gave the platform

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("courier", sa.String(length=40), nullable=False),
        sa.Column("open_courier", sa.String(length=40), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by_id", sa.Integer(), nullable=False),
        sa.Column("manifest_no", sa.String(length=20), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_by_name", sa.String(length=64), nullable=False),
        sa.Column("parcel_count", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opened_by_id"], ["users.id"], name=op.f("fk_handovers_opened_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["confirmed_by_id"], ["users.id"], name=op.f("fk_handovers_confirmed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handovers")),
        sa.UniqueConstraint("open_courier", name=op.f("uq_handovers_open_courier")),
        sa.UniqueConstraint("manifest_no", name=op.f("uq_handovers_manifest_no")),
    )
    op.create_index(op.f("ix_handovers_confirmed_at"), "handovers", ["confirmed_at"])
    op.create_table(
        "handover_parcels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handover_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("tracking_no", sa.String(length=40), nullable=False),
        sa.Column("scanned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("scanned_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["handover_id"],
            ["handovers.id"],
            name=op.f("fk_handover_parcels_handover_id_handovers"),
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_handover_parcels_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["scanned_by_id"], ["users.id"], name=op.f("fk_handover_parcels_scanned_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_parcels")),
        sa.UniqueConstraint("order_id", name=op.f("uq_handover_parcels_order_id")),
    )
    op.create_index(op.f("ix_handover_parcels_handover_id"), "handover_parcels", ["handover_id"])
    op.create_index(op.f("ix_handover_parcels_tracking_no"), "handover_parcels", ["tracking_no"])
    op.create_table(
        "shipment_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("exported_by_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_shipment_exports_shop_id_shops")
        ),
        sa.ForeignKeyConstraint(
            ["exported_by_id"], ["users.id"], name=op.f("fk_shipment_exports_exported_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment_exports")),
    )
    op.create_index(op.f("ix_shipment_exports_shop_id"), "shipment_exports", ["shop_id"])
    op.create_table(
        "exported_shipments",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("export_id", sa.Integer(), nullable=False),
        sa.Column("tracking_no", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_exported_shipments_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["export_id"],
            ["shipment_exports.id"],
            name=op.f("fk_exported_shipments_export_id_shipment_exports"),
        ),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_exported_shipments")),
    )
    op.create_index("ix_exported_shipments_export_id", "exported_shipments", ["export_id"])


def downgrade() -> None:
    op.drop_table("exported_shipments")
    op.drop_table("shipment_exports")
    op.drop_table("handover_parcels")
    op.drop_table("handovers")
