"""the monthly score sheet (奖罚评分表) and the duty roster (值班表): rules and shifts seeded
from the procedure (docs/scores.md), entries, month sheets, roster days and swaps

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# (code, role, points, max points, 中文 (the procedure's words), English); role "" = anyone.
# The codes a proposal source uses are in app/services/scores/sources.py.
RULES = [
    (
        "complaint_confirmed",
        "",
        -3,
        None,
        "客户因服务质量投诉某位客服，经核实属实",
        "A complaint about the service, confirmed against this person",
    ),
    (
        "bad_review",
        "",
        -3,
        None,
        "客户中差评某位客服",
        "A customer's neutral or bad review of this person",
    ),
    (
        "swap_over_3",
        "",
        -2,
        None,
        "换班超过3次以上（每次）",
        "A shift swap beyond 3 in a month (each)",
    ),
    (
        "disobeyed",
        "",
        -5,
        None,
        "不服从上级领导及指示",
        "Not following the supervisor's instructions",
    ),
    (
        "left_unfinished",
        "",
        -3,
        None,
        "下班前未处理妥当就下线，导致客户投诉",
        "Left work unfinished at the end of a shift, causing a complaint",
    ),
    (
        "chat_left_open",
        "",
        -1,
        None,
        "订单确认后没有及时关闭对话框，影响旺旺响应度",
        "Left a finished chat open, hurting the response rate",
    ),
    (
        "online_away",
        "",
        -2,
        None,
        "人不在岗旺旺处于在线状态，影响响应度",
        "Shown online while away from the desk",
    ),
    (
        "off_task",
        "",
        -3,
        None,
        "上班时间做与工作无关的事（再次发现）",
        "Doing other things at work (again after a warning)",
    ),
    (
        "warehouse_note_wrong",
        "",
        -3,
        None,
        "交给仓库的信息填写错误，影响仓库工作效率",
        "Wrong details handed to the warehouse",
    ),
    (
        "fixed_colleague",
        "",
        2,
        None,
        "发现并顺利修改他人错误，避免公司损失",
        "Found and fixed a colleague's mistake",
    ),
    ("idea_adopted", "", 3, 20, "创新性想法、建议经领导批准采纳", "An idea or suggestion adopted"),
    ("overtime", "", 5, None, "促销活动无条件加班", "Unconditional overtime for a promotion"),
    ("correction", "", 0, None, "更正已批准月份的评分", "A correction of an approved month"),
    (
        "sup_dispute_reminder",
        "supervisor",
        -3,
        None,
        "没有及时提醒售后客服处理维权中的订单，导致维权成功",
        "Did not remind after-sales of an order in dispute; the dispute succeeded",
    ),
    (
        "sup_roster_missing",
        "supervisor",
        -3,
        None,
        "没有定制好值班表、值日表，导致工作混乱",
        "No duty roster made; the team was in disorder",
    ),
    (
        "sup_careless_approval",
        "supervisor",
        -3,
        None,
        "随意批准下属请假、换班，导致人员混乱",
        "Approved leave or swaps carelessly; the desk was short of people",
    ),
    (
        "note_missing",
        "presales",
        -2,
        None,
        "客户有特殊情况，没有后台修改备注妥当",
        "A customer's special case not changed and noted in the back office",
    ),
    (
        "change_not_passed",
        "presales",
        -2,
        None,
        "备注或属性修改后没有通知打单人员",
        "A change not passed to the order printer",
    ),
    (
        "cancel_not_passed",
        "presales",
        -2,
        None,
        "客户付款后不想要，没有及时通知相关人员，导致包裹发出",
        "A cancellation not passed on in time; the parcel left",
    ),
    ("note_unsigned", "presales", -1, None, "备注没有署名日期", "A note without name and date"),
    (
        "return_not_registered",
        "aftersales",
        -1,
        None,
        "客户沟通过要退换货，售后登记表上无登记",
        "A return the customer announced was never registered",
    ),
    (
        "free_freight_non_quality",
        "aftersales",
        -3,
        None,
        "非质量问题答应客户承担来回运费退换",
        "Free freight promised on a non-quality case",
    ),
    (
        "defect_location_missing",
        "aftersales",
        -2,
        None,
        "质量问题没有登记清楚哪里出现质量问题",
        "A quality claim registered without the defect's location",
    ),
    (
        "no_photo_free_freight",
        "aftersales",
        -2,
        None,
        "售后问题没有拍照确认就答应承担来回运费",
        "Free freight promised on a quality claim without photos",
    ),
    (
        "parcel_damaged",
        "aftersales",
        -2,
        None,
        "没有提醒客户包装好，导致鞋子破损",
        "The customer was not told to pack the goods safely; they came back damaged",
    ),
    (
        "freight_collect",
        "aftersales",
        -3,
        None,
        "没有告诉客户要垫付运费，导致客户发了到付件",
        "The customer was not told to prepay the freight; the parcel came freight collect",
    ),
    (
        "card_missing",
        "aftersales",
        -1,
        None,
        "没有提醒客户填写售后服务卡或放纸条",
        "The customer was not told to put the service card in the parcel",
    ),
    (
        "dispute_late",
        "aftersales",
        -3,
        None,
        "没有及时处理维权中的订单，导致维权成功",
        "A dispute left past its deadline",
    ),
    (
        "refund_late",
        "aftersales",
        -3,
        None,
        "没有及时处理退款中的订单，导致退款自动成功",
        "A refund left past its deadline",
    ),
    (
        "exchange_no_not_told",
        "aftersales",
        -2,
        None,
        "没有及时留言告知客户换货运单号",
        "An exchange's tracking number never passed to the customer",
    ),
    (
        "print_late",
        "printer",
        -2,
        None,
        "规定时间内需要打的订单没有按时打完，导致发货延误",
        "The day's orders not printed in time",
    ),
    (
        "change_missed",
        "printer",
        -2,
        None,
        "没有第一时间在系统修改，导致打错单、发错货",
        "A change missed; the wrong slip was printed or goods sent",
    ),
    (
        "request_not_acknowledged",
        "printer",
        -2,
        None,
        "处理好之后没有及时反馈给客服",
        "A request to the order printer not acknowledged in time",
    ),
    (
        "exchange_no_not_passed",
        "printer",
        -2,
        None,
        "没有将换货运单号反馈给售后客服登记",
        "An exchange's tracking number not passed to after-sales",
    ),
]

# the procedure's shifts (三、(二)); the rotation changes every 5 days
SHIFTS = [
    ("service_early", "service", "客服早班", "Service early", "09:00-11:30, 12:30-18:30", 1),
    ("service_late", "service", "客服晚班", "Service late", "13:00-17:30, 18:30-23:30", 2),
    ("printer_early", "printer", "打单早班", "Printer", "09:00-11:30, 12:30-18:30", 3),
]


def upgrade() -> None:
    rules = op.create_table(
        "score_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("max_points", sa.Integer(), nullable=True),
        sa.Column("title_zh", sa.Text(), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_rules")),
        sa.UniqueConstraint("code", name=op.f("uq_score_rules_code")),
    )
    op.create_table(
        "score_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reason_params", sa.JSON(), nullable=True),
        sa.Column("evidence_kind", sa.String(length=12), nullable=False),
        sa.Column("evidence_key", sa.String(length=40), nullable=False),
        sa.Column("evidence_order_no", sa.String(length=40), nullable=False),
        sa.Column("proposal_key", sa.String(length=120), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_score_entries_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["score_rules.id"], name=op.f("fk_score_entries_rule_id_score_rules")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_score_entries_recorded_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["corrects_id"],
            ["score_entries.id"],
            name=op.f("fk_score_entries_corrects_id_score_entries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_entries")),
        sa.UniqueConstraint("proposal_key", name=op.f("uq_score_entries_proposal_key")),
    )
    op.create_index("ix_score_entries_month_user_id", "score_entries", ["month", "user_id"])
    op.create_table(
        "score_months",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("submitted_by", sa.String(length=64), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_score_months")),
    )
    shifts = op.create_table(
        "roster_shifts",
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("team", sa.String(length=12), nullable=False),
        sa.Column("name_zh", sa.String(length=40), nullable=False),
        sa.Column("name_en", sa.String(length=40), nullable=False),
        sa.Column("hours", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_roster_shifts")),
    )
    op.create_table(
        "roster_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("shift_code", sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_roster_days_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["shift_code"],
            ["roster_shifts.code"],
            name=op.f("fk_roster_days_shift_code_roster_shifts"),
        ),
        sa.PrimaryKeyConstraint("day", "user_id", name=op.f("pk_roster_days")),
    )
    op.create_table(
        "roster_swaps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("user_a_id", sa.Integer(), nullable=False),
        sa.Column("user_b_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_a_id"], ["users.id"], name=op.f("fk_roster_swaps_user_a_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["user_b_id"], ["users.id"], name=op.f("fk_roster_swaps_user_b_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_swaps")),
    )
    op.create_index(op.f("ix_roster_swaps_day"), "roster_swaps", ["day"])
    op.bulk_insert(
        rules,
        [
            {
                "code": code,
                "role": role,
                "points": points,
                "max_points": top,
                "title_zh": zh,
                "title_en": en,
                "active": True,
            }
            for code, role, points, top, zh, en in RULES
        ],
    )
    op.bulk_insert(
        shifts,
        [
            {"code": c, "team": t, "name_zh": z, "name_en": e, "hours": h, "position": p}
            for c, t, z, e, h, p in SHIFTS
        ],
    )


def downgrade() -> None:
    op.drop_table("roster_swaps")
    op.drop_table("roster_days")
    op.drop_table("roster_shifts")
    op.drop_table("score_months")
    op.drop_table("score_entries")
    op.drop_table("score_rules")
