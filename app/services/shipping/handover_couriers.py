"""The courier a hand-over list is for, as typed or chosen: its code (ZTO), its name (中通快递)
or an alias (中通), found in the courier table the waybill commands use
(``dispatch.waybills.Couriers``), so ``handover add ZTO`` and the page's 中通快递 open the same
list and match the same orders. A courier the table does not know is taken as written only
when parcels carry that name (e.g. a Shopify shop's UPS); otherwise refused naming the known."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from app.models import Case, Handover, Order, Stage
from app.services.dispatch.waybills import Couriers
from app.services.shipping.handover_rules import clean_courier


@dataclass(frozen=True)
class ListCourier:
    """A hand-over list's courier: the name its list and manifest carry, and the table that
    says whether an order's courier, however spelt, is the same one."""

    name: str
    known: Couriers

    def carries(self, spelling: str) -> bool:
        """Whether a parcel whose order names ``spelling`` goes with this courier."""
        if spelling == self.name:
            return True
        found = self.known.find(spelling)
        return found is not None and found.name == self.name


def _in_use(session: Session, name: str) -> bool:
    """Parcels packed for ``name``, or a list open for it."""
    return bool(
        session.execute(
            select(
                or_(
                    exists().where(Order.courier == name, Order.stage == Stage.PACKED.value),
                    exists().where(Handover.open_courier == name),
                    exists().where(Case.exchange_courier == name, Case.exchange_at.is_(None)),
                )
            )
        ).scalar()
    )


def list_courier(session: Session, typed: str) -> ListCourier:
    """The courier named by ``typed`` (code, name or alias); refused, naming the couriers
    known, when no courier has that name and no parcel carries it."""
    text = clean_courier(typed)
    known = Couriers(session)
    found = known.find(text)
    if found is not None:
        return ListCourier(found.name, known)
    if not _in_use(session, text):
        known.get(text)  # refused: “No courier … is known (known: SF, ZTO, …)”
    return ListCourier(text, known)


def of_list(session: Session, name: str) -> ListCourier:
    """An open list's own courier (its name as stored)."""
    return ListCourier(name, Couriers(session))
