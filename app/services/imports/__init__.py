"""Orders in and out: platform formats, the merge, the import history."""
