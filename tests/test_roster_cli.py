"""The duty roster through ``afterdesk roster``: a swap asked by the two people, the
supervisor's day edits, regenerating a month, who is on duty now (docs/scores.md)."""

from __future__ import annotations

import json

from app.models import Role
from app.services.roster import rotation
from tests.score_helpers import NOVEMBER
from tests.test_cli import afterdesk


def test_a_swap_is_asked_agreed_and_approved_on_the_command_line(staff, db, db_url) -> None:
    db.write(lambda s: rotation.generate(s, staff[Role.SUPERVISOR], NOVEMBER))
    run = lambda *a, user="presales": afterdesk(db_url, *a, user=user, lang="zh_CN")  # noqa: E731
    asked = run("roster", "swap", "2026-11-03", "aftersales", "--reason", "家里有事")
    assert asked.returncode == 0, asked.stderr
    assert "aftersales" in asked.stdout and "roster agree 1" in asked.stdout, asked.stdout
    early = run("roster", "approve", "1", user="supervisor")
    assert early.returncode != 0 and "等待 aftersales 同意" in early.stderr, early.stderr
    mine = run("roster", "agree", "1")  # the asker cannot agree for the colleague
    assert mine.returncode != 0 and "只有 aftersales" in mine.stderr, mine.stderr
    agreed = run("roster", "agree", "1", user="aftersales")
    assert agreed.returncode == 0, agreed.stderr
    listed = json.loads(run("roster", "swaps", "--month", "2026-11", "--json").stdout)
    assert listed[0]["state"] == "agreed" and listed[0]["agreed_at"]
    assert run("roster", "approve", "1", user="supervisor").returncode == 0
    shown = json.loads(run("roster", "show", "--month", "2026-11", "--json").stdout)
    days = {p["username"]: p["days"]["2026-11-03"] for p in shown["people"]}
    assert (days["presales"], days["aftersales"]) == ("service_early", "service_late")
    # a second one, taken back by the colleague before the supervisor saw it
    assert run("roster", "swap", "2026-11-05", "aftersales").returncode == 0
    assert run("roster", "withdraw", "2", user="printer").returncode != 0  # not theirs
    withdrawn = run("roster", "withdraw", "2", user="aftersales")
    assert withdrawn.returncode == 0 and "#2" in withdrawn.stdout, withdrawn.stderr
    text = run("roster", "swaps", "--month", "2026-11").stdout
    assert "#1 2026-11-03 presales ⇄ aftersales · 已批准" in text, text
    assert "#2 2026-11-05 presales ⇄ aftersales · 已撤回" in text, text
