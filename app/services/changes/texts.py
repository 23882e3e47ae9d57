"""The inputs of a change request, their checks, and the signed notes they produce.

Note wording follows the seed (docs/domain.md rule 1) to the character; the system
writes these notes, so nobody can leave one out or sign it with another name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from app.models import Order, OrderItem, SpecialKind
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core.validation import clean_text, phone_number, postcode

# the seed's words for each special request, as the note writes them
SPECIAL_WORDS = {
    SpecialKind.COURIER: "发",
    SpecialKind.INVOICE: "开发票，抬头为：",
    SpecialKind.CARD: "写贺卡：",
    SpecialKind.DELIVERY: "送货时间：",
    SpecialKind.OTHER: "",
}


def _field(text: str) -> Label:
    return Label(text)


@dataclass(frozen=True)
class Address:
    name: str
    phone: str
    province: str
    city: str
    district: str
    street: str
    postcode: str = ""

    @classmethod
    def of(cls, order: Order) -> Address:
        return cls(
            order.recipient_name,
            order.recipient_phone,
            order.province,
            order.city,
            order.district,
            order.street,
            order.postcode,
        )

    def cleaned(self) -> Address:
        """Checked and tidied; refuses a missing province or phone and a phone that is not one."""
        name = clean_text(
            self.name, field=_field(QT_TRANSLATE_NOOP("Field", "Recipient")), max_len=50
        )
        province = clean_text(
            self.province, field=_field(QT_TRANSLATE_NOOP("Field", "Province")), max_len=40
        )
        city = clean_text(self.city, field=_field(QT_TRANSLATE_NOOP("Field", "City")), max_len=40)
        district = (self.district or "").strip()
        if district:
            district = clean_text(
                district, field=_field(QT_TRANSLATE_NOOP("Field", "District")), max_len=40
            )
        street = clean_text(
            self.street, field=_field(QT_TRANSLATE_NOOP("Field", "Street")), max_len=200
        )
        phone = phone_number(self.phone, field=_field(QT_TRANSLATE_NOOP("Field", "Phone")))
        return Address(name, phone, province, city, district, street, postcode(self.postcode))

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    def line(self) -> str:
        """浙江省杭州市西湖区文三路1号，王小明，13800138000"""
        place = f"{self.province}{self.city}{self.district}{self.street}"
        parts = [place, self.name, self.phone]
        if self.postcode:
            parts.append(self.postcode)
        return "，".join(parts)

    def apply(self, order: Order) -> None:
        order.recipient_name, order.recipient_phone = self.name, self.phone
        order.province, order.city, order.district = self.province, self.city, self.district
        order.street, order.postcode = self.street, self.postcode


def address_parts(parts: Mapping[str, str]) -> dict[str, str]:
    """The parts of an address a partial change names; at least one, each a known field."""
    known = {f.name for f in fields(Address)}
    given = {k: v for k, v in parts.items() if v is not None}
    if not given:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "Give at least one part of the new address, e.g. --street or --phone."
            )
        )
    unknown = sorted(set(given) - known)
    if unknown:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "An address has no part “{part}”."), part=unknown[0]
        )
    return given


def item_by_sku(order: Order, sku: str) -> OrderItem:
    wanted = (sku or "").strip()
    for item in order.items:
        if item.sku == wanted:
            return item
    raise InvalidInput(
        QT_TRANSLATE_NOOP("UserError", "Order {order_no} has no item {sku}. Its items: {skus}."),
        order_no=order.order_no,
        sku=sku,
        skus=", ".join(i.sku for i in order.items),
    )


def item_state(item: OrderItem) -> dict[str, Any]:
    return {"sku": item.sku, "attributes": dict(item.attributes or {})}


def merged_attributes(item: OrderItem, attributes: dict[str, str]) -> dict[str, str]:
    """The item's attributes with the wanted values over them."""
    merged = dict(item.attributes or {})
    for key, value in attributes.items():
        key, value = key.strip(), (value or "").strip()
        if not key or not value:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "Write an attribute as name=value, e.g. 尺码=40.")
            )
        merged[key] = value
    return merged


def new_item_state(item: OrderItem, merged: dict[str, str], sku: str) -> dict[str, Any]:
    """The item as the customer wants it; refuses a change to the same value."""
    new = {"sku": sku, "attributes": merged}
    if new == item_state(item):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The item already is {what}: there is nothing to change."
            ),
            what=describe_item(new, keys=None),
        )
    return new


def describe_item(state: dict[str, Any], keys: list[str] | None) -> str:
    attrs = state["attributes"]
    shown = [f"{k}{attrs[k]}" for k in (keys if keys is not None else attrs) if k in attrs]
    return " ".join(shown) or state["sku"]


def changed_keys(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    keys = [k for k in new["attributes"] if old["attributes"].get(k) != new["attributes"][k]]
    return keys


def attribute_words(old: dict[str, Any], new: dict[str, Any]) -> tuple[str, str]:
    """What the customer bought and what they want, in the words of the note."""
    keys = changed_keys(old, new)
    if not keys:
        return old["sku"], new["sku"]
    after = describe_item(new, keys)
    if new["sku"] != old["sku"]:  # the picker reads the SKU: the note names the new one
        after = f"{after}（{new['sku']}）"
    return describe_item(old, keys), after


def special_text(kind: SpecialKind, text: str) -> str:
    body = clean_text(text, field=_field(QT_TRANSLATE_NOOP("Field", "Request")), max_len=200)
    return body


def special_note(kind: SpecialKind, text: str) -> str:
    return f"客户要求{SPECIAL_WORDS[kind]}{text}"


def address_note(new: Address) -> str:
    return f"客户要求修改地址，新地址为：{new.line()}"


def attribute_note(old_words: str, new_words: str) -> str:
    return f"客户拍下{old_words}，要求修改成{new_words}，已修改妥当"


def amended_note(new_words: str) -> str:
    return f"客户要求修改成{new_words}，已在发货单与快递单上修改妥当"


def cancel_note(reason: str) -> str:
    return f"客户要求取消订单，原因：{reason}" if reason else "客户要求取消订单"
