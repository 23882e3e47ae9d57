"""The pages a person sees, in the navigation's order, and the rule that opens each.

The main window builds its pages from these rules; the first start's last page names them, so
a new administrator knows what their roles bring before the window opens. Each title is the
page's own (same translation context), so both say the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.views.cases.scan_page import returns_desk


@dataclass(frozen=True)
class Door:
    key: str
    context: str  # the page's translation context: its title is translated there
    title: str
    opens: Callable[[Actor], bool]


def _any(*actions: Action) -> Callable[[Actor], bool]:
    return lambda actor: any(may(action, actor) for action in actions)


# every page is there because the capability table lets this person use it; My tasks first,
# for everyone: what is mine to do (docs/supervision.md)
DOORS = (
    Door(
        "tasks",
        "MyTasksPage",
        QT_TRANSLATE_NOOP("MyTasksPage", "My tasks"),
        _any(Action.TASKS_READ),
    ),
    Door(
        "orders", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Orders"), _any(Action.ORDER_READ)
    ),
    # the request channel (docs/domain.md rule 3): the printer's queue, the asker's own list
    Door(
        "requests",
        "RequestsPage",
        QT_TRANSLATE_NOOP("RequestsPage", "Request queue"),
        _any(Action.REQUEST_DONE),
    ),
    Door(
        "my_requests",
        "RequestsPage",
        QT_TRANSLATE_NOOP("RequestsPage", "My requests"),
        _any(Action.REQUEST_CONFIRM),
    ),
    # supervisors approve exceptions on the cases
    Door(
        "aftersales",
        "AftersalesPage",
        QT_TRANSLATE_NOOP("AftersalesPage", "After-sales"),
        _any(Action.CASE_OPEN),
    ),
    # complaints (投诉) and disputes (维权)
    Door(
        "complaints",
        "ComplaintsPage",
        QT_TRANSLATE_NOOP("ComplaintsPage", "Complaints"),
        _any(Action.COMPLAINT_READ),
    ),
    Door(
        "printer", "PrintPage", QT_TRANSLATE_NOOP("PrintPage", "Printing"), _any(Action.PRINT_BATCH)
    ),
    Door(
        "exchanges",
        "MainWindow",
        QT_TRANSLATE_NOOP("MainWindow", "Exchanges to print"),
        _any(Action.PRINT_EXCHANGE),
    ),
    Door(
        "packing",
        "PackingPage",
        QT_TRANSLATE_NOOP("PackingPage", "Packing desk"),
        _any(Action.ORDER_PACK),
    ),
    Door(
        "handover",
        "HandoverPage",
        QT_TRANSLATE_NOOP("HandoverPage", "Hand-over"),
        _any(Action.HANDOVER_READ),
    ),
    # the warehouse signs for returns; the printer signs 原包裹已收到 for recalls
    Door(
        "scan",
        "ScanPage",
        QT_TRANSLATE_NOOP("ScanPage", "Returns desk"),
        _any(Action.CASE_SIGNOFF, Action.CASE_RECEIVED),
    ),
    Door(
        "supervisor",
        "ReviewPage",
        QT_TRANSLATE_NOOP("ReviewPage", "Daily review"),
        _any(Action.REVIEW),
    ),
    Door("staff", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Staff"), _any(Action.USER_LIST)),
    Door(
        "shops",
        "MainWindow",
        QT_TRANSLATE_NOOP("MainWindow", "Shops"),
        _any(Action.SHOP_EDIT, Action.CUTOFF_SET),
    ),
    # everyone sees what came in; importers import
    Door(
        "imports",
        "ImportPage",
        QT_TRANSLATE_NOOP("ImportPage", "Import"),
        _any(Action.IMPORT_HISTORY),
    ),
    # one's own sheet; everyone's for the supervisor
    Door(
        "scores",
        "ScorePage",
        QT_TRANSLATE_NOOP("ScorePage", "Score sheet"),
        _any(Action.SCORE_READ),
    ),
    Door(
        "roster",
        "RosterPage",
        QT_TRANSLATE_NOOP("RosterPage", "Duty roster"),
        _any(Action.ROSTER_READ),
    ),
)
RECALLED = QT_TRANSLATE_NOOP("ScanPage", "Recalled parcels")
_DOORS = {door.key: door for door in DOORS}


def opens(key: str, actor: Actor) -> bool:
    """Whether ``actor`` sees the page ``key``."""
    return _DOORS[key].opens(actor)


def keys(actor: Actor) -> list[str]:
    """The pages ``actor`` sees, in the navigation's order."""
    return [door.key for door in DOORS if door.opens(actor)]


def title(key: str, actor: Actor) -> str:
    """The navigation's entry for the page ``key``, in the language shown: the page's own
    title, known before the page is built."""
    door = _DOORS[key]
    recalled = key == "scan" and not returns_desk(actor)
    return QCoreApplication.translate(door.context, RECALLED if recalled else door.title)


def titles(actor: Actor) -> list[str]:
    """The navigation's entries ``actor`` will see, in order, in the language shown."""
    return [title(key, actor) for key in keys(actor)]
