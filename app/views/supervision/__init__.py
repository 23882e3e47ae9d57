"""The supervisor's screens (issue 13): the daily review, tasks and trends."""
