"""Change requests as data (docs/domain.md rule 2): paths by stage, the request's moves.

The views enable buttons from ``allowed_actions`` and ``path_for``; the services
refuse anything else with the same tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.models import RequestKind, RequestPath, RequestState, Role, Stage
from app.models.errors import TransitionRefused
from app.models.i18n import QT_TRANSLATE_NOOP, Label

if TYPE_CHECKING:
    from app.services.changes.queries import RequestView

ASKERS = (Role.PRESALES, Role.AFTERSALES, Role.SUPERVISOR)

# docs/domain.md rule 2, as data: the stage an order has reached decides the path.
CHANGE_PATHS: dict[Stage, RequestPath] = {
    Stage.PAID: RequestPath.APPLY,
    Stage.PRINTED: RequestPath.AMEND_SLIPS,
    Stage.PACKED: RequestPath.RETRIEVE_PARCEL,
    Stage.SHIPPED: RequestPath.HANDOVER,
    Stage.DELIVERED: RequestPath.HANDOVER,
}
CANCEL_PATHS: dict[Stage, RequestPath] = {
    Stage.PAID: RequestPath.VOID,
    Stage.PRINTED: RequestPath.RETRIEVE_SLIPS_VOID,
    Stage.PACKED: RequestPath.RETRIEVE_PARCEL_VOID,
    Stage.SHIPPED: RequestPath.HANDOVER,
    Stage.DELIVERED: RequestPath.HANDOVER,
}
# paths whose change is made in the system when the customer confirms
APPLIED_ON_CONFIRM = {RequestPath.APPLY, RequestPath.AMEND_SLIPS, RequestPath.RETRIEVE_PARCEL}
VOIDING = {RequestPath.VOID, RequestPath.RETRIEVE_SLIPS_VOID, RequestPath.RETRIEVE_PARCEL_VOID}
# the request's own state table: (from, to) -> who may make the move
REQUEST_MOVES: dict[tuple[RequestState, RequestState], tuple[Role, ...]] = {
    (RequestState.AWAITING_CONFIRMATION, RequestState.OPEN): ASKERS,
    (RequestState.AWAITING_CONFIRMATION, RequestState.HANDED_OVER): ASKERS,
    (RequestState.AWAITING_CONFIRMATION, RequestState.WITHDRAWN): ASKERS,
    (RequestState.OPEN, RequestState.DONE): (Role.PRINTER,),
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


def allowed_actions(request: RequestView, roles: frozenset[Role]) -> list[RequestState]:
    """Moves this person may make on the request: the views enable buttons from this."""
    return [
        to
        for (frm, to), who in REQUEST_MOVES.items()
        if frm is request.state
        and set(who) & roles
        and (to is not RequestState.OPEN or request.path is not RequestPath.HANDOVER)
        and (to is not RequestState.HANDED_OVER or request.path is RequestPath.HANDOVER)
    ]
