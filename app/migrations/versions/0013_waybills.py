"""waybill numbers: courier number patterns (seeded), number pools per courier and shop,
their loads, and where an order's waybill number came from

The seeded patterns are those of docs/waybills.md; an administrator edits or adds to them
(``afterdesk waybills courier``), so they are rows, not code.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# code, name, aliases, pattern, example, ranges (docs/waybills.md says where each comes from)
COURIERS = [
    ("SF", "顺丰速运", ["顺丰", "顺丰快递", "顺丰速递", "SF Express"],
     r"SF\d{12,15}|\d{12}", "SF1234567890123", False),
    ("ZTO", "中通快递", ["中通", "中通速递", "ZTO Express"],
     r"[57]\d{11,13}", "773012345678", True),
    ("YTO", "圆通速递", ["圆通", "圆通快递", "YTO Express"],
     r"YT\d{13,15}", "YT1234567890123", True),
    ("STO", "申通快递", ["申通", "STO Express"], r"\d{12,15}", "773123456789012", True),
    ("YD", "韵达快递", ["韵达", "韵达速递", "Yunda Express"], r"\d{13}|\d{15}", "4312345678901", True),
    ("JD", "京东物流", ["京东快递", "京东", "JD Logistics"],
     r"JD[0-9A-Z]{13,16}", "JDVA01234567890", False),
    ("EMS", "EMS", ["中国邮政EMS", "邮政EMS", "中国邮政", "邮政快递包裹", "China Post EMS"],
     r"\d{13}|[A-Z]{2}\d{9}CN", "EA123456785CN", False),
    ("JT", "极兔速递", ["极兔", "极兔快递", "J&T Express"], r"JT\d{13}", "JT1234567890123", True),
]  # fmt: skip


def upgrade() -> None:
    patterns = op.create_table(
        "courier_patterns",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("pattern", sa.String(length=200), nullable=False),
        sa.Column("example", sa.String(length=40), nullable=False),
        sa.Column("ranges", sa.Boolean(), nullable=False),
        sa.Column("updated_by_name", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_courier_patterns")),
    )
    op.create_table(
        "waybill_loads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("courier_code", sa.String(length=16), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("loaded_by_id", sa.Integer(), nullable=False),
        sa.Column("loaded_by_name", sa.String(length=64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["courier_code"],
            ["courier_patterns.code"],
            name=op.f("fk_waybill_loads_courier_code_courier_patterns"),
        ),
        sa.ForeignKeyConstraint(
            ["loaded_by_id"], ["users.id"], name=op.f("fk_waybill_loads_loaded_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_waybill_loads_shop_id_shops")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waybill_loads")),
    )
    op.create_table(
        "waybill_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("courier_code", sa.String(length=16), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("load_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["courier_code"],
            ["courier_patterns.code"],
            name=op.f("fk_waybill_numbers_courier_code_courier_patterns"),
        ),
        sa.ForeignKeyConstraint(
            ["load_id"], ["waybill_loads.id"], name=op.f("fk_waybill_numbers_load_id_waybill_loads")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_waybill_numbers_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_waybill_numbers_shop_id_shops")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waybill_numbers")),
        sa.UniqueConstraint("courier_code", "number", name="uq_waybill_numbers_courier_number"),
        sa.UniqueConstraint("order_id", name=op.f("uq_waybill_numbers_order_id")),
    )
    op.create_index(
        "ix_waybill_numbers_pool",
        "waybill_numbers",
        ["courier_code", "shop_id", "order_id", "id"],
        unique=False,
    )
    with op.batch_alter_table("orders") as batch_op:
        batch_op.add_column(sa.Column("waybill_source", sa.String(length=8), nullable=True))
    op.bulk_insert(
        patterns,
        [
            {
                "code": code,
                "name": name,
                "aliases": aliases,
                "pattern": pattern,
                "example": example,
                "ranges": ranges,
                "updated_by_name": "",
                "updated_at": None,
            }
            for code, name, aliases, pattern, example, ranges in COURIERS
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("waybill_source")
    op.drop_index("ix_waybill_numbers_pool", table_name="waybill_numbers")
    op.drop_table("waybill_numbers")
    op.drop_table("waybill_loads")
    op.drop_table("courier_patterns")
