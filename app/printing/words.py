"""The fixed words of every printed document, in Chinese and in English.

A shop chooses the language of its documents (``DocLanguage``): Chinese, English, or both, in
which case each word prints as “中文 English”. The documents never write a fixed word
themselves: they ask ``say`` (a caption or phrase) or ``field`` (a caption and its value), so
one document cannot drift into another language. Data (names, addresses, numbers) prints as
written, whatever the language.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.models.enums import DocLanguage

# key → (Chinese, English); {name} placeholders are filled by ``say``
WORDS: dict[str, tuple[str, str]] = {
    # shared
    "order_no": ("订单号", "Order no."),
    "tracking_no": ("运单号", "Tracking no."),
    "courier": ("快递", "Courier"),
    "courier_company": ("快递公司", "Courier"),
    "recipient": ("收件人", "Recipient"),
    "address": ("地址", "Address"),
    "phone": ("电话", "Phone"),
    "shop": ("店铺", "Shop"),
    "batch": ("批次", "Batch"),
    "paid": ("付款", "Paid"),
    "buyer": ("买家", "Buyer"),
    "unassigned": ("未分配", "not assigned"),
    "unspecified": ("未指定", "not chosen"),
    "unknown": ("未知", "unknown"),
    "all": ("全部", "all"),
    "reprint": ("补打", "Reprint"),
    "continued": ("(续)", "(continued)"),
    "page": ("第 {n}/{count} 页", "Page {n}/{count}"),
    "printed": ("打印", "Printed"),
    "date_line": ("日期 ______年____月____日", "Date ______/____/____"),
    "signature": ("签名 ______________", "Signature ______________"),
    # special requests (OrderSlip.special keys)
    "special": ("特殊要求", "Special requests"),
    "special.invoice": ("发票抬头", "Invoice title"),
    "special.card": ("贺卡", "Greeting card"),
    "special.delivery": ("送达时间", "Delivery time"),
    "special.other": ("其他要求", "Other request"),
    "card_enclosed": ("内附贺卡", "Greeting card enclosed"),
    # shipping label
    "labels": ("快递单", "Shipping labels"),
    "no_courier": ("快递公司未指定", "Courier not chosen"),
    "no_tracking": ("运单号：未分配", "No tracking number yet"),
    "no_tracking_hint": ("快递取号后补贴运单", "Stick on the waybill once the courier assigns one"),
    "to": ("收", "To"),
    "from": ("寄", "From"),
    "items_count": ("商品 共{n}件", "Items: {n} pcs"),
    "see_note": ("…详见发货单", "… see the dispatch note"),
    "preview": ("预览 · 未登记", "Preview · not recorded"),
    "packing_label": ("打包标签 — 非快递面单", "PACKING LABEL — NOT A SHIPPING LABEL"),
    "not_shipping": ("非快递面单 · 不能寄出", "Not a shipping label · do not ship"),
    "not_shipping_hint": (
        "无快递公司或运单号：贴上快递面单后才能交给快递",
        "No courier or waybill number: stick on the courier's label before hand-over",
    ),
    "not_shipping_mark": ("非快递面单", "NOT A SHIPPING LABEL"),
    # dispatch note
    "dispatch_note": ("发货单", "Dispatch note"),
    "dispatch_notes": ("发货单", "Dispatch notes"),
    "col.no": ("序", "#"),
    "col.sku": ("货号", "SKU"),
    "col.item": ("商品 / 属性", "Item / options"),
    "col.qty": ("数量", "Qty"),
    "col.check": ("核对", "Check"),
    "buyer_message": ("买家留言", "Buyer's message"),
    "flagged_notes": ("红旗备注", "Flagged notes"),
    "picked": ("拣货", "Picked"),
    "checked": ("核对", "Checked"),
    "packed": ("包装", "Packed"),
    # batch cover sheet
    "batch_title": ("打单批次", "Print batch"),
    "batch_no": ("批次号", "Batch no."),
    "printed_at": ("打印时间", "Printed at"),
    "order_count": ("共 {n} 单", "{n} orders"),
    "cutoff": ("截单时间", "Cut-off"),
    "reprint_reason": ("补打原因", "Reprint reason"),
    "audit_head": ("审计链", "Audit chain"),
    "printed_by": ("打单人", "Printed by"),
    "pieces": ("件数", "Pieces"),
    # recall slip
    "recall_title": ("两联快件退回单", "Parcel recall slip"),
    "shop_copy": ("存根联", "Shop copy"),
    "courier_copy": ("快递联", "Courier copy"),
    "shop_copy_note": (
        "快递员签字后由打单人员留存；快递员交回原包裹时，打单人员签收“原包裹已收到”并将本联交还快递员。",
        "Kept by the order printer once the courier signs; when the courier brings the parcel "
        "back, the printer signs “parcel received” and hands this copy back.",
    ),
    "courier_copy_note": (
        "快递员凭本联的运单号取回原包裹，交回打单人员时换回已签字的存根联。",
        "The courier fetches the parcel by this copy's tracking number and exchanges it for "
        "the signed shop copy on return.",
    ),
    "case_no": ("售后单号", "Case no."),
    "case": ("售后单", "Case"),
    "opened": ("登记", "Opened"),
    "recipient_address": ("收件地址", "Address"),
    "recall_reason": ("退回原因", "Reason"),
    "return_to": ("退回至", "Return to"),
    "parcel_received": ("原包裹已收到", "Parcel received"),
    "received_by": ("签收人（打单人员）", "Signed (order printer)"),
    "courier_signature": ("快递员签字", "Courier's signature"),
    "courier_id": ("工号/电话", "ID/phone"),
    "original_order": ("原订单", "Original order"),
    "exchange_for": ("换", "Exchange for"),
    "see_case": ("见售后单", "see the case"),
    "special.exchange": ("换货", "Exchange"),
    "cut_here": ("✂  沿此线剪开", "✂  Cut here"),
    # exchange order
    "exchange": ("换货", "Exchange"),
    # hand-over manifest (交接单)
    "manifest_title": ("快递交接单", "Courier hand-over manifest"),
    "manifest_no": ("交接单号", "Manifest no."),
    "handover_date": ("交接日期", "Date"),
    "handover_time": ("交接时间", "Time"),
    "parcel_count": ("共 {n} 件", "{n} parcels"),
    "handed_over_by": ("交接人", "Handed over by"),
    "shop_signature": ("发货方签字", "Shop's signature"),
    "courier_received": ("以上包裹已全部收到", "All parcels above received"),
}


def _pick(language: DocLanguage | str, zh: str, en: str) -> str:
    lang = DocLanguage(language)
    if lang is DocLanguage.ZH:
        return zh
    if lang is DocLanguage.EN:
        return en
    return f"{zh} {en}"


def say(language: DocLanguage | str, key: str, **values: object) -> str:
    """The fixed word ``key`` in the document's language, placeholders filled."""
    zh, en = WORDS[key]
    return _pick(language, zh.format(**values), en.format(**values))


def field(language: DocLanguage | str, key: str, value: object) -> str:
    """A caption and its value: “订单号：123”, “Order no.: 123”, “订单号 Order no.: 123”."""
    zh, en = WORDS[key]
    lang = DocLanguage(language)
    if lang is DocLanguage.ZH:
        return f"{zh}：{value}"
    return f"{_pick(lang, zh, en)}: {value}"


def tag(language: DocLanguage | str, key: str) -> str:
    """A caption set off before its text: “【贺卡】”, or “[Greeting card] ” in English."""
    word = say(language, key)
    return f"[{word}] " if DocLanguage(language) is DocLanguage.EN else f"【{word}】"


def common(languages: Iterable[DocLanguage | str]) -> DocLanguage:
    """One document for several shops (a batch, the register): their language if they agree,
    else both (each shop's staff can read it)."""
    found = {DocLanguage(lang) for lang in languages}
    if not found:
        return DocLanguage.ZH
    return found.pop() if len(found) == 1 else DocLanguage.BOTH
