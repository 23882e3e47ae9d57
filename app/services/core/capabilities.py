"""Who may do, and read, what: the one table every button, menu entry and command asks.

``why_not(action, thing, actor)`` answers "may this person do it to this thing now, and if
not, why not" (a ``UserError`` the caller translates, None if allowed);
``allowed_actions(thing, actor)`` lists what is possible; ``require`` (through
``actor.require``) refuses in the services. The roles are here and only here; the state
conditions come from the workflows' own state tables (cases/rules.py, changes/rules.py,
orders/stages.py). The decisions are written out in docs/permissions.md.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.models import (
    CaseState,
    CaseType,
    RequestKind,
    RequestPath,
    RequestState,
    Role,
    Stage,
)
from app.models.errors import TransitionRefused, UserError, role_required
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.cases import rules as case_rules
from app.services.cases.rules import CaseAction
from app.services.changes import rules as change_rules
from app.services.orders.stages import STAGE_MOVES


class Action(enum.StrEnum):
    # reads
    ORDER_READ = "order.read"  # find, list and show orders
    ORDER_CONTACT = "order.contact"  # the recipient's phone and street, unmasked
    CASE_READ = "case.read"  # case list and show, an order's cases
    SCAN = "scan"  # the returns desk's look-up
    REGISTER_EXPORT = "register.export"  # the register as .xlsx and as PDF
    REQUEST_READ = "request.read"  # the request queue
    PRINT_READ = "print.read"  # waiting orders, batches, stale slips, exchanges to print
    SHOP_READ = "shop.read"  # shops' sender blocks and the cut-off
    USER_LIST = "user.list"  # every account and its roles
    BACKUP = "backup"  # a full copy, password hashes included; restore; the backup folder
    # the app's daily copy into the folder the administrator chose: it runs on whoever's PC
    # the app is open (issue 12 §5), so a shop without an administrator at work is still copied
    BACKUP_DAILY = "backup.daily"
    REVIEW = "review"  # the supervisor's daily review: everyone's tasks, per kind
    TASKS_READ = "tasks.read"  # one's own tasks with their deadlines (My tasks)
    TASKS_ALL = "tasks.all"  # everyone's tasks, with their owners, on My tasks and `tasks`
    IMPORT_HISTORY = "import.history"  # every import: files, who, counts, refused rows
    WAYBILL_READ = "waybill.read"  # courier patterns, the pools' numbers left
    HANDOVER_READ = "handover.read"  # open hand-over lists, manifests and the day's lists
    # writes
    NOTE_ADD = "note.add"
    ORDER_PRINT = "order.print"
    ORDER_PACK = "order.pack"
    ORDER_SHIP = "order.ship"
    ORDER_DELIVER = "order.deliver"
    ORDER_CLOSE = "order.close"
    ORDER_VOID = "order.void"
    ORDER_TRACKING = "order.tracking"
    CHANGE_ADDRESS = "change.address"
    CHANGE_ATTRIBUTE = "change.attribute"
    CHANGE_SPECIAL = "change.special"
    CHANGE_CANCEL = "change.cancel"
    REQUEST_CONFIRM = "request.confirm"
    REQUEST_HANDOVER = "request.handover"
    REQUEST_WITHDRAW = "request.withdraw"
    REQUEST_DONE = "request.done"
    REQUEST_SETTINGS = "request.settings"  # minutes before a request is overdue
    PRINT_BATCH = "print.batch"
    PRINT_REPRINT = "print.reprint"
    PRINT_PREVIEW = "print.preview"
    PRINT_EXCHANGE = "print.exchange"
    CASE_OPEN = "case.open"
    CASE_CLAIM = "case.claim"
    CASE_UNANNOUNCED = "case.unannounced"
    CASE_LINK = "case.link"
    CASE_RETURN = "case.return"
    CASE_SIGNOFF = "case.signoff"
    CASE_RECEIVED = "case.received"
    CASE_REFUND = "case.refund"
    CASE_EXCHANGE_SHIPPED = "case.exchange_shipped"
    CASE_CLOSE = "case.close"
    CASE_APPROVE_FREE_FREIGHT = "case.approve_free_freight"
    CASE_APPROVE_EARLY_EXCHANGE = "case.approve_early_exchange"
    CASE_PHOTO = "case.photo"
    CASE_RECALL_SLIP = "case.recall_slip"
    SHOP_EDIT = "shop.edit"
    CUTOFF_SET = "cutoff.set"
    USER_ADMIN = "user.admin"  # add accounts, set roles, enable, disable, set passwords
    IMPORT_ORDERS = "import.orders"  # a platform's order export in (a new shop by its first)
    IMPORT_CATALOGUE = "import.catalogue"  # the shop's SKUs from a products export
    BARCODE_LOAD = "barcode.load"  # product barcodes → SKUs, for the packing desk's item check
    # issue 11: number pools and courier patterns are the administrator's (like couriers and
    # shops); the pool's low-stock threshold too
    WAYBILL_ADMIN = "waybill.admin"
    WAYBILL_IMPORT = "waybill.import"  # an e-waybill tool's export of numbers in
    HANDOVER_SCAN = "handover.scan"  # scan parcels into (and out of) a courier's hand-over list
    HANDOVER_CONFIRM = "handover.confirm"  # print the manifest; its orders move to shipped
    SHIPMENTS_EXPORT = "shipments.export"  # the platform's bulk-ship upload file
    # issue 14: the monthly score sheet and the duty roster (docs/scores.md)
    SCORE_READ = "score.read"  # one's own sheet, with the evidence of each entry
    SCORE_ALL = "score.all"  # everyone's sheets, the summary, the printed sheet and export
    SCORE_RECORD = "score.record"  # propose, confirm, dismiss, add entries, submit the month
    SCORE_APPROVE = "score.approve"  # approve (lock) a month; edit the rules
    ROSTER_READ = "roster.read"  # the month's roster, who is on duty now
    ROSTER_EDIT = "roster.edit"  # generate and edit the roster, approve or refuse swaps
    ROSTER_SWAP = "roster.swap"  # ask to swap a day's shift with a colleague
    # issue 13: complaints (投诉) and platform disputes (维权), docs/supervision.md
    COMPLAINT_READ = "complaint.read"  # complaint lists and records
    COMPLAINT_EDIT = "complaint.edit"  # open, respond, escalate, resolve, follow up
    COMPLAINT_CONFIRM = "complaint.confirm"  # confirm a complaint against a staff member
    COMPLAINT_SETTINGS = "complaint.settings"  # categories and deadlines per priority
    DISPUTE_READ = "dispute.read"  # disputes and their evidence pack
    DISPUTE_EDIT = "dispute.edit"  # mark a case or order in dispute; record the outcome
    # issue 13: supervision (docs/supervision.md)
    REVIEW_DONE = "review.done"  # "reviewed by 陈静 at 09:12" for the day
    TASK_REMIND = "task.remind"  # a signed reminder into the owner's task list
    TASK_REASSIGN = "task.reassign"  # give a task to another person
    DEADLINE_SETTINGS = "deadline.settings"  # how long each kind of work may take
    CASE_CUSTOMER_TOLD = "case.customer_told"  # the exchange's tracking number passed on
    CASE_CUSTOMER_RECEIVED = "case.customer_received"  # the customer has the exchange
    CASE_PLATFORM_DEADLINE = "case.platform_deadline"  # the platform's refund deadline
    ORDER_MADE_TO_ORDER = "order.made_to_order"  # 48 h to ship instead of the same day


R = Role
AFTERSALES = frozenset({R.AFTERSALES, R.SUPERVISOR})  # supervisors may act as after-sales
ASKERS = frozenset({R.PRESALES, R.AFTERSALES, R.SUPERVISOR})
ORDER_STAFF = frozenset({R.PRESALES, R.AFTERSALES, R.PRINTER, R.WAREHOUSE, R.SUPERVISOR})
ANYONE: frozenset[Role] = frozenset(Role)  # every active account
# issue 10: the people who run the shop's day bring its orders in
IMPORTERS = frozenset({R.ADMIN, R.SUPERVISOR, R.PRINTER})

Check = Callable[[Any], UserError | None]


@dataclass(frozen=True)
class Capability:
    roles: frozenset[Role]
    subject: str | None = None  # what ``thing`` is: "order", "case", "request" or nothing
    state: Check | None = None  # the thing's state condition, from the workflow's table


def _value(x: Any) -> str:
    return getattr(x, "value", x)


# -- state conditions, each read from its workflow's table -----------------------------------
def _stage_move(action: Action) -> Check:
    def check(order: Any) -> UserError | None:
        stage = Stage(_value(order.stage))
        if any(m.action == action for (frm, _), m in STAGE_MOVES.items() if frm is stage):
            return None
        return TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "Order {order_no} is “{stage}”: not possible now."),
            order_no=order.order_no,
            stage=Label(stage.label, "Stage"),
        )

    return check


def _change(kind: RequestKind) -> Check:
    def check(order: Any) -> UserError | None:
        try:
            change_rules.path_for(kind, Stage(_value(order.stage)), order.order_no)
        except UserError as error:
            return error
        return None

    return check


def _request(to: RequestState) -> Check:
    def check(request: Any) -> UserError | None:
        return change_rules.refusal(request, to)

    return check


def _case_move(action: CaseAction) -> Check:
    def check(case: Any) -> UserError | None:
        try:
            case_rules.rule_for(case, action)
        except UserError as error:
            return error
        # a case row knows its photos; the guard counts them in the database instead
        count = getattr(case, "claim_photo_count", None)
        if count is not None and case_rules.evidence_missing(case, count):
            return case_rules.evidence_refusal(case)
        return None

    return check


def _case_state(allowed: Callable[[Any], bool], template: str) -> Check:
    def check(case: Any) -> UserError | None:
        if allowed(case):
            return None
        state = CaseState(_value(case.state))
        return TransitionRefused(
            template, case_no=case.case_no, state=Label(state.label, "CaseState")
        )

    return check


def _before_receipt(case: Any) -> bool:
    return CaseState(_value(case.state)) in case_rules.BEFORE_RECEIPT


NOT_NOW = QT_TRANSLATE_NOOP("UserError", "Case {case_no} is “{state}”: not possible now.")


def _free_freight(case: Any) -> bool:
    return (
        _before_receipt(case)
        and not case.quality
        and case.free_freight_at is None
        and CaseType(_value(case.type)) in case_rules.GOODS
    )


def _early_exchange(case: Any) -> bool:
    return (
        _before_receipt(case)
        and CaseType(_value(case.type)) is CaseType.EXCHANGE
        and case.early_exchange_at is None
    )


def _recall_slip(case: Any) -> bool:
    # the slip goes with the courier while the parcel is still on its way back
    return CaseType(_value(case.type)) is CaseType.RECALL and case_rules.slip_printable(
        CaseState(_value(case.state))
    )


def _open(case: Any) -> bool:
    return CaseState(_value(case.state)) is not CaseState.CLOSED


def _exchange_out(case: Any) -> bool:
    """The exchange left and the case is not closed: the customer can be told, and asked."""
    return (
        CaseType(_value(case.type)) is CaseType.EXCHANGE
        and CaseState(_value(case.state)) is CaseState.EXCHANGE_SHIPPED
    )


def _refund_pending(case: Any) -> bool:
    return CaseState(_value(case.state)) not in (CaseState.REFUNDED, CaseState.CLOSED)


A = Action
CASE, ORDER, REQUEST = "case", "order", "request"
TABLE: dict[Action, Capability] = {
    A.ORDER_READ: Capability(ORDER_STAFF),
    A.ORDER_CONTACT: Capability(ORDER_STAFF - {R.WAREHOUSE}),
    A.CASE_READ: Capability(ORDER_STAFF),
    A.SCAN: Capability(AFTERSALES | {R.WAREHOUSE, R.PRINTER}),
    A.REGISTER_EXPORT: Capability(AFTERSALES),
    A.REQUEST_READ: Capability(ASKERS | {R.PRINTER}),
    A.PRINT_READ: Capability(frozenset({R.PRINTER, R.SUPERVISOR})),
    A.SHOP_READ: Capability(frozenset({R.ADMIN, R.SUPERVISOR, R.PRINTER})),
    A.USER_LIST: Capability(frozenset({R.ADMIN})),
    A.BACKUP: Capability(frozenset({R.ADMIN})),
    A.BACKUP_DAILY: Capability(ANYONE),
    A.REVIEW: Capability(frozenset({R.SUPERVISOR})),
    A.IMPORT_HISTORY: Capability(ANYONE),
    A.WAYBILL_READ: Capability(frozenset({R.ADMIN, R.SUPERVISOR, R.PRINTER, R.WAREHOUSE})),
    A.NOTE_ADD: Capability(ANYONE, ORDER),
    A.ORDER_PRINT: Capability(frozenset({R.PRINTER}), ORDER, _stage_move(A.ORDER_PRINT)),
    A.ORDER_PACK: Capability(frozenset({R.WAREHOUSE, R.PRINTER}), ORDER, _stage_move(A.ORDER_PACK)),
    A.ORDER_SHIP: Capability(frozenset({R.WAREHOUSE}), ORDER, _stage_move(A.ORDER_SHIP)),
    A.ORDER_DELIVER: Capability(AFTERSALES, ORDER, _stage_move(A.ORDER_DELIVER)),
    A.ORDER_CLOSE: Capability(AFTERSALES, ORDER, _stage_move(A.ORDER_CLOSE)),
    A.ORDER_VOID: Capability(frozenset({R.PRINTER}), ORDER, _stage_move(A.ORDER_VOID)),
    A.ORDER_TRACKING: Capability(frozenset({R.PRINTER, R.WAREHOUSE}), ORDER),
    A.CHANGE_ADDRESS: Capability(ASKERS, ORDER, _change(RequestKind.ADDRESS)),
    A.CHANGE_ATTRIBUTE: Capability(ASKERS, ORDER, _change(RequestKind.ATTRIBUTE)),
    A.CHANGE_SPECIAL: Capability(ASKERS, ORDER, _change(RequestKind.SPECIAL)),
    A.CHANGE_CANCEL: Capability(ASKERS, ORDER, _change(RequestKind.CANCEL)),
    A.REQUEST_CONFIRM: Capability(ASKERS, REQUEST, _request(RequestState.OPEN)),
    A.REQUEST_HANDOVER: Capability(ASKERS, REQUEST, _request(RequestState.HANDED_OVER)),
    A.REQUEST_WITHDRAW: Capability(ASKERS, REQUEST, _request(RequestState.WITHDRAWN)),
    A.REQUEST_DONE: Capability(frozenset({R.PRINTER}), REQUEST, _request(RequestState.DONE)),
    A.REQUEST_SETTINGS: Capability(frozenset({R.ADMIN, R.SUPERVISOR})),
    A.PRINT_BATCH: Capability(frozenset({R.PRINTER})),
    A.PRINT_REPRINT: Capability(frozenset({R.PRINTER})),
    A.PRINT_PREVIEW: Capability(frozenset({R.PRINTER})),
    A.PRINT_EXCHANGE: Capability(frozenset({R.PRINTER})),
    A.CASE_OPEN: Capability(AFTERSALES, ORDER),
    A.CASE_CLAIM: Capability(
        AFTERSALES,
        CASE,
        _case_state(
            _before_receipt,
            QT_TRANSLATE_NOOP(
                "UserError", "Case {case_no} is “{state}”: the claim can no longer be changed."
            ),
        ),
    ),
    A.CASE_UNANNOUNCED: Capability(AFTERSALES | {R.WAREHOUSE}),
    A.CASE_LINK: Capability(AFTERSALES, CASE, _case_move(CaseAction.LINK)),
    A.CASE_RETURN: Capability(AFTERSALES, CASE, _case_move(CaseAction.RETURN)),
    A.CASE_SIGNOFF: Capability(frozenset({R.WAREHOUSE}), CASE, _case_move(CaseAction.SIGNOFF)),
    A.CASE_RECEIVED: Capability(frozenset({R.PRINTER}), CASE, _case_move(CaseAction.RECEIVED)),
    A.CASE_REFUND: Capability(AFTERSALES, CASE, _case_move(CaseAction.REFUND)),
    A.CASE_EXCHANGE_SHIPPED: Capability(AFTERSALES, CASE, _case_move(CaseAction.EXCHANGE_SHIPPED)),
    A.CASE_CLOSE: Capability(AFTERSALES, CASE, _case_move(CaseAction.CLOSE)),
    A.CASE_APPROVE_FREE_FREIGHT: Capability(
        frozenset({R.SUPERVISOR}), CASE, _case_state(_free_freight, NOT_NOW)
    ),
    A.CASE_APPROVE_EARLY_EXCHANGE: Capability(
        frozenset({R.SUPERVISOR}), CASE, _case_state(_early_exchange, NOT_NOW)
    ),
    A.CASE_PHOTO: Capability(
        AFTERSALES | {R.WAREHOUSE},
        CASE,
        _case_state(
            _open, QT_TRANSLATE_NOOP("UserError", "Case {case_no} is closed: no more photos.")
        ),
    ),
    A.CASE_RECALL_SLIP: Capability(
        AFTERSALES | {R.PRINTER},
        CASE,
        _case_state(
            _recall_slip,
            QT_TRANSLATE_NOOP(
                "UserError",
                "Case {case_no} is “{state}”: a recall slip is printed only while the parcel "
                "is still with the courier.",
            ),
        ),
    ),
    A.SHOP_EDIT: Capability(frozenset({R.ADMIN})),
    A.CUTOFF_SET: Capability(frozenset({R.ADMIN, R.SUPERVISOR})),
    A.USER_ADMIN: Capability(frozenset({R.ADMIN})),
    A.IMPORT_ORDERS: Capability(IMPORTERS),
    A.IMPORT_CATALOGUE: Capability(IMPORTERS),
    A.BARCODE_LOAD: Capability(frozenset({R.ADMIN})),
    A.WAYBILL_ADMIN: Capability(frozenset({R.ADMIN})),
    A.WAYBILL_IMPORT: Capability(IMPORTERS),
    # issue 11: the warehouse hands parcels to the courier (each order's move to shipped is
    # checked again as order.ship); the printer and the supervisor follow the day's lists
    A.HANDOVER_READ: Capability(frozenset({R.WAREHOUSE, R.PRINTER, R.SUPERVISOR})),
    A.HANDOVER_SCAN: Capability(frozenset({R.WAREHOUSE})),
    A.HANDOVER_CONFIRM: Capability(frozenset({R.WAREHOUSE})),
    # whoever brings the platform's orders in tells it what shipped
    A.SHIPMENTS_EXPORT: Capability(IMPORTERS),
    # issue 14: everyone sees their own sheet and the roster; the supervisor keeps both; the
    # administrator (the boss) approves the month and owns the rules
    A.SCORE_READ: Capability(ANYONE),
    A.SCORE_ALL: Capability(frozenset({R.SUPERVISOR, R.ADMIN})),
    A.SCORE_RECORD: Capability(frozenset({R.SUPERVISOR})),
    A.SCORE_APPROVE: Capability(frozenset({R.ADMIN})),
    A.ROSTER_READ: Capability(ANYONE),
    A.ROSTER_EDIT: Capability(frozenset({R.SUPERVISOR})),
    A.ROSTER_SWAP: Capability(ORDER_STAFF),
    # issue 13: after-sales and the supervisor see and work complaints and disputes; only the
    # supervisor confirms one against a person; the administrator sets the shop's deadlines
    A.COMPLAINT_READ: Capability(AFTERSALES),
    A.COMPLAINT_EDIT: Capability(AFTERSALES),
    A.COMPLAINT_CONFIRM: Capability(frozenset({R.SUPERVISOR})),
    A.COMPLAINT_SETTINGS: Capability(frozenset({R.ADMIN})),
    A.DISPUTE_READ: Capability(AFTERSALES),
    A.DISPUTE_EDIT: Capability(AFTERSALES),
    # issue 13: each person sees their own tasks; the supervisor reviews, reminds and alone
    # reassigns; the administrator sets how long each kind of work may take
    A.TASKS_READ: Capability(ANYONE),
    A.TASKS_ALL: Capability(frozenset({R.SUPERVISOR})),  # "the supervisor sees all"
    A.REVIEW_DONE: Capability(frozenset({R.SUPERVISOR})),
    A.TASK_REMIND: Capability(frozenset({R.SUPERVISOR})),
    A.TASK_REASSIGN: Capability(frozenset({R.SUPERVISOR})),
    A.DEADLINE_SETTINGS: Capability(frozenset({R.ADMIN})),
    A.CASE_CUSTOMER_TOLD: Capability(
        AFTERSALES,
        None,
        _case_state(
            _exchange_out,
            QT_TRANSLATE_NOOP(
                "UserError", "Case {case_no} is “{state}”: no exchange is on its way."
            ),
        ),
    ),
    A.CASE_CUSTOMER_RECEIVED: Capability(
        AFTERSALES,
        None,
        _case_state(
            _exchange_out,
            QT_TRANSLATE_NOOP(
                "UserError", "Case {case_no} is “{state}”: no exchange is on its way."
            ),
        ),
    ),
    A.CASE_PLATFORM_DEADLINE: Capability(
        AFTERSALES,
        None,
        _case_state(
            _refund_pending,
            QT_TRANSLATE_NOOP(
                "UserError", "Case {case_no} is “{state}”: no refund is pending on it."
            ),
        ),
    ),
    A.ORDER_MADE_TO_ORDER: Capability(ASKERS),
}


def case_action(action: CaseAction) -> Action:
    """The capability of a case dialog's button."""
    return Action(f"case.{action.value}")


def refused_role(action: Action) -> UserError:
    roles = sorted(TABLE[action].roles)
    return role_required(tuple(Label(role.label, "Role") for role in roles))


def refusal(action: Action, thing: Any, roles: frozenset[Role]) -> UserError | None:
    """Why a person holding ``roles`` may not do ``action`` to ``thing`` now; None if allowed."""
    capability = TABLE[Action(action)]
    if not capability.roles & roles:
        return refused_role(Action(action))
    if thing is not None and capability.state is not None:
        return capability.state(thing)
    return None


def why_not(action: Action, thing: Any, actor: Any) -> UserError | None:
    """None if ``actor`` may do ``action`` to ``thing`` now; else the reason, translatable."""
    return refusal(action, thing, actor.roles)


def may(action: Action, actor: Any, thing: Any = None) -> bool:
    return why_not(action, thing, actor) is None


def actions_on(subject: str | None) -> list[Action]:
    return [a for a, c in TABLE.items() if c.subject == subject]


def allowed_actions(thing: Any, actor: Any, subject: str | None = None) -> list[Action]:
    """Every action ``actor`` may do now to ``thing`` (a case, an order, a request row), or
    with ``thing`` None every action not tied to a record (``subject`` names the kind)."""
    kind = subject if thing is None else subject_of(thing)
    return [a for a in actions_on(kind) if why_not(a, thing, actor) is None]


def subject_of(thing: Any) -> str:
    if hasattr(thing, "case_no"):
        return CASE
    if hasattr(thing, "path") and hasattr(thing, "requested_by"):
        return REQUEST
    return ORDER


def _reachable(start: Any, edges: Iterable[tuple[Any, Any]]) -> set[Any]:
    """The states a thing in ``start`` may still reach through ``edges``, itself included."""
    seen, todo, edges = {start}, [start], list(edges)
    while todo:
        here = todo.pop()
        for frm, to in edges:
            if frm == here and to not in seen:
                seen.add(to)
                todo.append(to)
    return seen


def case_steps(case: Any, actor: Any) -> list[tuple[CaseAction, UserError | None]]:
    """Each step this person may still take on the case, with why it is not possible yet
    (None if it is): the case dialog shows the steps to come disabled, with the reason.
    Approvals and photos, which are not steps, only when possible."""
    kind = CaseType(_value(case.type))
    # linking is for a parcel nobody announced, never a step still to come
    moves = {
        (frm, to)
        for (frm, to), rule in case_rules.MOVES.items()
        if kind in rule.types and frm is not CaseState.UNANNOUNCED
    }
    ahead = _reachable(CaseState(_value(case.state)), moves)
    found: list[tuple[CaseAction, UserError | None]] = []
    for action in CaseAction:
        why = why_not(case_action(action), case, actor)
        target = case_rules.TARGET.get(action)
        to_come = any(to is target and frm in ahead for frm, to in moves)
        if why is None or (to_come and TABLE[case_action(action)].roles & actor.roles):
            found.append((action, why))
    return found


def request_steps(request: Any, actor: Any) -> list[tuple[RequestState, UserError | None]]:
    """The moves this person may still make on the request, each with why not yet (None: now)."""
    handover = _value(request.path) == RequestPath.HANDOVER.value
    # the other way of confirming is not this request's path
    moves = {
        (frm, to): action
        for (frm, to), action in change_rules.REQUEST_MOVES.items()
        if to is not (RequestState.OPEN if handover else RequestState.HANDED_OVER)
    }
    ahead = _reachable(RequestState(_value(request.state)), moves)
    return [
        (to, why_not(Action(action), request, actor))
        for (frm, to), action in moves.items()
        if frm in ahead and TABLE[Action(action)].roles & actor.roles
    ]


def case_actions(case: Any, actor: Any) -> list[CaseAction]:
    """The case dialog's steps this person may take now, in the workflow's order."""
    return [a for a in CaseAction if why_not(case_action(a), case, actor) is None]
