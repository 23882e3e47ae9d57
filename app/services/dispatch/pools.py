"""Number pools (号段 / 单号池): the waybill numbers a courier's local branch issued to a shop
(issue 11; rules in docs/waybills.md, "The number pool").

- An administrator loads a pool per courier and shop: the branch's list (CSV, XLSX or a
  plain text file, one number a line) or, where the courier's numbers run in sequence
  without a check digit, a range FIRST-LAST. Every number must fit the courier's pattern; a
  number loaded before (into any pool) or already an order's is refused, and then nothing
  is loaded: the same pool loaded twice changes nothing.
- A print batch takes the next free numbers, oldest load first (``plan`` in the batch's
  read, ``claim`` in the write that records it: see ``batches``). ``claim`` takes exactly
  the numbers the labels were drawn with, each only while still free (``order_id IS
  NULL``): when another PC took one meanwhile, nothing is recorded and the batch is drawn
  again with the next free ones. A number is never given twice: the condition is checked
  under the row's write lock on PostgreSQL (a second UPDATE waits for the first and then
  finds the row taken) and SQLite runs one write transaction at a time.
  (``SELECT … FOR UPDATE SKIP LOCKED`` would hand the second PC other numbers than those
  already drawn on its labels, so the claim is a guarded UPDATE instead.)
- Each shop sets a low-stock threshold; ``left`` says how many numbers each pool has and
  which are below it.
"""

from __future__ import annotations

# the pool in three modules: loading it, what is left, a batch taking numbers; callers and
# tests keep using ``pools.X`` (a test or benchmark replacing ``pools.claim`` replaces what
# the batch calls: batches calls it through this module)
from app.services.dispatch.pool_loading import (
    MAX_RANGE,
    NUMBER_HEADERS,
    Loaded,
    expand_range,
    load,
    read_list,
)
from app.services.dispatch.pool_stock import (
    DEFAULT_THRESHOLD,
    THRESHOLD_SETTING,
    PoolLeft,
    free_count,
    left,
    set_threshold,
    shop_thresholds,
    thresholds,
)
from app.services.dispatch.pool_taking import claim, plan, pooled, running_low

__all__ = [
    "DEFAULT_THRESHOLD",
    "MAX_RANGE",
    "NUMBER_HEADERS",
    "THRESHOLD_SETTING",
    "Loaded",
    "PoolLeft",
    "claim",
    "expand_range",
    "free_count",
    "left",
    "load",
    "plan",
    "pooled",
    "read_list",
    "running_low",
    "set_threshold",
    "shop_thresholds",
    "thresholds",
]
