"""Deadlines and complaint categories (issue 13: "administrators set deadlines"), opened from the
Shops page: the administrator's save lands whole; a bad value is refused naming its field and
nothing is saved; no one else opens or saves it, on screen or on the command line. SQLite and
PostgreSQL."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Complaint, Role, Shop
from app.models.complaint_enums import Channel, Priority
from app.models.errors import UserError
from app.services.complaints import complaints
from app.services.complaints import settings as complaint_settings
from app.services.core.actor import Actor
from app.services.supervision import deadline_form, deadline_settings, worktime
from app.services.supervision.deadlines import TaskKind
from app.views.kit.ops import wait_for_ops
from app.views.shell.shops_page import ShopsPage
from app.views.supervision.deadlines_dialog import DeadlinesDialog
from tests.test_cli import afterdesk


def _complaint(db: Database, actor: Actor, category: str) -> str:
    return db.write(
        lambda s: complaints.open_complaint(
            s, actor, channel=Channel.IM, customer="tb_客", category=category,
            priority=Priority.GENERAL, text="还没到",
        )
    ).complaint_no  # fmt: skip


REFUNDS = "deadline_hours:refund_waiting"
PAGES: list[ShopsPage] = []  # the dialog's parent lives as long as the test


def _dialog(qtbot: QtBot, actor: Actor) -> DeadlinesDialog:
    page = ShopsPage(actor)
    PAGES[:] = [page]
    qtbot.addWidget(page)
    assert page.deadlines_button.isEnabled()
    page.deadlines_button.click()
    dialog = page.deadlines_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.form is not None, timeout=10_000)
    return dialog


def _choose(dialog: DeadlinesDialog, name: str) -> None:
    dialog.category_list.setCurrentRow([c.name for c in dialog.rows].index(name))


def _kind_row(dialog: DeadlinesDialog, kind: TaskKind) -> int:
    assert dialog.form is not None
    return [k.kind for k in dialog.form.kinds].index(kind)


def _settings(db: Database) -> dict[str, object]:
    def read(s: Session) -> dict[str, object]:
        shop = s.query(Shop.id).order_by(Shop.name).first()[0]  # the dialog's first
        return {
            "categories": complaint_settings.categories(s),
            "rows": [(r.name, r.in_use, r.retired) for r in complaint_settings.category_rows(s)],
            "urgent": complaint_settings.deadlines(s, Priority.URGENT),
            "team": deadline_settings.durations(s),
            "refund_shop": deadline_settings.settings(s).get(
                f"deadline_hours:refund_waiting:{shop}"
            ),
            "hours": worktime.hours_for(s),
            "shop_hours": worktime.hours_for(s, shop),
        }

    return db.read(read)


def test_an_administrator_saves_categories_deadlines_and_hours_at_once(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    no = _complaint(gui_shop, actors[Role.AFTERSALES], "物流")
    dialog = _dialog(qtbot, actors[Role.ADMIN])
    _choose(dialog, "物流")  # in use: retired or renamed, never deleted
    assert not dialog.delete_button.isEnabled()
    assert "used by 1 complaint" in dialog.delete_button.toolTip()
    dialog.category_name.setText("物流慢")
    dialog.rename_category()
    _choose(dialog, "回复慢")
    dialog.retire_category()
    # a retired category offers to bring it back instead
    assert dialog.bring_back_button.isVisible() and not dialog.retire_button.isVisible()
    _choose(dialog, "退款")  # unused: may go
    assert dialog.delete_button.isEnabled()
    dialog.delete_category()
    dialog.category_name.setText("包装破损")
    dialog.add_category()
    respond, resolve = dialog.priority_edits[Priority.URGENT]
    respond.setText("3")
    resolve.setText("20")
    row = _kind_row(dialog, TaskKind.REFUND_WAITING)
    dialog.kinds_table.item(row, 0).setText("12")
    dialog.kinds_table.item(row, 1).setText("6")  # the first shop's own
    dialog.hours_table.item(0, 0).setText("09:00-11:30，12:30-18:30")
    dialog.hours_table.item(1, 0).setText("10:00-18:00")
    with qtbot.waitSignal(dialog.saved_form, timeout=10_000):
        dialog.save()
    assert not errors and not dialog.isVisible()
    saved = _settings(gui_shop)
    assert saved["categories"] == ["服务态度", "发错货", "质量问题", "物流慢", "包装破损"]
    assert ("回复慢", 0, True) in saved["rows"] and ("物流慢", 1, False) in saved["rows"]
    renamed = gui_shop.read(lambda s: s.query(Complaint).filter_by(complaint_no=no).one().category)
    assert renamed == "物流慢"  # its complaint carries the new name
    assert saved["urgent"] == complaint_settings.Deadlines(3, 20)
    team = {r.kind: r.hours for r in saved["team"]}  # type: ignore[attr-defined]
    assert team[TaskKind.REFUND_WAITING] == 12 and team[TaskKind.UNANNOUNCED] == 24
    assert saved["refund_shop"] == "6"
    assert worktime.text_of(saved["hours"]) == "09:00-11:30, 12:30-18:30"  # type: ignore[arg-type]
    assert worktime.text_of(saved["shop_hours"]) == "10:00-18:00"  # type: ignore[arg-type]
    # a retired category is not offered for a new complaint
    with pytest.raises(UserError, match="not one of the shop's categories"):
        _complaint(gui_shop, actors[Role.AFTERSALES], "回复慢")


@pytest.mark.parametrize(
    ("where", "bad", "says"),
    [
        ("kind", "abc", "Cases waiting for a refund: “abc” is not a number of hours"),
        ("resolve", "1", "Urgent: The resolution deadline cannot come before"),
        ("hours", "18:00-09:00", "Working hours: The shift “18:00-09:00” ends before it starts."),
    ],
)
def test_a_bad_value_is_refused_by_its_field_and_nothing_is_saved(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], where: str, bad: str, says: str
) -> None:
    before = _settings(gui_shop)
    dialog = _dialog(qtbot, actors[Role.ADMIN])
    _choose(dialog, "物流")
    dialog.category_name.setText("物流慢")
    dialog.rename_category()  # a good change beside the bad one: not saved either
    dialog.priority_edits[Priority.URGENT][0].setText("3")
    row = _kind_row(dialog, TaskKind.REFUND_WAITING)
    dialog.kinds_table.item(row, 0).setText(bad if where == "kind" else "12")
    if where == "resolve":
        dialog.priority_edits[Priority.URGENT][1].setText(bad)
    if where == "hours":
        dialog.hours_table.item(0, 0).setText(bad)
    dialog.save()
    assert wait_for_ops()
    qtbot.waitUntil(lambda: says in dialog.banner.text(), timeout=10_000)
    assert "Nothing was saved." in dialog.banner.text() and dialog.isVisible()
    assert _settings(gui_shop) == before


def test_only_an_administrator_opens_or_saves_the_deadlines(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], db_url: str
) -> None:
    supervisor = actors[Role.SUPERVISOR]
    page = ShopsPage(supervisor)  # the supervisor sets the cut-off here, not the deadlines
    qtbot.addWidget(page)
    assert not page.deadlines_button.isEnabled()
    assert "This needs the Administrator role" in page.deadlines_button.toolTip()
    dialog = DeadlinesDialog(None, supervisor)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "This needs the Administrator role" in dialog.banner.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    before = _settings(gui_shop)
    changes = deadline_form.Changes([], {Priority.URGENT: ("1", "2")}, {})
    for who in (supervisor, actors[Role.AFTERSALES]):
        with pytest.raises(UserError, match="This needs the Administrator role"):
            gui_shop.write(lambda s, w=who: deadline_form.save(s, w, changes))
        with pytest.raises(UserError, match="This needs the Administrator role"):
            gui_shop.read(lambda s, w=who: deadline_form.load(s, w))
    for argv in (
        ["deadline", "hours", "09:00-18:00"],
        ["deadline", "set", "refund_waiting", "6"],
        ["complaint", "categories", "--set", "物流"],
        ["complaint", "deadlines", "--priority", "urgent", "--respond", "1", "--resolve", "2"],
    ):
        refused = afterdesk(db_url, *argv, user="supervisor")
        assert refused.returncode == 2 and "This needs the Administrator role" in refused.stderr
    assert _settings(gui_shop) == before


def test_saving_keeps_a_shop_on_the_clock_that_the_screen_shows_empty(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    """`deadline hours "" --shop` keeps a shop on the clock while the team works shifts: its
    cell is empty like a shop that follows the team, and a save of something else keeps it."""
    admin = actors[Role.ADMIN]

    def shifts(s: Session) -> None:
        shop = s.query(Shop.id).order_by(Shop.name).first()[0]
        deadline_settings.set_hours(s, admin, "09:00-18:00")
        deadline_settings.set_hours(s, admin, "", shop)

    gui_shop.write(shifts)
    dialog = _dialog(qtbot, admin)
    assert dialog.hours_table.item(1, 0).text() == ""
    dialog.priority_edits[Priority.GENERAL][0].setText("12")
    with qtbot.waitSignal(dialog.saved_form, timeout=10_000):
        dialog.save()
    saved = _settings(gui_shop)
    assert saved["shop_hours"] == worktime.ON_THE_CLOCK and saved["hours"] != saved["shop_hours"]
    assert gui_shop.read(lambda s: complaint_settings.deadlines(s, Priority.GENERAL)).respond == 12
