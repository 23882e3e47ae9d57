"""The one door every screen uses to take a step on an after-sales case.

``run_case_action`` opens the form the step needs (or a confirmation), runs the step's
service in one write ``Op`` against the version the user saw, and hands the case as it is
now to ``done``. A refusal is shown inside the form, which keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.cases.rows import CaseDetail
from app.services.cases.rules import CaseAction
from app.services.core.actor import Actor
from app.views.cases.case_forms import (
    ApproveEarlyExchangeForm,
    ApproveFreeFreightForm,
    CaseForm,
    CloseForm,
    Done,
    ExchangeShippedForm,
    LinkForm,
    ParcelReceivedForm,
    PhotoForm,
    RefundForm,
    ReturnForm,
    SignoffForm,
)

__all__ = ["FORMS", "CaseForm", "run_case_action"]

FORMS: dict[CaseAction, type[CaseForm]] = {
    CaseAction.LINK: LinkForm,
    CaseAction.RETURN: ReturnForm,
    CaseAction.SIGNOFF: SignoffForm,
    CaseAction.RECEIVED: ParcelReceivedForm,
    CaseAction.REFUND: RefundForm,
    CaseAction.EXCHANGE_SHIPPED: ExchangeShippedForm,
    CaseAction.CLOSE: CloseForm,
    CaseAction.APPROVE_FREE_FREIGHT: ApproveFreeFreightForm,
    CaseAction.APPROVE_EARLY_EXCHANGE: ApproveEarlyExchangeForm,
    CaseAction.PHOTO: PhotoForm,
}


def run_case_action(
    parent: QWidget, actor: Actor, detail: CaseDetail, action: CaseAction, done: Done
) -> None:
    """Ask for what the step needs, run it, and call ``done`` with the case as it is now.

    The form is window-modal without a nested event loop (``open``); tests find it as the
    parent's child ``CaseForm``.
    """
    form = FORMS[action](parent, actor, detail, done)
    form.open()
