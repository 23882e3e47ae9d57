"""The order's stage table: every (from, to) move, the capability it needs, the stamps it sets.

docs/domain.md's pipeline as data. Who may make each move is in the capability table
(app/services/core/capabilities.py) under the move's action; the one guard that makes a
move is ``moves.move_stage``. A move declares its stamps here instead of each workflow
writing them by hand (Tryton's ``Workflow.transition`` + ``set_employee``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.models import Stage


@dataclass(frozen=True)
class StageMove:
    action: str  # the capability table's action for this move
    # who-and-when columns of the order this move stamps: the actor's id and the database time
    by: str = "updated_by_id"
    at: str = "updated_at"
    by_hand: bool = False  # a person makes it with ``afterdesk orders stage`` (or a button)

    def stamps(self, user_id: int, now: datetime) -> dict[str, Any]:
        """The column values the move writes besides the stage (an ORM object or an UPDATE);
        every move is also the order's last change (a conflict message names who made it)."""
        return {"updated_by_id": user_id, "updated_at": now, self.by: user_id, self.at: now}


S = Stage
STAGE_MOVES: dict[tuple[Stage, Stage], StageMove] = {
    (S.PAID, S.PRINTED): StageMove("order.print"),  # a recorded batch
    # the packing desk (app/services/packing) or ``orders stage``: who packed it and when
    (S.PRINTED, S.PACKED): StageMove("order.pack", by="packed_by_id", at="packed_at", by_hand=True),
    (S.PACKED, S.SHIPPED): StageMove("order.ship", by_hand=True),
    (S.SHIPPED, S.DELIVERED): StageMove("order.deliver", by_hand=True),
    (S.DELIVERED, S.CLOSED): StageMove("order.close", by_hand=True),
    # a cancellation the printer carried out (docs/domain.md rule 2: the printer voids)
    (S.AWAITING_PAYMENT, S.CANCELLED): StageMove("order.void"),  # imported unpaid (issue 10)
    (S.PAID, S.CANCELLED): StageMove("order.void"),
    (S.PRINTED, S.CANCELLED): StageMove("order.void"),
    (S.PACKED, S.CANCELLED): StageMove("order.void"),
}
STAGE_ACTIONS = frozenset(m.action for m in STAGE_MOVES.values())

# The moves an import makes as the platform reports them (docs/imports.md): forward only, by
# the person importing. Printed and packed are this shop's own desks' to make; a printed or
# packed order that the platform ended becomes a printer request instead (docs/domain.md
# rule 2), so no move ends one here.
_PLATFORM = StageMove("import.orders")
PLATFORM_MOVES: dict[tuple[Stage, Stage], StageMove] = {
    (S.AWAITING_PAYMENT, S.PAID): _PLATFORM,
    (S.AWAITING_PAYMENT, S.CANCELLED): _PLATFORM,  # never paid: the buyer gave up
    (S.PAID, S.CANCELLED): _PLATFORM,  # refunded before anything was printed
    # shipped with the platform's own tool, or after this shop's desks (reported back)
    (S.AWAITING_PAYMENT, S.SHIPPED): _PLATFORM,  # cash on delivery
    (S.AWAITING_PAYMENT, S.DELIVERED): _PLATFORM,
    (S.PAID, S.SHIPPED): _PLATFORM,
    (S.PAID, S.DELIVERED): _PLATFORM,
    (S.PRINTED, S.SHIPPED): _PLATFORM,
    (S.PRINTED, S.DELIVERED): _PLATFORM,
    (S.PACKED, S.SHIPPED): _PLATFORM,
    (S.PACKED, S.DELIVERED): _PLATFORM,
    (S.SHIPPED, S.DELIVERED): _PLATFORM,
    (S.SHIPPED, S.CLOSED): _PLATFORM,  # refunded after the parcel left: an after-sales case
    (S.DELIVERED, S.CLOSED): _PLATFORM,
}


def moves_from(stage: Stage) -> list[tuple[Stage, StageMove]]:
    return [(to, m) for (frm, to), m in STAGE_MOVES.items() if frm is stage]
