"""Splitting a Chinese address into province / city / district / street / postcode.

Taobao writes ``浙江省 杭州市 西湖区 文三路 100号 3幢501室(310012)``: the parts are separated
by spaces and the postcode is in brackets at the end. JD often writes the same without the
spaces. Provinces are given their full name (``北京`` → ``北京市``, ``内蒙古`` → ``内蒙古自治区``)
so that one province is one value whichever platform the order came from. A few prefecture
cities have no districts (东莞, 中山, 儋州, 嘉峪关): what follows them is a town, kept in the
street. See docs/imports.md.
"""

from __future__ import annotations

import re

from app.services.imports.records import Address

# the full names of the provincial-level divisions, keyed by the short names people write
PROVINCES = {
    "北京": "北京市",
    "天津": "天津市",
    "上海": "上海市",
    "重庆": "重庆市",
    "河北": "河北省",
    "山西": "山西省",
    "辽宁": "辽宁省",
    "吉林": "吉林省",
    "黑龙江": "黑龙江省",
    "江苏": "江苏省",
    "浙江": "浙江省",
    "安徽": "安徽省",
    "福建": "福建省",
    "江西": "江西省",
    "山东": "山东省",
    "河南": "河南省",
    "湖北": "湖北省",
    "湖南": "湖南省",
    "广东": "广东省",
    "海南": "海南省",
    "四川": "四川省",
    "贵州": "贵州省",
    "云南": "云南省",
    "陕西": "陕西省",
    "甘肃": "甘肃省",
    "青海": "青海省",
    "台湾": "台湾省",
    "内蒙古": "内蒙古自治区",
    "广西": "广西壮族自治区",
    "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区",
    "新疆": "新疆维吾尔自治区",
    "香港": "香港特别行政区",
    "澳门": "澳门特别行政区",
}
# Shopify writes a Chinese province in English (Shipping Province Name) or as a code
# (Shipping Province, ISO 3166-2:CN as Shopify spells it); the slips want 浙江省
_LATIN = {
    "Anhui": ("AH", "安徽省"), "Beijing": ("BJ", "北京市"), "Chongqing": ("CQ", "重庆市"),
    "Fujian": ("FJ", "福建省"), "Gansu": ("GS", "甘肃省"), "Guangdong": ("GD", "广东省"),
    "Guangxi": ("GX", "广西壮族自治区"), "Guizhou": ("GZ", "贵州省"), "Hainan": ("HI", "海南省"),
    "Hebei": ("HE", "河北省"), "Heilongjiang": ("HL", "黑龙江省"), "Henan": ("HA", "河南省"),
    "Hubei": ("HB", "湖北省"), "Hunan": ("HN", "湖南省"), "Inner Mongolia": ("NM", "内蒙古自治区"),
    "Jiangsu": ("JS", "江苏省"), "Jiangxi": ("JX", "江西省"), "Jilin": ("JL", "吉林省"),
    "Liaoning": ("LN", "辽宁省"), "Ningxia": ("NX", "宁夏回族自治区"), "Qinghai": ("QH", "青海省"),
    "Shaanxi": ("SN", "陕西省"), "Shandong": ("SD", "山东省"), "Shanghai": ("SH", "上海市"),
    "Shanxi": ("SX", "山西省"), "Sichuan": ("SC", "四川省"), "Tianjin": ("TJ", "天津市"),
    "Xinjiang": ("XJ", "新疆维吾尔自治区"), "Tibet": ("YZ", "西藏自治区"),
    "Xizang": ("XZ", "西藏自治区"),
    "Yunnan": ("YN", "云南省"), "Zhejiang": ("ZJ", "浙江省"),
}  # fmt: skip
_FROM_LATIN = {
    key.casefold(): full for name, (code, full) in _LATIN.items() for key in (name, code)
}
MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
# prefecture-level cities whose towns come straight under the city
NO_DISTRICT = frozenset({"东莞市", "中山市", "儋州市", "嘉峪关市"})

_POSTCODE = re.compile(r"\s*[(（]\s*(\d{6})?\s*[)）]\s*$")
_CITY = re.compile(r"^(.{1,12}?(?:自治州|地区|盟|市|省直辖县级行政区划|自治区直辖县级行政区划))")
_DISTRICT = re.compile(r"^(.{1,10}?(?:自治县|自治旗|林区|特区|新区|区|县|市|旗))")
_DISTRICT_WORD = re.compile(r"(?:区|县|市|旗)$")


def province_name(text: str) -> str:
    """A province's full name however written (``广西``, ``广西省`` → ``广西壮族自治区``)."""
    text = text.strip()
    return _FULL.get(text, text)


def province_from_latin(text: str) -> str:
    """A Chinese province as Shopify writes it (``Zhejiang``, ``ZJ``) → ``浙江省``.

    Only for an address whose country is CN: the codes alone (``HI``…) are also US states.
    """
    text = text.strip()
    return _FULL.get(text) or _FROM_LATIN.get(text.casefold(), text)


# every way a province is written, longest first (内蒙古自治区 before 内蒙古)
_WRITTEN = sorted(
    (
        (written, full)
        for short, full in PROVINCES.items()
        for written in {full, short + "省", short + "市", short}
    ),
    key=lambda pair: -len(pair[0]),
)
_FULL = {written: full for written, full in _WRITTEN}
_LENGTHS = sorted({len(written) for written in _FULL}, reverse=True)


def _province_prefix(text: str) -> tuple[str, str] | None:
    """(full province name, the rest) when ``text`` starts with a province, else None."""
    for length in _LENGTHS:
        full = _FULL.get(text[:length])
        if full is not None:
            return full, text[length:]
    return None


def split_postcode(text: str) -> tuple[str, str]:
    """(address without it, postcode): Taobao's ``…501室(310012)``; ``(000000)`` means none."""
    match = _POSTCODE.search(text)
    if not match:
        return text.strip(), ""
    code = match.group(1) or ""
    return text[: match.start()].strip(), "" if code == "000000" else code


def split_address(text: str) -> Address:
    """A one-line Chinese address into its parts; what cannot be placed stays in ``street``."""
    rest, postcode = split_postcode(" ".join(text.split()))
    tokens = rest.split(" ")
    if len(tokens) >= 3 and _province_prefix(tokens[0]) is not None:
        return _spaced(tokens, postcode)
    return _joined(rest, postcode)


def _spaced(tokens: list[str], postcode: str) -> Address:
    province = province_name(tokens[0])
    city = tokens[1]
    if province in MUNICIPALITIES and city in {"市辖区", "县", "城区", "郊县"}:
        city = province  # old exports name the municipality's 市辖区 as its city
    rest = tokens[2:]
    district = ""
    if city not in NO_DISTRICT and rest and _DISTRICT_WORD.search(rest[0]) and len(rest[0]) <= 10:
        district, rest = rest[0], rest[1:]
    return Address(
        province=province,
        city=city,
        district=district,
        street=" ".join(rest),
        postcode=postcode,
    )


def _joined(text: str, postcode: str) -> Address:
    """An address written without spaces (``北京朝阳区三环以内建国路88号``), as far as it goes."""
    compact = text.replace(" ", "")
    found = _province_prefix(compact)
    if found is None:
        return Address(street=text, postcode=postcode)
    province, rest = found
    if province in MUNICIPALITIES:
        city = province
        for written in (province, "市辖区"):
            if rest.startswith(written):
                rest = rest[len(written) :]
    else:
        match = _CITY.match(rest)
        if match is None:
            return Address(province=province, street=rest, postcode=postcode)
        city, rest = match.group(1), rest[match.end() :]
    district = ""
    if city not in NO_DISTRICT:
        match = _DISTRICT.match(rest)
        if match is not None:
            district, rest = match.group(1), rest[match.end() :]
    return Address(province=province, city=city, district=district, street=rest, postcode=postcode)
