"""ReportLab documents built from plain data: no database, no Qt."""
