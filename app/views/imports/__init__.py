"""The Import page: platform exports in, past imports, conflicts."""
