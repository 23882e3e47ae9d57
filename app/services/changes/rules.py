"""Change requests as data (docs/domain.md rule 2): paths by stage, the request's moves.

The capability table (core/capabilities.py) reads these tables for its state conditions:
the views enable buttons from it, and the services refuse anything else with it.
"""

from __future__ import annotations

from typing import Any

from app.models import RequestKind, RequestPath, RequestState, Stage
from app.models.errors import TransitionRefused, UserError
from app.models.i18n import QT_TRANSLATE_NOOP, Label

# docs/domain.md rule 2, as data: the stage an order has reached decides the path.
CHANGE_PATHS: dict[Stage, RequestPath] = {
    Stage.AWAITING_PAYMENT: RequestPath.APPLY,  # imported unpaid: nothing printed yet
    Stage.PAID: RequestPath.APPLY,
    Stage.PRINTED: RequestPath.AMEND_SLIPS,
    Stage.PACKED: RequestPath.RETRIEVE_PARCEL,
    Stage.SHIPPED: RequestPath.HANDOVER,
    Stage.DELIVERED: RequestPath.HANDOVER,
}
CANCEL_PATHS: dict[Stage, RequestPath] = {
    Stage.AWAITING_PAYMENT: RequestPath.VOID,
    Stage.PAID: RequestPath.VOID,
    Stage.PRINTED: RequestPath.RETRIEVE_SLIPS_VOID,
    Stage.PACKED: RequestPath.RETRIEVE_PARCEL_VOID,
    Stage.SHIPPED: RequestPath.HANDOVER,
    Stage.DELIVERED: RequestPath.HANDOVER,
}
# paths whose change is made in the system when the customer confirms
APPLIED_ON_CONFIRM = {RequestPath.APPLY, RequestPath.AMEND_SLIPS, RequestPath.RETRIEVE_PARCEL}
VOIDING = {RequestPath.VOID, RequestPath.RETRIEVE_SLIPS_VOID, RequestPath.RETRIEVE_PARCEL_VOID}
# the request's own state table: (from, to) -> the capability (who: core/capabilities.py)
REQUEST_MOVES: dict[tuple[RequestState, RequestState], str] = {
    (RequestState.AWAITING_CONFIRMATION, RequestState.OPEN): "request.confirm",
    (RequestState.AWAITING_CONFIRMATION, RequestState.HANDED_OVER): "request.handover",
    (RequestState.AWAITING_CONFIRMATION, RequestState.WITHDRAWN): "request.withdraw",
    (RequestState.OPEN, RequestState.DONE): "request.done",
}
ACTIVE = (RequestState.AWAITING_CONFIRMATION, RequestState.OPEN)


def path_for(kind: RequestKind, stage: Stage, order_no: str) -> RequestPath:
    table = CANCEL_PATHS if kind is RequestKind.CANCEL else CHANGE_PATHS
    path = table.get(stage)
    if path is None:
        if kind is RequestKind.CANCEL and stage is Stage.CANCELLED:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP("UserError", "Order {order_no} is already cancelled."),
                order_no=order_no,
            )
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Order {order_no} is “{stage}”: it can no longer be changed."
            ),
            order_no=order_no,
            stage=Label(stage.label, "Stage"),
        )
    return path


def refusal(request: Any, to: RequestState) -> UserError | None:
    """Why the request (a row or a ``RequestView``) cannot move to ``to`` now; None if it can."""
    current, path = RequestState(request.state), RequestPath(request.path)
    handover = path is RequestPath.HANDOVER
    if (current, to) not in REQUEST_MOVES or (
        (to is RequestState.OPEN and handover) or (to is RequestState.HANDED_OVER and not handover)
    ):
        return TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "Request #{id} is “{state}”: it cannot become “{to}”."),
            id=request.id,
            state=Label(current.label, "RequestState"),
            to=Label(to.label, "RequestState"),
        )
    return None
