"""One reader per platform export; each turns a file into ``records`` (docs/imports.md)."""
