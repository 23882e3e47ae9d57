"""The core stays free of Qt (ARCHITECTURE.md): the CLI and tests use it without a GUI."""

import subprocess
import sys


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
