"""The audit chain's head on paper: a chain rewritten and re-hashed in the database is caught.

Plain SHA-256 links can be recomputed by whoever can write the database; the head printed on
every cover sheet and register cannot, so ``verify --against`` compares history with it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sqlalchemy import text

from app.db import Database
from app.models import Role
from app.services.cases import documents as case_print
from app.services.core import audit
from app.services.dispatch import batches as printing
from app.services.orders import lookup as orders
from app.services.orders import notes
from tests.audit_helpers import disable_guards, rehash_chain
from tests.printing_helpers import text as pdf_text
from tests.test_cli import afterdesk

PRINTED_HEAD = re.compile(r"(?:审计链|Audit chain)\D*(\d+:[0-9a-f]{16})")  # any shop language


def _notes(db, actors, n: int = 3) -> str:  # type: ignore[no-untyped-def]
    order_no = db.read(lambda s: orders.list_page(s, limit=1))[0].order_no
    for i in range(n):
        db.write(lambda s, i=i: notes.add(s, actors[Role.PRESALES], order_no, f"备注 {i}"))
    return order_no


def _rewrite_first_entry(db) -> None:  # type: ignore[no-untyped-def]
    """Change who created the first account, then re-hash the chain: plain verify passes."""
    disable_guards(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor_name = '李四' WHERE id = 1"))
    rehash_chain(db)


def test_cover_sheet_head_catches_a_rehashed_chain(shop_db, shop_staff, tmp_path: Path) -> None:
    _notes(shop_db, shop_staff)
    out = tmp_path / "batch.pdf"
    result = printing.run_batch(shop_db, shop_staff[Role.PRINTER], out=out, cutoff="")
    printed = PRINTED_HEAD.search(pdf_text(out, 1))
    assert printed, pdf_text(out, 1)
    head = audit.parse_anchor(printed[1])
    assert head is not None and head.count == shop_db.read(audit.count) - 1  # before the batch
    assert shop_db.read(lambda s: audit.verify(s, head)).ok
    assert shop_db.read(lambda s: audit.batch_anchor(s, result.batch_no)).text() == printed[1]

    _rewrite_first_entry(shop_db)

    assert shop_db.read(audit.verify).ok  # the recomputed chain hides the edit
    report = shop_db.read(lambda s: audit.verify(s, head))
    assert [(p.entry_id, p.kind) for p in report.problems] == [(head.count, "rewritten")]
    assert printed[1].split(":")[1] in report.problems[0].detail
    by_batch = shop_db.read(lambda s: audit.verify(s, audit.batch_anchor(s, result.batch_no)))
    assert [p.kind for p in by_batch.problems] == ["rewritten"]
    # without the count, the prefix alone is looked for along the whole chain
    prefix_only = audit.parse_anchor(printed[1].split(":")[1])
    assert not shop_db.read(lambda s: audit.verify(s, prefix_only)).ok


def test_register_head_and_truncation_behind_it(shop_db, shop_staff, tmp_path: Path) -> None:
    _notes(shop_db, shop_staff)
    out = tmp_path / "register.pdf"
    case_print.print_register(shop_db, shop_staff[Role.AFTERSALES], out=out)
    printed = re.search(r"audit chain (\d+:[0-9a-f]{16})", pdf_text(out, 1))
    assert printed, pdf_text(out, 1)
    head = audit.parse_anchor(printed[1])
    assert head is not None and head.count == shop_db.read(audit.count)
    assert shop_db.read(lambda s: audit.verify(s, head)).ok
    # an entry later than the printed head does not concern it
    _notes(shop_db, shop_staff, 1)
    assert shop_db.read(lambda s: audit.verify(s, head)).ok

    disable_guards(shop_db)
    with shop_db.engine.begin() as conn:  # cut the log back behind the printed head
        conn.execute(text("DELETE FROM audit_log WHERE id >= :i"), {"i": head.count - 1})
    problems = shop_db.read(lambda s: audit.verify(s, head)).problems
    assert ("truncated", head.count - 1) in [(p.kind, p.entry_id) for p in problems]
    assert any(f"counts {head.count}" in p.detail for p in problems)


def test_cli_verify_against_a_batch_number_and_a_typed_head(db_url, tmp_path: Path) -> None:
    demo_url = db_url
    assert afterdesk(demo_url, "demo", "--orders", "40").returncode == 0
    out = tmp_path / "batch.pdf"
    done = afterdesk(
        demo_url, "print", "batch", "--without-waybill", "packing", "--out", str(out), "--json",
        user="printer",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    batch_no = json.loads(done.stdout)["batch_no"]
    typed = PRINTED_HEAD.search(pdf_text(out, 1))
    assert typed
    for against in (batch_no, typed[1]):
        ok = afterdesk(demo_url, "audit", "verify", "--against", against)
        assert ok.returncode == 0 and "intact" in ok.stdout, ok.stderr
    db = Database(demo_url)
    try:
        _rewrite_first_entry(db)
    finally:
        db.dispose()
    assert afterdesk(demo_url, "audit", "verify").returncode == 0
    for against in (batch_no, typed[1]):
        caught = afterdesk(demo_url, "--lang", "zh_CN", "audit", "verify", "--against", against)
        assert caught.returncode == 3 and typed[1].split(":")[1] in caught.stderr
    unknown = afterdesk(demo_url, "audit", "verify", "--against", "P19990101-0001")
    assert unknown.returncode != 0 and "P19990101-0001" in unknown.stderr
