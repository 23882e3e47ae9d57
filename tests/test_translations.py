"""Simplified Chinese ships complete: every string in the code has its translation."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tools.translations import I18N, ROOT, sources, tool

TS = I18N / "afterdesk_zh_CN.ts"
FIELDS = re.compile(r"\{[^{}]*\}")


def _text(translation: ET.Element) -> str:
    """The translated text; plural messages keep theirs in <numerusform> children."""
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return " ".join(forms) if forms else (translation.text or "")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name") or "", msg.findtext("source") or "", msg.find("translation"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> Path:
    """The committed .ts, refreshed from today's code the way lupdate would."""
    copy = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copy(TS, copy)
    subprocess.run(
        [tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(copy)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return copy


def test_every_string_in_the_code_is_translated(refreshed) -> None:
    untranslated = [
        f"{ctx}: {src}"
        for ctx, src, tr in _messages(refreshed)
        if tr is None
        or tr.get("type") in {"unfinished", "vanished", "obsolete"}
        or not _text(tr).strip()
    ]
    assert untranslated == []


def _texts(tr: ET.Element) -> list[str]:
    """A translation's text, or each of its plural forms' (each must keep the placeholders)."""
    forms = [f.text or "" for f in tr.findall("numerusform")]
    return forms or ([tr.text] if tr.text else [])


def test_translations_keep_their_placeholders() -> None:
    broken = [
        f"{ctx}: {src}"
        for ctx, src, tr in _messages(TS)
        if tr is not None
        for text in _texts(tr)
        if sorted(FIELDS.findall(src)) != sorted(FIELDS.findall(text))
    ]
    assert broken == []


def test_compiled_qm_matches_the_ts(tmp_path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool("lrelease"), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == TS.with_suffix(".qm").read_bytes(), (
        "run `python -m tools.translations` and commit the .qm"
    )


def test_chinese_messages_reach_the_command_line(tmp_path) -> None:
    from tests.test_cli import afterdesk

    result = afterdesk("mysql://x@y/z", "orders", "list", lang="zh_CN.UTF-8")
    assert result.returncode == 2
    assert "不支持的数据库" in result.stderr
