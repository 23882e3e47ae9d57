"""The command line parses before it imports: help and a mistyped option never load the
database, PDF or Qt libraries, and every command still finds its runner.

How fast that makes it is measured in benchmarks/bench_cli.py, not asserted here.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from app.cli import runner
from app.cli.options import COMMANDS, build_parser
from app.i18n import CHINESE, I18N_DIR, Translator

HEAVY = ("sqlalchemy", "alembic", "reportlab", "PySide6", "psycopg", "openpyxl", "keyring")

PROBE = """
import contextlib, io, json, sys
from app.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print(json.dumps({"loaded": sorted({m.split(".")[0] for m in sys.modules}), "out": out.getvalue()}))
"""


def loaded_by(*argv: str, **env: str) -> tuple[set[str], str]:
    """The top-level packages a fresh ``afterdesk ARGV`` process imported, and its output."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    return set(report["loaded"]), report["out"]


@pytest.mark.parametrize(
    "argv",
    [
        ("--help",),
        ("orders", "--help"),
        ("case", "signoff", "--help"),
        ("print", "batch", "--help"),
        ("orders", "find"),  # a missing argument is answered by the parser alone
    ],
)
def test_help_and_usage_errors_load_nothing_heavy(argv: tuple[str, ...]) -> None:
    loaded, out = loaded_by(*argv)
    assert not loaded & set(HEAVY), f"imported {sorted(loaded & set(HEAVY))}"
    if argv[-1] == "--help":
        assert "usage: afterdesk" in out


def _paths(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every (sub-)command's path → its parser."""
    found = {path: parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found |= _paths(child, (*path, name))
    return found


def test_every_command_names_a_runner_that_exists() -> None:
    leaves = [
        parser
        for parser in _paths(build_parser()).values()
        if not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
    ]
    assert len(leaves) > 50  # every sub-command of every group
    for leaf in leaves:
        ref = leaf.get_default("run")
        assert isinstance(ref, str), leaf.prog
        assert callable(runner(ref)), f"{leaf.prog}: {ref}"


def test_given_the_arguments_only_that_command_is_built_and_reads_the_same() -> None:
    """``afterdesk orders find …`` builds the options of ``orders`` alone; its help, and
    every other command's, reads as with the whole parser."""
    full = _paths(build_parser())
    assert len(full) > 60
    for path, parser in full.items():
        built = _paths(build_parser(list(path)))
        assert built[path].format_help() == parser.format_help(), path
        module = COMMANDS[path[0]][0] if path else None
        in_full = {p[0] for p, child in built.items() if len(p) == 1 and child._actions}
        assert in_full == {name for name, (m, _) in COMMANDS.items() if m == module}, path


def test_models_resolve_every_name_they_offer() -> None:
    """app.models loads its names lazily; the type checker reads its TYPE_CHECKING imports."""
    import app.models as models

    for name in models._HOME_OF:
        assert getattr(models, name).__name__ == name
    tree = ast.parse(Path(models.__file__).read_text(encoding="utf-8"))
    guarded = next(n for n in tree.body if isinstance(n, ast.If))
    typed = {
        alias.name
        for node in guarded.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert typed == set(models._HOME_OF)
    with pytest.raises(AttributeError):
        models.NoSuchModel  # noqa: B018


def test_a_command_speaks_chinese_without_loading_qt(db_url: str) -> None:
    """The command line reads the app's .qm itself: Qt's import would cost it 0.2–0.3 s."""
    demo = [sys.executable, "-m", "app", "--db", db_url, "demo", "--orders", "5"]
    assert subprocess.run(demo).returncode == 0
    loaded, out = loaded_by(
        "--db",
        db_url,
        "--user",
        "aftersales",
        "--lang",
        "zh_CN",
        "scan",
        "SF000",
        AFTERDESK_PASSWORD="demo",
    )
    assert "未登记" in out  # "Not registered", in Chinese
    assert "PySide6" not in loaded and "reportlab" not in loaded


def test_the_command_lines_translations_are_qts() -> None:
    """Every message of the .ts file translates as Qt's own QTranslator does."""
    from PySide6.QtCore import QTranslator

    qt = QTranslator()
    assert qt.load(str(I18N_DIR / f"afterdesk_{CHINESE}.qm"))
    ours = Translator(CHINESE)
    root = ElementTree.parse(I18N_DIR / f"afterdesk_{CHINESE}.ts").getroot()
    checked = 0
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.find("comment") is not None:
                continue  # a disambiguated message: translate(context, text) never finds it
            source = message.findtext("source") or ""
            assert ours(name, source) == (qt.translate(name, source) or source), source
            checked += 1
    assert checked > 500
