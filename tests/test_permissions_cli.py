"""The whole role × action matrix through the command line, reads included.

The test walks the capability table itself (services/core/capabilities.py): an action added
to the table without a door here fails ``test_every_action_has_a_door``. Each action is run
once by a role the table allows (it goes through) and once by one it does not (refused with
the role it needs; for contact details, masked). Set-ups are made with the services; the
checked call is a real ``afterdesk`` process signed in with the demo accounts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import pytest

from app.db import Database
from app.models import CaseType, Role, SignoffResult, SpecialKind, Stage
from app.models.complaint_enums import Channel, Priority
from app.services.cases import opening as cases
from app.services.cases import steps as case_steps
from app.services.cases import unannounced_parcels
from app.services.changes import requests as changes
from app.services.complaints import complaints
from app.services.core import accounts
from app.services.core.actor import Actor
from app.services.core.capabilities import TABLE, Action, why_not
from app.services.dispatch import senders
from app.services.orders import lookup as orders
from tests.case_helpers import jpeg
from tests.conftest import BACKENDS, demo_actors, drop_pg_schema, pg_schema_url
from tests.test_cli import afterdesk

IMPORTS = Path(__file__).parent / "fixtures" / "imports"
WAYBILLS_FIXTURE = Path(__file__).parent / "fixtures" / "waybills" / "cainiao_waybills_gbk.csv"
DISABLED = "gone"  # a disabled account: reads nothing, does nothing
NOT_SIGNED_IN = "Wrong user name or password"  # sign-in tells no one which accounts exist


class World:
    """A demo shop shared by the matrix: fresh orders and cases for each allowed call."""

    def __init__(self, url: str, tmp: Path) -> None:
        self.url, self.tmp = url, tmp
        self.db = Database(url)
        self.staff: dict[Role, Actor] = demo_actors(self.db)
        self.used: set[str] = set()
        self.numbers = count(1)

    def order(self, stage: Stage) -> str:
        """An order of this stage no other call has used."""
        rows = self.db.read(lambda s: orders.list_page(s, stage=stage, limit=500))
        no = next(r.order_no for r in rows if r.order_no not in self.used)
        self.used.add(no)
        return no

    def path(self, suffix: str) -> str:
        return str(self.tmp / f"out{next(self.numbers)}{suffix}")

    def tracking(self) -> str:
        return f"YT{9_000_000_000 + next(self.numbers)}"

    def case(self, kind: CaseType = CaseType.RETURN, **kw) -> str:
        stage = Stage.PAID if kind is CaseType.REFUND_ONLY else Stage.SHIPPED
        no, after = self.order(stage), self.staff[Role.AFTERSALES]
        return self.db.write(lambda s: cases.open_case(s, after, no, kind, **kw)).case_no

    def signed(self, kind: CaseType) -> str:
        case_no, warehouse = self.case(kind), self.staff[Role.WAREHOUSE]
        self.db.write(
            lambda s: case_steps.signoff(s, warehouse, case_no, result=SignoffResult.AS_DESCRIBED)
        )
        return case_no

    def exchange_out(self) -> str:
        """An exchange shipped: the customer is still to be told, and to confirm receipt."""
        case_no, after = self.signed(CaseType.EXCHANGE), self.staff[Role.AFTERSALES]
        number = self.tracking()
        self.db.write(
            lambda s: case_steps.exchange_shipped(
                s, after, case_no, tracking=number, courier="顺丰"
            )
        )
        return case_no

    def unannounced(self) -> str:
        number, warehouse = self.tracking(), self.staff[Role.WAREHOUSE]
        return self.db.write(
            lambda s: unannounced_parcels.register_unannounced(s, warehouse, tracking=number)
        ).case_no

    def request(self, stage: Stage = Stage.PAID, *, confirmed: bool = False) -> str:
        no, presales = self.order(stage), self.staff[Role.PRESALES]
        view = self.db.write(
            lambda s: changes.request_special(
                s, presales, no, special=SpecialKind.DELIVERY, text="周六上午", confirmed=confirmed
            )
        )
        return str(view.id)

    def cancel_request(self) -> str:
        no, presales = self.order(Stage.PAID), self.staff[Role.PRESALES]
        return str(
            self.db.write(lambda s: changes.request_cancel(s, presales, no, confirmed=True)).id
        )

    def shop(self) -> str:
        return self.db.read(senders.shops)[0].shop

    def barcodes(self) -> str:
        path = self.tmp / f"codes{next(self.numbers)}.csv"
        path.write_text(f"69{next(self.numbers):011d},XZ-01-黑-40\n", encoding="utf-8")
        return str(path)

    def complaint(self) -> str:
        """A complaint about the pre-sales clerk, for the supervisor to confirm."""
        after = self.staff[Role.AFTERSALES]
        return self.db.write(
            lambda s: complaints.open_complaint(
                s, after, channel=Channel.IM, customer="tb_x", category="回复慢",
                priority=Priority.GENERAL, text="态度差", about="presales",
            )
        ).complaint_no  # fmt: skip

    def photo(self) -> str:
        path = self.tmp / f"photo{next(self.numbers)}.jpg"
        path.write_bytes(jpeg(colour="green"))
        return str(path)


@dataclass(frozen=True)
class Door:
    allowed: str  # a demo account the table lets through
    refused: str  # one it refuses
    argv: Callable[[World], list[str]]  # made afresh for each call
    succeeds: bool = True  # False: goes through the check, then stops for its own reason
    masks: bool = False  # the refusal is a masked answer, not an error


R = Role
DOORS: dict[Action, Door] = {
    Action.ORDER_READ: Door("presales", "admin", lambda w: ["orders", "list", "--limit", "1"]),
    Action.ORDER_CONTACT: Door(
        "presales",
        "warehouse",
        lambda w: ["orders", "show", w.order(Stage.PRINTED), "--json"],
        masks=True,
    ),
    Action.CASE_READ: Door("aftersales", "admin", lambda w: ["case", "list", "--json"]),
    Action.SCAN: Door("warehouse", "presales", lambda w: ["scan", w.case(), "--json"]),
    Action.REGISTER_EXPORT: Door(
        "aftersales", "warehouse", lambda w: ["register", "export", "--out", w.path(".xlsx")]
    ),
    Action.REQUEST_READ: Door("printer", "warehouse", lambda w: ["requests", "list", "--json"]),
    Action.PRINT_READ: Door("printer", "presales", lambda w: ["print", "batches", "--json"]),
    Action.SHOP_READ: Door("printer", "presales", lambda w: ["print", "cutoff"]),
    Action.USER_LIST: Door("admin", "supervisor", lambda w: ["user", "list", "--json"]),
    Action.BACKUP: Door(
        "admin", "supervisor", lambda w: ["backup", w.path(".sqlite")], succeeds=False
    ),
    Action.NOTE_ADD: Door(
        "warehouse", DISABLED, lambda w: ["note", "add", w.order(Stage.PAID), "已核对"]
    ),
    Action.ORDER_PRINT: Door(
        "printer",
        "presales",
        lambda w: ["print", "batch", "--shop", "无此店", "--out", w.path(".pdf")],
        succeeds=False,  # nothing waits in that shop: checked, then nothing to print
    ),
    Action.ORDER_PACK: Door(
        "warehouse", "presales", lambda w: ["orders", "stage", w.order(Stage.PRINTED), "packed"]
    ),
    Action.ORDER_SHIP: Door(
        "warehouse", "aftersales", lambda w: ["orders", "stage", w.order(Stage.PACKED), "shipped"]
    ),
    Action.ORDER_DELIVER: Door(
        "aftersales",
        "warehouse",
        lambda w: ["orders", "stage", w.order(Stage.SHIPPED), "delivered"],
    ),
    Action.ORDER_CLOSE: Door(
        "aftersales", "printer", lambda w: ["orders", "stage", w.order(Stage.DELIVERED), "closed"]
    ),
    Action.ORDER_VOID: Door(
        "printer", "warehouse", lambda w: ["requests", "done", w.cancel_request()]
    ),
    Action.ORDER_TRACKING: Door(
        "printer",
        "presales",
        lambda w: [
            "orders",
            "tracking",
            w.order(Stage.PACKED),
            "--courier",
            "顺丰",
            "--tracking",
            w.tracking(),
        ],
    ),
    Action.CHANGE_ADDRESS: Door(
        "presales",
        "warehouse",
        lambda w: ["change", "address", w.order(Stage.PAID), "--street", "文一西路 1 号"],
    ),
    Action.CHANGE_ATTRIBUTE: Door(
        "aftersales",
        "printer",
        lambda w: [
            "change",
            "attribute",
            w.order(Stage.PAID),
            "--item",
            "NOSUCH",
            "--to",
            "尺码=40",
        ],
        succeeds=False,  # checked, then the item is not on the order
    ),
    Action.CHANGE_SPECIAL: Door(
        "presales",
        "printer",
        lambda w: [
            "change",
            "request",
            w.order(Stage.PAID),
            "--kind",
            "delivery",
            "--text",
            "周六",
        ],
    ),
    Action.CHANGE_CANCEL: Door(
        "aftersales", "printer", lambda w: ["change", "cancel", w.order(Stage.PAID)]
    ),
    Action.REQUEST_CONFIRM: Door(
        "presales", "printer", lambda w: ["change", "confirm", w.request()]
    ),
    Action.REQUEST_HANDOVER: Door(
        "aftersales", "warehouse", lambda w: ["change", "confirm", w.request(Stage.SHIPPED)]
    ),
    Action.REQUEST_WITHDRAW: Door(
        "presales", "printer", lambda w: ["change", "withdraw", w.request()]
    ),
    Action.REQUEST_DONE: Door(
        "printer", "presales", lambda w: ["requests", "done", w.request(confirmed=True)]
    ),
    Action.REQUEST_SETTINGS: Door(
        "supervisor", "presales", lambda w: ["requests", "overdue", "45"]
    ),
    Action.PRINT_BATCH: Door(
        "printer",
        "warehouse",
        lambda w: ["print", "batch", "--shop", "无此店", "--out", w.path(".pdf")],
        succeeds=False,
    ),
    Action.PRINT_REPRINT: Door(
        "printer",
        "presales",
        lambda w: [
            "print",
            "reprint",
            w.order(Stage.PRINTED),
            "--reason",
            "卡纸",
            "--out",
            w.path(".pdf"),
        ],
        succeeds=False,  # the demo's printed orders have no recorded slip to reprint
    ),
    Action.PRINT_PREVIEW: Door(
        "printer",
        "presales",
        lambda w: ["print", "labels", w.order(Stage.PAID), "--out", w.path(".pdf")],
    ),
    Action.PRINT_EXCHANGE: Door(
        "printer",
        "aftersales",
        lambda w: ["print", "exchange", w.case(CaseType.EXCHANGE), "--out", w.path(".pdf")],
        succeeds=False,  # an exchange is printed once its return is in
    ),
    Action.CASE_OPEN: Door(
        "aftersales",
        "presales",
        lambda w: ["case", "open", w.order(Stage.SHIPPED), "--type", "complaint"],
    ),
    Action.CASE_CLAIM: Door(
        "aftersales",
        "warehouse",
        lambda w: ["case", "claim", w.case(), "--quality", "--defect-location", "鞋头"],
    ),
    Action.CASE_UNANNOUNCED: Door(
        "warehouse",
        "printer",
        lambda w: ["case", "register-unannounced", "--tracking", w.tracking()],
    ),
    Action.CASE_LINK: Door(
        "aftersales",
        "warehouse",
        lambda w: ["case", "link", w.unannounced(), w.order(Stage.SHIPPED)],
    ),
    Action.CASE_RETURN: Door(
        "aftersales",
        "warehouse",
        lambda w: ["case", "return", w.case(), "--tracking", w.tracking()],
    ),
    Action.CASE_SIGNOFF: Door(
        "warehouse",
        "aftersales",
        lambda w: ["case", "signoff", w.case(), "--result", "as_described"],
    ),
    Action.CASE_RECEIVED: Door(
        "printer", "warehouse", lambda w: ["case", "received", w.case(CaseType.RECALL)]
    ),
    Action.CASE_REFUND: Door(
        "aftersales",
        "warehouse",
        lambda w: [
            "case",
            "refund",
            w.case(CaseType.REFUND_ONLY),
            "--amount",
            "10",
            "--method",
            "original",
        ],
    ),
    Action.CASE_EXCHANGE_SHIPPED: Door(
        "aftersales",
        "printer",
        lambda w: [
            "case",
            "exchange-shipped",
            w.signed(CaseType.EXCHANGE),
            "--tracking",
            w.tracking(),
            "--courier",
            "顺丰",
        ],
    ),
    Action.CASE_CLOSE: Door(
        "aftersales", "printer", lambda w: ["case", "close", w.case(CaseType.COMPLAINT)]
    ),
    Action.CASE_APPROVE_FREE_FREIGHT: Door(
        "supervisor",
        "aftersales",
        lambda w: ["case", "approve", w.case(), "--free-freight", "--reason", "老顾客"],
    ),
    Action.CASE_APPROVE_EARLY_EXCHANGE: Door(
        "supervisor",
        "aftersales",
        lambda w: [
            *("case", "approve", w.case(CaseType.EXCHANGE), "--early-exchange"),
            *("--reason", "婚礼要用"),
        ],
    ),
    Action.CASE_PHOTO: Door(
        "warehouse", "printer", lambda w: ["case", "photo", w.case(), w.photo()]
    ),
    Action.CASE_RECALL_SLIP: Door(
        "printer",
        "warehouse",
        lambda w: ["print", "recall-slip", w.case(CaseType.RECALL), "--out", w.path(".pdf")],
    ),
    Action.SHOP_EDIT: Door(
        "admin",
        "printer",
        lambda w: [
            "print",
            "sender",
            w.shop(),
            "--name",
            "王芳",
            "--phone",
            "0571-88886666",
            "--address",
            "浙江省杭州市余杭区文一西路 1 号",
        ],
    ),
    Action.CUTOFF_SET: Door("supervisor", "printer", lambda w: ["print", "cutoff", "16:30"]),
    Action.IMPORT_ORDERS: Door(
        "printer",
        "presales",
        lambda w: [
            "import",
            "orders",
            str(IMPORTS / "shopify" / "orders_export.csv"),
            "--shop",
            f"Matrix {next(w.numbers)}",
            "--json",
        ],
    ),
    Action.BARCODE_LOAD: Door(
        "admin", "printer", lambda w: ["barcodes", "load", w.barcodes(), "--shop", w.shop()]
    ),
    Action.IMPORT_CATALOGUE: Door(
        "supervisor",
        "warehouse",
        lambda w: [
            "import",
            "catalogue",
            str(IMPORTS / "shopify" / "products_export.csv"),
            "--shop",
            f"Matrix {next(w.numbers)}",
            "--json",
        ],
    ),
    Action.IMPORT_HISTORY: Door("warehouse", DISABLED, lambda w: ["import", "history", "--json"]),
    Action.WAYBILL_READ: Door("warehouse", "presales", lambda w: ["waybills", "left", "--json"]),
    Action.WAYBILL_IMPORT: Door(
        "supervisor",
        "warehouse",
        lambda w: ["import", "waybills", str(WAYBILLS_FIXTURE), "--json"],
        succeeds=False,  # the fixture's orders are not this shop's: every row refused, exit 1
    ),
    Action.WAYBILL_ADMIN: Door(
        "admin", "printer", lambda w: ["waybills", "threshold", w.shop(), "50"]
    ),
    # issue 11: the courier's hand-over and the platform's bulk-ship file
    Action.HANDOVER_READ: Door("printer", "presales", lambda w: ["handover", "list", "--json"]),
    Action.HANDOVER_SCAN: Door(
        "warehouse", "printer", lambda w: ["handover", "add", "顺丰速运", "ZZ1"], succeeds=False
    ),
    Action.HANDOVER_CONFIRM: Door(
        "warehouse",
        "printer",
        lambda w: ["handover", "confirm", "顺丰速运", "--out", w.path(".pdf")],
        succeeds=False,  # an empty list
    ),
    Action.SHIPMENTS_EXPORT: Door(
        "printer",
        "warehouse",
        lambda w: [
            "export",
            "shipments",
            "--shop",
            w.shop(),
            "--format",
            "csv",
            "--out",
            w.path(".csv"),
        ],
    ),
    Action.USER_ADMIN: Door(
        "admin", "supervisor", lambda w: ["user", "roles", "spare", "--roles", "presales"]
    ),
    # issue 14: the score sheet and the roster
    Action.SCORE_READ: Door("warehouse", DISABLED, lambda w: ["score", "show", "--json"]),
    Action.SCORE_ALL: Door(
        "supervisor", "presales", lambda w: ["score", "show", "--user", "printer", "--json"]
    ),
    Action.SCORE_RECORD: Door(
        "supervisor", "admin", lambda w: ["score", "propose", "--month", "2026-10", "--json"]
    ),
    Action.SCORE_APPROVE: Door(
        "admin", "supervisor", lambda w: ["score", "rule", "overtime", "--points", "5"]
    ),
    Action.ROSTER_READ: Door("warehouse", DISABLED, lambda w: ["roster", "show", "--json"]),
    Action.ROSTER_EDIT: Door(
        "supervisor", "presales", lambda w: ["roster", "generate", "--month", "2026-10"]
    ),
    Action.ROSTER_SWAP: Door(
        "presales",
        "admin",
        lambda w: ["roster", "swap", "2025-01-03", "aftersales"],
        succeeds=False,  # no roster that day
    ),
    # issue 13: complaints and disputes
    Action.COMPLAINT_READ: Door("aftersales", "warehouse", lambda w: ["complaint", "list"]),
    Action.COMPLAINT_EDIT: Door(
        "aftersales",
        "printer",
        lambda w: [
            *("complaint", "open", "--channel", "phone", "--customer", "tb_y"),
            *("--category", "发错货", "--priority", "urgent", "--text", "发错颜色"),
        ],
    ),
    Action.COMPLAINT_CONFIRM: Door(
        "supervisor", "aftersales", lambda w: ["complaint", "confirm", w.complaint()]
    ),
    Action.COMPLAINT_SETTINGS: Door(
        "admin",
        "supervisor",
        lambda w: [
            *("complaint", "deadlines", "--priority", "urgent"),
            *("--respond", "3", "--resolve", "24"),
        ],
    ),
    Action.DISPUTE_READ: Door("supervisor", "printer", lambda w: ["dispute", "list", "--json"]),
    Action.DISPUTE_EDIT: Door(
        "aftersales",
        "warehouse",
        lambda w: [
            *("dispute", "open", w.order(Stage.SHIPPED), "--no", f"WQ{next(w.numbers)}"),
            *("--deadline", "2099-01-01 10:00", "--claim", "未收到货"),
        ],
    ),
    # issue 13: supervision
    Action.TASKS_READ: Door("presales", DISABLED, lambda w: ["tasks", "--json"]),
    Action.TASKS_ALL: Door("supervisor", "aftersales", lambda w: ["tasks", "--everyone", "--json"]),
    Action.REVIEW: Door("supervisor", "admin", lambda w: ["review", "--json"]),
    Action.REVIEW_DONE: Door("supervisor", "aftersales", lambda w: ["review", "done"]),
    Action.TASK_REMIND: Door(
        "supervisor",
        "aftersales",
        lambda w: ["remind", "not_printed", w.order(Stage.PAID), "--text", "今天打出来"],
    ),
    Action.TASK_REASSIGN: Door(
        "supervisor",
        "aftersales",
        lambda w: ["reassign", "not_printed", w.order(Stage.PAID), "--to", "printer"],
    ),
    Action.DEADLINE_SETTINGS: Door(
        "admin", "supervisor", lambda w: ["deadline", "set", "unannounced", "12"]
    ),
    Action.CASE_CUSTOMER_TOLD: Door(
        "aftersales",
        "warehouse",
        lambda w: ["case", "customer-told", w.exchange_out(), "--channel", "im"],
    ),
    Action.CASE_CUSTOMER_RECEIVED: Door(
        "aftersales", "warehouse", lambda w: ["case", "customer-received", w.exchange_out()]
    ),
    Action.CASE_PLATFORM_DEADLINE: Door(
        "aftersales",
        "printer",
        lambda w: ["case", "platform-deadline", w.case(), "--at", "2099-01-01 10:00"],
    ),
    Action.ORDER_MADE_TO_ORDER: Door(
        "presales", "printer", lambda w: ["orders", "made-to-order", w.order(Stage.PAID)]
    ),
}
# the app's daily backup runs on whoever's PC is open (issue 12 §5): no role is refused; the
# command line's backup is the administrator's (Action.BACKUP)
SCREEN_ONLY: dict[Action, tuple[Role, Role | None]] = {
    Action.BACKUP_DAILY: (Role.WAREHOUSE, None),
}


@pytest.fixture(scope="module", params=BACKENDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("matrix")
    schema = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp / 'shop.sqlite'}"
    else:
        url, schema = pg_schema_url()
    assert afterdesk(url, "init").returncode == 0
    assert afterdesk(url, "demo", "--orders", "160").returncode == 0
    made = World(url, tmp)
    admin = made.staff[Role.ADMIN]
    for username, name in ((DISABLED, "停用者"), ("spare", "备用")):
        made.db.write(
            lambda s, u=username, n=name: accounts.add_user(
                s, admin, u, n, "demo-pw-1", ["presales"]
            )
        )
    made.db.write(lambda s: accounts.set_active(s, admin, DISABLED, False))
    yield made
    made.db.dispose()
    if schema:
        drop_pg_schema(schema)


def test_every_action_has_a_door() -> None:
    assert set(TABLE) == set(DOORS) | set(SCREEN_ONLY)
    for action, door in DOORS.items():
        roles = TABLE[action].roles
        assert door.allowed in {r.value for r in roles}, action
        assert door.refused == DISABLED or door.refused not in {r.value for r in roles}, action


@pytest.mark.parametrize("action", list(DOORS), ids=str)
def test_the_matrix_through_the_cli(world: World, action: Action) -> None:
    door = DOORS[action]
    password = "demo-pw-1" if door.refused == DISABLED else "demo"
    refused = afterdesk(world.url, *door.argv(world), user=door.refused, password=password)
    if door.masks:
        assert refused.returncode == 0, refused.stderr
        assert "****" in json.loads(refused.stdout)["recipient"]["phone"]
    elif door.refused == DISABLED:
        assert refused.returncode == 2 and NOT_SIGNED_IN in refused.stderr, refused.stderr
    else:
        assert refused.returncode == 2 and "This needs the" in refused.stderr, refused.stderr
        assert refused.stdout == ""
    allowed = afterdesk(world.url, *door.argv(world), user=door.allowed)
    assert "This needs the" not in allowed.stderr and "disabled" not in allowed.stderr
    if door.succeeds:
        assert allowed.returncode == 0, allowed.stderr
    if door.masks:
        assert "****" not in json.loads(allowed.stdout)["recipient"]["phone"]


@pytest.mark.parametrize("action", list(SCREEN_ONLY), ids=str)
def test_screen_only_actions(action: Action) -> None:
    allowed, refused = SCREEN_ONLY[action]
    assert why_not(action, None, Actor(0, "x", "x", frozenset({allowed}))) is None
    if refused is None:
        assert TABLE[action].roles == frozenset(Role)
        return
    assert why_not(action, None, Actor(0, "x", "x", frozenset({refused}))) is not None


def test_a_disabled_account_reads_nothing(world: World) -> None:
    # the same password lets the enabled account in: it is the account that is refused
    assert (
        afterdesk(world.url, "orders", "list", user="spare", password="demo-pw-1").returncode == 0
    )
    for argv in (["orders", "list"], ["case", "list"], ["print", "batches"], ["user", "list"]):
        result = afterdesk(world.url, *argv, user=DISABLED, password="demo-pw-1")
        assert result.returncode == 2 and NOT_SIGNED_IN in result.stderr, result.stderr


def test_no_account_reads_nothing(world: World) -> None:
    for argv in (["orders", "list"], ["scan", "SF1"], ["user", "list"], ["backup", "x.sqlite"]):
        result = afterdesk(world.url, *argv, user="")
        assert result.returncode == 2 and "Say who you are" in result.stderr, result.stderr


def test_a_quality_claim_without_evidence_blocks_every_step(world: World) -> None:
    """docs/domain.md rule 6: photos and the defect's place before anything is done."""
    no = world.order(Stage.SHIPPED)
    opened = afterdesk(
        world.url, "case", "open", no, "--type", "return", "--quality", "--json", user="aftersales"
    )
    assert opened.returncode == 0, opened.stderr
    case_no = json.loads(opened.stdout)["case_no"]
    for user, argv in (
        ("warehouse", ["signoff", case_no, "--result", "as_described"]),
        ("aftersales", ["close", case_no]),
        ("aftersales", ["return", case_no, "--tracking", world.tracking()]),
    ):
        refused = afterdesk(world.url, "case", *argv, user=user)
        assert refused.returncode == 2 and "quality claim" in refused.stderr, refused.stderr
    shown = afterdesk(world.url, "case", "show", case_no, "--json", user="aftersales")
    assert json.loads(shown.stdout)["state"] == "open"  # nothing was recorded
    claim = ["claim", case_no, "--quality", "--defect-location", "鞋头", "--no-photo-possible"]
    assert afterdesk(world.url, "case", *claim, user="aftersales").returncode == 0
    signed = afterdesk(
        world.url, "case", "signoff", case_no, "--result", "as_described", user="warehouse"
    )
    assert signed.returncode == 0, signed.stderr


def test_a_stage_move_outside_the_table_is_refused(world: World) -> None:
    paid = world.order(Stage.PAID)
    # printing is a recorded batch's move, never a hand-made one
    by_hand = afterdesk(world.url, "orders", "stage", paid, "printed", user="printer")
    assert by_hand.returncode == 2 and "cannot go from" in by_hand.stderr, by_hand.stderr
    skipped = afterdesk(world.url, "orders", "stage", paid, "shipped", user="warehouse")
    assert skipped.returncode == 2 and "cannot go from" in skipped.stderr, skipped.stderr
    shown = afterdesk(world.url, "orders", "show", paid, "--json", user="printer")
    assert json.loads(shown.stdout)["stage"] == "paid"
