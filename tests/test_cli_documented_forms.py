"""The command lines README.md shows for orders out (issue 11: waybill numbers, the packing
desk, the hand-over, shipments back to the platform) are taken as written: a command's
options may stand before, between or after its arguments."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from app.cli.options import build_parser

README = Path(__file__).resolve().parents[1] / "README.md"
ISSUE_11 = re.compile(
    r"^afterdesk (import waybills|waybills|pack|barcodes|handover|export shipments|print sender)\b"
)
PLACEHOLDER = re.compile(r"[\[|(…]|\.\.\.|\b[A-Z_]{4,}\b")  # a synopsis, not an example


def parse(line: str) -> dict[str, object]:
    argv = shlex.split(line)[1:]
    return vars(build_parser(argv).parse_args(argv))


def readme_examples() -> list[str]:
    """Each example command of issue 11 in README's code blocks, without its comment."""
    found, inside = [], False
    for raw in README.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("```"):
            inside = not inside
            continue
        if not inside:
            continue
        for command in re.split(r"\s{2,}(?=afterdesk )", line):
            command = re.split(r"\s{2,}#", command)[0].strip()
            if ISSUE_11.match(command) and not PLACEHOLDER.search(command):
                found.append(command)
    return found


def test_readme_shows_examples_of_every_orders_out_command() -> None:
    commands = {ISSUE_11.match(line).group(1) for line in readme_examples()}  # type: ignore[union-attr]
    assert commands >= {
        "import waybills",
        "waybills",
        "pack",
        "handover",
        "export shipments",
        "print sender",
    }


@pytest.mark.parametrize("line", readme_examples())
def test_a_readme_example_is_taken_as_written(line: str) -> None:
    assert parse(line)["run"]  # argparse refused nothing: it exits 2 on a word it cannot place


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # README's synopsis, its placeholders filled in, and the issue's own order
        (
            "afterdesk waybills load 中通快递 --shop 悦步鞋履旗舰店 中通号段.xlsx",
            {"courier": "中通快递", "shop": "悦步鞋履旗舰店", "file": Path("中通号段.xlsx")},
        ),
        (
            "afterdesk waybills load 中通快递 中通号段.xlsx --shop 悦步鞋履旗舰店 --json",
            {"courier": "中通快递", "file": Path("中通号段.xlsx"), "json": True},
        ),
        (
            "afterdesk waybills load ZTO --shop 悦步鞋履旗舰店 --range 773000000001-773000000100",
            {"courier": "ZTO", "file": None, "first_last": "773000000001-773000000100"},
        ),
        (
            "afterdesk pack 3861000884652559 --item 6901234567892 --item XB-RUN-黑-41 "
            "--waybill SF1234567890123 --version 3 --json",
            {
                "order_no": "3861000884652559",
                "item": ["6901234567892", "XB-RUN-黑-41"],
                "waybill": "SF1234567890123",
                "expected_version": 3,
            },
        ),
        (
            "afterdesk pack --item XB-RUN-黑-41 3861000884652559 --waybill SF1234567890123",
            {"order_no": "3861000884652559", "item": ["XB-RUN-黑-41"]},
        ),
        (
            "afterdesk handover add 顺丰速运 SF1234567890123 SF1234567890124 --json",
            {"courier": "顺丰速运", "waybills": ["SF1234567890123", "SF1234567890124"]},
        ),
        (
            "afterdesk handover add 顺丰速运 --json SF1234567890123 SF1234567890124",
            {"courier": "顺丰速运", "waybills": ["SF1234567890123", "SF1234567890124"]},
        ),
        (
            "afterdesk handover confirm 顺丰速运 --out manifest.pdf --json",
            {"courier": "顺丰速运", "out": Path("manifest.pdf"), "json": True},
        ),
        (
            "afterdesk export shipments --shop 悦步 --format taobao --out 发货.csv --json",
            {"shop": "悦步", "format": "taobao", "out": Path("发货.csv")},
        ),
        ("afterdesk import waybills 面单.csv --json", {"file": Path("面单.csv"), "json": True}),
        ("afterdesk waybills threshold 悦步 300", {"shop": "悦步", "count": 300}),
        (
            "afterdesk print sender 悦步鞋履旗舰店 --courier 中通快递",
            {"shop": "悦步鞋履旗舰店", "courier": "中通快递", "name": None},
        ),
    ],
)
def test_a_documented_form_means_what_it_says(line: str, expected: dict[str, object]) -> None:
    parsed = parse(line)
    assert {key: parsed[key] for key in expected} == expected


def test_a_word_too_many_is_still_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse("afterdesk waybills load 中通快递 一.txt 二.txt --shop 悦步鞋履旗舰店")
    assert stopped.value.code == 2 and "二.txt" in capsys.readouterr().err
