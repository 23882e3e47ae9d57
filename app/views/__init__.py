"""The desktop app (PySide6): windows, dialogs, item models and the operation runner."""
