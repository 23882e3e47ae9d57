"""Supervision (issue 13): task follow-ups (reminders, reassignments, escalations), who owns a
reassigned task, the supervisor's daily review, orders made to order; on cases the customer
told of the exchange and confirming receipt, and the platform's refund deadline; indexes for
the task lists (docs/supervision.md)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op


revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "task_followups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("ref_id", sa.Integer, nullable=False),
        sa.Column("ref_key", sa.String(40), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("to_user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("to_name", sa.String(64), nullable=False),
        sa.Column("by_user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("by_name", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_task_followups_task", "task_followups", ["kind", "ref_id", "id"])
    op.create_index("ix_task_followups_to", "task_followups", ["to_user_id", "id"])
    op.create_table(
        "task_owners",
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("ref_id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column(
            "followup_id", sa.Integer, sa.ForeignKey("task_followups.id"), nullable=False
        ),
    )
    op.create_index("ix_task_owners_user_id", "task_owners", ["user_id"])
    op.create_table(
        "daily_reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("by_user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("by_name", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.UniqueConstraint("day", "by_user_id", name="uq_daily_reviews_day_by"),
    )
    op.create_index("ix_daily_reviews_day", "daily_reviews", ["day"])
    op.create_table(
        "made_to_order",
        sa.Column("order_id", sa.Integer, sa.ForeignKey("orders.id"), primary_key=True),
        sa.Column("marked_by", sa.String(64), nullable=False),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("customer_told_channel", sa.String(16), nullable=True))
        batch_op.add_column(sa.Column("customer_told_by", sa.String(64), nullable=True))
        batch_op.add_column(sa.Column("customer_told_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("customer_received_by", sa.String(64), nullable=True))
        batch_op.add_column(sa.Column("customer_received_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("platform_deadline", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_cases_state_opened_at", "cases", ["state", "opened_at"])
    op.create_index("ix_orders_stage_paid_at", "orders", ["stage", "paid_at"])


def downgrade() -> None:
    op.drop_index("ix_orders_stage_paid_at", "orders")
    op.drop_index("ix_cases_state_opened_at", "cases")
    with op.batch_alter_table("cases") as batch_op:
        for column in (
            "platform_deadline",
            "customer_received_at",
            "customer_received_by",
            "customer_told_at",
            "customer_told_by",
            "customer_told_channel",
        ):
            batch_op.drop_column(column)
    op.drop_table("made_to_order")
    op.drop_table("daily_reviews")
    op.drop_table("task_owners")
    op.drop_table("task_followups")
