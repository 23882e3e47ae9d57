"""A Chinese user's mistyped command is answered in Chinese: argparse's usage line, help
headings and usage errors follow the language the command speaks (--lang, this PC's setting,
the system's), a real process as the user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from app.config import LocalSettings


def afterdesk(*args: str, lang: str = "zh_CN.UTF-8") -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=environ,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("argv", "chinese"),
    [
        (("ordres",), "错误：参数 command：无效的选择：'ordres'"),
        (("orders", "find"), "错误：缺少必需的参数：text"),
        (("orders", "list", "--limit", "ten"), "无效的 int 值：'ten'"),
        (("orders", "list", "--limit"), "参数 --limit：需要一个值"),
        (("orders", "list", "--colour", "red"), "无法识别的参数：--colour red"),
        (("--lang", "fr", "orders"), "参数 --lang：无效的选择：'fr'"),
    ],
)
def test_usage_errors_are_in_chinese(argv: tuple[str, ...], chinese: str) -> None:
    result = afterdesk(*argv)
    assert result.returncode == 2
    assert result.stderr.startswith("用法：afterdesk"), result.stderr
    assert chinese in result.stderr, result.stderr
    assert "usage:" not in result.stderr and "error:" not in result.stderr


def test_help_headings_are_in_chinese() -> None:
    result = afterdesk("orders", "list", "--help")
    assert result.returncode == 0
    for heading in ("用法：afterdesk orders list", "选项:", "-h, --help", "显示此帮助信息并退出"):
        assert heading in result.stdout, result.stdout
    assert "show this help message" not in result.stdout
    assert "位置参数:" in afterdesk("orders", "--help").stdout


def test_the_lang_option_and_the_pcs_setting_choose_the_language() -> None:
    english = afterdesk("--lang", "en", "orders", "find")
    assert "the following arguments are required: text" in english.stderr
    assert english.stderr.startswith("usage: afterdesk")
    chosen = afterdesk("--lang=zh_CN", "orders", "find", lang="C.UTF-8")
    assert "缺少必需的参数：text" in chosen.stderr
    # no option: this PC's setting (Settings page) before the system's
    assert "required: text" in afterdesk("orders", "find", lang="C.UTF-8").stderr
    LocalSettings.path().parent.mkdir(parents=True, exist_ok=True)
    LocalSettings.path().write_text(json.dumps({"language": "zh_CN"}), encoding="utf-8")
    assert "缺少必需的参数：text" in afterdesk("orders", "find", lang="C.UTF-8").stderr
