"""complaints (投诉) with their signed steps, and platform disputes (维权) (issue 13,
docs/supervision.md)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_no", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=12), nullable=False),
        sa.Column("customer", sa.String(length=100), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("shop_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("about_user_id", sa.Integer(), nullable=True),
        sa.Column("about_name", sa.String(length=64), nullable=True),
        sa.Column("confirmed_by", sa.String(length=64), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("owner_name", sa.String(length=64), nullable=False),
        sa.Column("respond_due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolve_due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("responded_by", sa.String(length=64), nullable=True),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("escalated_by", sa.String(length=64), nullable=True),
        sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("followed_up_by", sa.String(length=64), nullable=True),
        sa.Column("followed_up_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attitude", sa.SmallInteger(), nullable=True),
        sa.Column("speed", sa.SmallInteger(), nullable=True),
        sa.Column("accuracy", sa.SmallInteger(), nullable=True),
        sa.Column("opened_by_id", sa.Integer(), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["about_user_id"], ["users.id"], name=op.f("fk_complaints_about_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["opened_by_id"], ["users.id"], name=op.f("fk_complaints_opened_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_complaints_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_complaints_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_complaints_shop_id_shops")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
        sa.UniqueConstraint("complaint_no", name=op.f("uq_complaints_complaint_no")),
    )
    op.create_index(
        op.f("ix_complaints_about_user_id"), "complaints", ["about_user_id"], unique=False
    )
    op.create_index(op.f("ix_complaints_opened_at"), "complaints", ["opened_at"], unique=False)
    op.create_index(op.f("ix_complaints_order_id"), "complaints", ["order_id"], unique=False)
    op.create_index(op.f("ix_complaints_owner_id"), "complaints", ["owner_id"], unique=False)
    op.create_index("ix_complaints_state_due", "complaints", ["state", "respond_due"], unique=False)
    op.create_table(
        "complaint_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("by_name", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("once_key", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_id"], ["users.id"], name=op.f("fk_complaint_steps_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_steps_complaint_id_complaints"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_steps")),
        sa.UniqueConstraint("once_key", name=op.f("uq_complaint_steps_once_key")),
    )
    op.create_index(
        op.f("ix_complaint_steps_complaint_id"), "complaint_steps", ["complaint_id"], unique=False
    )
    op.create_table(
        "disputes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("dispute_no", sa.String(length=64), nullable=False),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claim", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("owner_name", sa.String(length=64), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("outcome_by", sa.String(length=64), nullable=True),
        sa.Column("outcome_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_disputes_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_disputes_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_disputes_owner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disputes")),
        sa.UniqueConstraint("dispute_no", name=op.f("uq_disputes_dispute_no")),
    )
    op.create_index(op.f("ix_disputes_case_id"), "disputes", ["case_id"], unique=False)
    op.create_index(op.f("ix_disputes_order_id"), "disputes", ["order_id"], unique=False)
    op.create_index(
        "ix_disputes_outcome_deadline", "disputes", ["outcome", "deadline"], unique=False
    )
    op.create_index(op.f("ix_disputes_owner_id"), "disputes", ["owner_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_disputes_owner_id"), table_name="disputes")
    op.drop_index("ix_disputes_outcome_deadline", table_name="disputes")
    op.drop_index(op.f("ix_disputes_order_id"), table_name="disputes")
    op.drop_index(op.f("ix_disputes_case_id"), table_name="disputes")
    op.drop_table("disputes")
    op.drop_index(op.f("ix_complaint_steps_complaint_id"), table_name="complaint_steps")
    op.drop_table("complaint_steps")
    op.drop_index("ix_complaints_state_due", table_name="complaints")
    op.drop_index(op.f("ix_complaints_owner_id"), table_name="complaints")
    op.drop_index(op.f("ix_complaints_order_id"), table_name="complaints")
    op.drop_index(op.f("ix_complaints_opened_at"), table_name="complaints")
    op.drop_index(op.f("ix_complaints_about_user_id"), table_name="complaints")
    op.drop_table("complaints")
