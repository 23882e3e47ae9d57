"""My tasks past its first page (issue 13): each kind shows its first 50 with its true count, so
the printer's overdue request is not hidden behind a backlog of unprinted orders; the rest is
read a kind at a time or all at once; a scan finds a task wherever it is in the list; and
`afterdesk tasks` says what it left out. On SQLite and PostgreSQL, with a fixed clock."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from app.db import Database
from app.models import Role, Stage
from app.services.changes import requests as changes
from app.services.core.actor import Actor
from app.services.orders import lookup as orders
from app.services.orders import made_to_order
from app.services.supervision import clock
from app.services.supervision import tasks as task_lists
from app.services.supervision.deadlines import PAGE, TaskKind
from tests.test_cli import afterdesk

K = TaskKind


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> str:
    """Three days on: every unprinted order and every request is past its deadline."""
    when = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    monkeypatch.setenv(clock.ENV, when)
    return when


def paid_orders(db: Database) -> list[str]:
    return [r.order_no for r in db.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=500))]


def printer_backlog(db: Database, staff: dict[Role, Actor]) -> tuple[str, str, int]:
    """More unprinted orders than a page, a cancellation with the printer (its order, its
    request's id) and a made-to-order order: the printer's three kinds of work."""
    paid = paid_orders(db)
    assert len(paid) > PAGE + 10, len(paid)
    asker = staff[Role.PRESALES]
    newest = paid[0]  # the list's first: the newest payment
    request = db.write(
        lambda s: changes.request_cancel(s, asker, newest, reason="买错了", confirmed=True)
    )
    db.write(lambda s: made_to_order.mark(s, asker, paid[1]))
    return newest, paid[1], request.id


def test_each_kind_shows_its_first_page_and_its_count_so_nothing_hides(
    shop_db: Database, shop_staff, later
) -> None:
    request_order, custom, request_id = printer_backlog(shop_db, shop_staff)
    printer = shop_staff[Role.PRINTER]
    listing = shop_db.read(lambda s: task_lists.my_tasks(s, printer))
    counts = {c.kind: c for c in listing.counts}
    assert set(counts) == {K.NOT_PRINTED, K.PRINTER_REQUEST, K.MADE_TO_ORDER}
    unprinted = counts[K.NOT_PRINTED]
    assert unprinted.shown == PAGE and unprinted.open > PAGE and unprinted.counted
    assert unprinted.overdue == unprinted.open and unprinted.more == unprinted.open - PAGE
    assert (counts[K.PRINTER_REQUEST].open, counts[K.PRINTER_REQUEST].overdue) == (1, 1)
    # the request, the newest of all, is on the first page with the made-to-order order
    request = next(t for t in listing.tasks if t.kind is K.PRINTER_REQUEST)
    assert (request.key, request.open_key, request.opens) == (
        str(request_id),
        request_order,
        "request",
    )
    assert request.overdue(listing.now)
    assert any(t.kind is K.MADE_TO_ORDER and t.key == custom for t in listing.tasks)
    assert len(listing.tasks) == PAGE + 2
    assert listing.total() == (unprinted.open + 2, unprinted.open + 2)
    # read further: the unprinted orders' next page, then all of them
    further = shop_db.read(
        lambda s: task_lists.my_tasks(s, printer, limit={K.NOT_PRINTED: 2 * PAGE})
    )
    assert sum(t.kind is K.NOT_PRINTED for t in further.tasks) == min(2 * PAGE, unprinted.open)
    everything = shop_db.read(lambda s: task_lists.my_tasks(s, printer, limit=None))
    assert len(everything.tasks) == unprinted.open + 2
    assert all(not c.more for c in everything.counts)


def test_a_scan_finds_a_task_beyond_the_page_and_only_the_persons_own(
    shop_db: Database, shop_staff, later
) -> None:
    request_order, _custom, request_id = printer_backlog(shop_db, shop_staff)
    printer, aftersales = shop_staff[Role.PRINTER], shop_staff[Role.AFTERSALES]
    shown = {t.key for t in shop_db.read(lambda s: task_lists.my_tasks(s, printer)).tasks}
    beyond = next(no for no in reversed(paid_orders(shop_db)) if no not in shown)
    found = shop_db.read(lambda s: task_lists.task_for(s, printer, beyond))
    assert found is not None and (found.kind, found.key) == (K.NOT_PRINTED, beyond)
    # the request's own number, or its order's, with the more urgent task on that order
    by_id = shop_db.read(lambda s: task_lists.task_for(s, printer, str(request_id)))
    assert by_id is not None and by_id.kind is K.PRINTER_REQUEST
    on_order = shop_db.read(lambda s: task_lists.task_for(s, printer, request_order))
    assert on_order is not None and on_order.open_key == request_order
    # not after-sales' work; nothing at all for an unknown number
    assert shop_db.read(lambda s: task_lists.task_for(s, aftersales, beyond)) is None
    assert shop_db.read(lambda s: task_lists.task_for(s, printer, "NOPE-1")) is None


def test_the_command_line_says_what_it_left_out_and_lists_everything_on_asking(
    shop_db: Database, shop_staff, later, db_url: str
) -> None:
    _order, _custom, request_id = printer_backlog(shop_db, shop_staff)
    printer = shop_staff[Role.PRINTER]
    unprinted = next(
        c.open
        for c in shop_db.read(lambda s: task_lists.my_tasks(s, printer)).counts
        if c.kind is K.NOT_PRINTED
    )
    text = afterdesk(db_url, "tasks", user="printer", AFTERDESK_NOW=later)
    assert text.returncode == 0, text.stderr
    assert f"Showing {PAGE} of {unprinted}: Paid orders not printed by the cut-off." in text.stdout
    assert "For the rest: --all, or --limit N (rows of each kind)." in text.stdout
    assert f"Printer requests overdue  {request_id}" in text.stdout
    listed = afterdesk(db_url, "tasks", "--json", user="printer", AFTERDESK_NOW=later)
    assert len(json.loads(listed.stdout)) == PAGE + 2  # the JSON stays a list …
    assert f"Showing {PAGE} of {unprinted}" in listed.stderr  # … and the note goes aside
    every = afterdesk(db_url, "tasks", "--all", "--json", user="printer", AFTERDESK_NOW=later)
    assert len(json.loads(every.stdout)) == unprinted + 2 and not every.stderr
    fewer = afterdesk(db_url, "tasks", "--limit", "3", user="printer", AFTERDESK_NOW=later)
    assert f"Showing 3 of {unprinted}" in fewer.stdout


def test_the_review_on_the_command_line_says_what_it_left_out_and_lists_everything_on_asking(
    shop_db: Database, shop_staff, later, db_url: str
) -> None:
    printer_backlog(shop_db, shop_staff)
    printer = shop_staff[Role.PRINTER]
    unprinted = next(
        c.open
        for c in shop_db.read(lambda s: task_lists.my_tasks(s, printer)).counts
        if c.kind is K.NOT_PRINTED
    )
    label = "Paid orders not printed by the cut-off"

    def not_printed(result) -> dict:
        assert result.returncode == 0, result.stderr
        return next(k for k in json.loads(result.stdout)["kinds"] if k["kind"] == "not_printed")

    first = afterdesk(db_url, "review", "--json", user="supervisor", AFTERDESK_NOW=later)
    kind = not_printed(first)
    assert (kind["open"], kind["shown"], kind["not_shown"]) == (unprinted, PAGE, unprinted - PAGE)
    assert len(kind["tasks"]) == PAGE
    assert f"Showing {PAGE} of {unprinted}: {label}." in first.stderr  # the JSON keeps its shape
    assert "For the rest: --all, or --limit N (rows of each kind)." in first.stderr
    every = afterdesk(db_url, "review", "--all", "--json", user="supervisor", AFTERDESK_NOW=later)
    kind = not_printed(every)
    assert (len(kind["tasks"]), kind["not_shown"]) == (unprinted, 0) and not every.stderr
    starts = [t["start"] for t in kind["tasks"]]
    assert starts == sorted(starts)  # oldest first
    fewer = afterdesk(db_url, "review", "--limit", "3", user="supervisor", AFTERDESK_NOW=later)
    assert fewer.returncode == 0, fewer.stderr
    assert f"Showing 3 of {unprinted}: {label}." in fewer.stdout
