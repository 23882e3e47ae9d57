"""Complaints (投诉) and platform disputes (维权) with their evidence pack (docs/supervision.md)."""
