"""The supervisor's day: working time, deadlines, tasks, the review (docs/supervision.md)."""
