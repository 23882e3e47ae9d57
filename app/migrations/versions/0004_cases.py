"""after-sales cases and photo evidence

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_no", sa.String(length=20), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("quality", sa.Boolean(), nullable=False),
        sa.Column("defect_location", sa.String(length=200), nullable=False),
        sa.Column("no_photo_possible", sa.Boolean(), nullable=False),
        sa.Column("return_courier", sa.String(length=40), nullable=False),
        sa.Column("return_tracking_no", sa.String(length=40), nullable=True),
        sa.Column("card_in_parcel", sa.String(length=8), nullable=False),
        sa.Column("wants", sa.String(length=200), nullable=False),
        sa.Column("unannounced", sa.Boolean(), nullable=False),
        sa.Column("freight_payer", sa.String(length=10), nullable=False),
        sa.Column("return_freight", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("free_freight_by", sa.String(length=64), nullable=True),
        sa.Column("free_freight_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("early_exchange_by", sa.String(length=64), nullable=True),
        sa.Column("early_exchange_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signoff_result", sa.String(length=20), nullable=True),
        sa.Column("signoff_notes", sa.Text(), nullable=False),
        sa.Column("signoff_by", sa.String(length=64), nullable=True),
        sa.Column("signoff_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("parcel_back_by", sa.String(length=64), nullable=True),
        sa.Column("parcel_back_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refund_amount", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("refund_method", sa.String(length=10), nullable=True),
        sa.Column("refund_reference", sa.String(length=100), nullable=False),
        sa.Column("freight_reimbursed", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("refund_by", sa.String(length=64), nullable=True),
        sa.Column("refund_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("exchange_courier", sa.String(length=40), nullable=False),
        sa.Column("exchange_tracking_no", sa.String(length=40), nullable=True),
        sa.Column("exchange_by", sa.String(length=64), nullable=True),
        sa.Column("exchange_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("change_request_id", sa.Integer(), nullable=True),
        sa.Column("opened_by_id", sa.Integer(), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["change_request_id"],
            ["change_requests.id"],
            name=op.f("fk_cases_change_request_id_change_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["opened_by_id"], ["users.id"], name=op.f("fk_cases_opened_by_id_users")
        ),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_cases_order_id_orders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("case_no", name=op.f("uq_cases_case_no")),
        sa.UniqueConstraint("exchange_tracking_no", name=op.f("uq_cases_exchange_tracking_no")),
        sa.UniqueConstraint("return_tracking_no", name=op.f("uq_cases_return_tracking_no")),
    )
    op.create_index("ix_cases_opened_at", "cases", ["opened_at"])
    op.create_index("ix_cases_order_id", "cases", ["order_id"])
    op.create_index("ix_cases_state_id", "cases", ["state", "id"])
    op.create_index("ix_cases_type_id", "cases", ["type", "id"])

    op.create_table(
        "case_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=12), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mime", sa.String(length=32), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("original", sa.LargeBinary(), nullable=False),
        sa.Column("display", sa.LargeBinary(), nullable=False),
        sa.Column("display_mime", sa.String(length=32), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["users.id"], name=op.f("fk_case_photos_added_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_photos_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_photos")),
        sa.UniqueConstraint("case_id", "sha256", name="uq_case_photos_case_sha256"),
    )


def downgrade() -> None:
    op.drop_table("case_photos")
    op.drop_index("ix_cases_type_id", table_name="cases")
    op.drop_index("ix_cases_state_id", table_name="cases")
    op.drop_index("ix_cases_order_id", table_name="cases")
    op.drop_index("ix_cases_opened_at", table_name="cases")
    op.drop_table("cases")
