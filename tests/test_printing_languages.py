"""Every printed document speaks the shop's language: Chinese, English, or both (“中文 English”).

Read back with pdftotext: a Chinese document has no Latin word but the data's codes, an English
one (of an English-speaking shop's data) no Chinese character at all, and “both” each word twice.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.db import Database
from app.models import DocLanguage
from app.printing.cover import cover_pdf
from app.printing.data import (
    BatchCover,
    CoverLine,
    LabelSize,
    OrderSlip,
    Party,
    SheetSize,
    SlipItem,
)
from app.printing.dispatch_note import dispatch_notes_pdf
from app.printing.exchange_order import ExchangeOrder, exchange_order_pdf
from app.printing.label import labels_pdf
from app.printing.recall_slip import recall_slip_pdf
from app.printing.words import WORDS, common, field, say
from app.services.dispatch import senders
from tests.printing_helpers import slip, text, write
from tests.test_cli import afterdesk
from tests.test_printing_recall import SLIP

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# the data of the Chinese slips that is written in Latin letters: codes, not words
CODES = (
    "SF1234567890123",
    "tb_wang123",
    "XZ-01-黑-40",
    "WZ-09",
    "P20261124-0001",
    "SH20261124-0001",
)
ENGLISH = slip(
    shop_name="Maple & Pine Outfitters",
    courier="UPS",
    recipient=Party("Emily Davis", "+1 415 555 0100", "1 Market Street, San Francisco CA"),
    sender=Party("Maple & Pine Returns", "+1 415 555 0199", "9 Pier Road, Oakland CA"),
    items=(SlipItem("MP-01", "Canvas shoe", (("Size", "40"),), 1),),
    special=(("invoice", "Maple Ltd"), ("card", "Happy birthday!"), ("delivery", "weekend")),
    buyer_message="Please hurry",
    flagged_notes=("Ship with UPS",),
)


def _cover(
    language: DocLanguage, courier: str = "中通", name: str = "王芳", why: str = "卡纸"
) -> BatchCover:
    lines = tuple(CoverLine(f"38610000000000{n:05d}", name, courier, None, 1) for n in range(3))
    when = datetime(2026, 11, 24, 8, tzinfo=UTC)
    return BatchCover("P20261124-0001", when, name, "", courier, "16:00", lines, why, language)


def _documents(chinese: OrderSlip, language: DocLanguage) -> dict[str, bytes]:
    one = replace(chinese, language=language, reprint=True)
    untracked = replace(one, tracking_no=None)
    recall = replace(SLIP, language=language)
    if chinese is ENGLISH:
        recall = replace(recall, shop="Maple & Pine", courier="UPS", recipient_name="Emily",
                         address="1 Market Street", reason="changed mind", opened_by="Lee",
                         return_address="9 Pier Road", sender_name="Returns")  # fmt: skip
    cover = _cover(language, *(("UPS", "Lee", "paper jam") if chinese is ENGLISH else ()))
    return {
        "label": labels_pdf([one, untracked], LabelSize.L76X130, preview=True).data,
        "dispatch note": dispatch_notes_pdf([one], SheetSize.A5).data,
        "cover sheet": cover_pdf(cover).data,
        "recall slip": recall_slip_pdf(recall, printed_by=recall.opened_by, reprint=True).data,
        "exchange order": exchange_order_pdf(ExchangeOrder("SH20261124-0001", one)).data,
    }


def _read(tmp_path: Path, data: bytes) -> str:
    return text(write(tmp_path, data))


def test_chinese_documents_have_no_latin_words_but_the_codes(tmp_path) -> None:
    for name, data in _documents(slip(), DocLanguage.ZH).items():
        page = _read(tmp_path, data)
        for code in CODES:
            page = page.replace(code, "")
        assert LATIN_WORD.findall(page) == [], name
        assert CJK.search(page), name


def test_english_documents_have_no_chinese_for_an_english_shop(tmp_path) -> None:
    for name, data in _documents(ENGLISH, DocLanguage.EN).items():
        page = _read(tmp_path, data)
        assert CJK.findall(page) == [], (name, page)
        assert LATIN_WORD.search(page), name


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ("label", ("收", "To", "特殊要求", "Special requests", "补打", "Reprint")),
        ("dispatch note", ("发货单", "Dispatch note", "买家留言", "Buyer's message")),
        ("cover sheet", ("打单批次", "Print batch", "签名", "Signature")),
        ("recall slip", ("存根联", "Shop copy", "快递联", "Courier copy", "退回至", "Return to")),
        ("exchange order", ("换货", "Exchange")),
    ],
)
def test_both_prints_each_word_in_chinese_then_english(tmp_path, document, words) -> None:
    page = _read(tmp_path, _documents(slip(), DocLanguage.BOTH)[document])
    for word in words:
        assert word in page, (document, word)


def test_the_vocabulary_is_whole_and_composes_as_documented() -> None:
    placeholder = re.compile(r"\{\w+\}")
    assert all(en and not LATIN_WORD.search(placeholder.sub("", zh)) for zh, en in WORDS.values())
    assert say(DocLanguage.BOTH, "dispatch_note") == "发货单 Dispatch note"
    assert say("en", "page", n=1, count=2) == "Page 1/2"
    assert field(DocLanguage.ZH, "order_no", "1") == "订单号：1"
    assert field(DocLanguage.BOTH, "order_no", "1") == "订单号 Order no.: 1"
    assert common(["zh", "zh"]) is DocLanguage.ZH and common([]) is DocLanguage.ZH
    assert common(["zh", "en"]) is DocLanguage.BOTH
    assert DocLanguage.for_platform("Shopify") is DocLanguage.EN
    assert DocLanguage.for_platform("taobao") is DocLanguage.ZH


def test_the_language_is_set_per_shop_from_the_command_line(db_url, tmp_path) -> None:
    """`print sender SHOP --doc-language` changes only the language; the labels follow it."""
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "0").returncode == 0
    shops = {s.shop: s for s in _shops(db_url)}
    assert shops["Maple & Pine Outfitters"].doc_language is DocLanguage.EN  # Shopify
    assert shops["悦步鞋履旗舰店"].doc_language is DocLanguage.ZH
    done = afterdesk(db_url, "print", "sender", "悦步鞋履旗舰店", "--doc-language", "both",
                     user="admin")  # fmt: skip
    assert done.returncode == 0, done.stderr
    after = {s.shop: s for s in _shops(db_url)}["悦步鞋履旗舰店"]
    before = shops["悦步鞋履旗舰店"]
    assert after.doc_language is DocLanguage.BOTH
    assert (after.sender_name, after.return_address) == (before.sender_name, before.return_address)
    bad = afterdesk(db_url, "print", "sender", "悦步鞋履旗舰店", "--doc-language", "fr",
                    user="admin")  # fmt: skip
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def _shops(url: str) -> list[senders.ShopSender]:
    db = Database(url)
    try:
        return db.read(senders.shops)
    finally:
        db.dispose()
