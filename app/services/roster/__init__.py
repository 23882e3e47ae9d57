"""The duty roster (值班表): shifts, rotation, swaps, who is on duty (docs/scores.md)."""
