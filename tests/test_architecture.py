"""The core stays free of Qt (ARCHITECTURE.md): the CLI and tests use it without a GUI."""

import re
import subprocess
import sys
from pathlib import Path


def test_core_layers_import_no_pyside6() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import app.models, app.services, app.printing, app.db, app.migrations\n"
        "for pkg in (app.models, app.services, app.printing):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not bad, bad\n"
        "print('clean')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "clean" in result.stdout


ROLE_NAMES = re.compile(r"\bRole\.|\b(AFTERSALES|ASKERS|ORDER_STAFF|REGISTERS|SLIP_ROLES)\b")


def test_no_view_or_command_names_a_role() -> None:
    """Who may do what is the capability table's (services/core/capabilities.py): a screen or
    a command that named a role, or a set of roles, would be a second truth."""
    root = Path(__file__).resolve().parent.parent / "app"
    found = [
        f"{path.relative_to(root)}:{n}: {line.strip()}"
        for folder in ("views", "cli")
        for path in sorted((root / folder).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ROLE_NAMES.search(line)
    ]
    assert not found, "\n".join(found)
