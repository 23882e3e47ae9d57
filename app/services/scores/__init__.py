"""The monthly score sheet (奖罚评分表): rules, entries, proposals, money (docs/scores.md)."""
