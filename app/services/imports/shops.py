"""Shops: added and renamed by an administrator, or made by their first import.

An order number is unique within its shop only, so an import always knows its shop: named
by the user, or the one shop of the file's platform.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Shop
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text
from app.services.dispatch import slips as print_slips

# the platforms a shop may be on (the readers' Reading.platform values; "other": a mapped CSV)
PLATFORMS = ("taobao", "tmall", "jd", "douyin", "pinduoduo", "shopify", "other")
# Tmall's exports are Taobao's: a Taobao-format file fits a Tmall shop too
FAMILY = {"tmall": "taobao"}
PLATFORM_NAMES = {  # how an imported note is signed: the platform, never a person
    "taobao": "淘宝",
    "tmall": "天猫",
    "jd": "京东",
    "douyin": "抖店",
    "pinduoduo": "拼多多",
    "shopify": "Shopify",
    "other": "平台",
}

# the platforms' names as a user knows them, translated where shown (a refusal names them)
PLATFORM_LABELS = {
    "taobao": Label(QT_TRANSLATE_NOOP("Platform", "Taobao"), "Platform"),
    "tmall": Label(QT_TRANSLATE_NOOP("Platform", "Tmall"), "Platform"),
    "jd": Label(QT_TRANSLATE_NOOP("Platform", "JD"), "Platform"),
    "douyin": Label(QT_TRANSLATE_NOOP("Platform", "Douyin"), "Platform"),
    "pinduoduo": Label(QT_TRANSLATE_NOOP("Platform", "Pinduoduo"), "Platform"),
    "shopify": Label(QT_TRANSLATE_NOOP("Platform", "Shopify"), "Platform"),
    "other": Label(
        QT_TRANSLATE_NOOP("Platform", "Other (a CSV/XLSX with its own columns)"), "Platform"
    ),
}


def platform_label(platform: str) -> Label | str:
    """A platform's name for a message: translated where it is shown; an unknown one as is."""
    return PLATFORM_LABELS.get((platform or "").strip().lower(), platform)


@dataclass(frozen=True)
class ShopRow:
    id: int
    name: str
    platform: str


def _row(shop: Shop) -> ShopRow:
    return ShopRow(shop.id, shop.name, shop.platform)


def _name(text: str) -> str:
    return clean_text(text, field=Label(QT_TRANSLATE_NOOP("Field", "Shop name")), max_len=100)


def _platform(text: str) -> str:
    platform = (text or "").strip().lower()
    if platform not in PLATFORMS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Unknown platform “{platform}”: use one of {known}."),
            platform=text,
            known=", ".join(PLATFORMS),
        )
    return platform


def _taken(session: Session, name: str) -> None:
    if session.execute(select(Shop.id).where(Shop.name == name)).first() is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "There is already a shop “{name}”."), name=name
        )


def _create(session: Session, actor: Actor, name: str, platform: str, how: str) -> Shop:
    shop = Shop(name=name, platform=platform)
    session.add(shop)
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="shop.add",
        entity="shop",
        entity_key=name,
        after={"name": name, "platform": platform, "how": how},
    )
    return shop


def check_new(name: str, platform: str) -> tuple[str, str]:
    """A new shop's name and platform as stored, or why not (before anything is written)."""
    return _name(name), _platform(platform)


def add(session: Session, actor: Actor, name: str, *, platform: str) -> ShopRow:
    """A new shop (administrators): its orders come in by import."""
    require(session, actor, Action.SHOP_EDIT)
    clean, kind = check_new(name, platform)
    _taken(session, clean)
    return _row(_create(session, actor, clean, kind, "added"))


def rename(session: Session, actor: Actor, old: str, new: str) -> ShopRow:
    """Rename a shop (administrators); its orders, batches and history follow (they hold its id)."""
    require(session, actor, Action.SHOP_EDIT)
    shop = print_slips.shop_by_name(session, old)
    clean = _name(new)
    if clean == shop.name:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The shop is already called “{name}”."), name=clean
        )
    _taken(session, clean)
    before = shop.name
    shop.name = clean
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="shop.rename",
        entity="shop",
        entity_key=clean,
        before={"name": before},
        after={"name": clean},
    )
    return _row(shop)


def listing(session: Session) -> list[ShopRow]:
    return [_row(s) for s in session.execute(select(Shop).order_by(Shop.name)).scalars()]


def family(platform: str) -> str:
    value = (platform or "").strip().lower()
    return FAMILY.get(value, value)


def platform_name(platform: str) -> str:
    value = (platform or "").strip().lower()
    return PLATFORM_NAMES.get(value, value or PLATFORM_NAMES["other"])


def for_import(
    session: Session, actor: Actor, name: str | None, platform: str, *, create: bool = True
) -> tuple[ShopRow, bool]:
    """The shop an import goes to, and whether the import made it.

    Named: that shop, or a new one of the file's platform (its first import makes it).
    Not named: the one shop of that platform; none or several is refused, naming them.
    """
    if name and name.strip():
        clean = _name(name)
        shop = session.execute(select(Shop).where(Shop.name == clean)).scalar_one_or_none()
        if shop is not None:
            if family(shop.platform) != family(platform) and platform != "other":
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "UserError",
                        "The shop “{name}” sells on {shop_platform}, but this file is a "
                        "{platform} export. Choose the right shop.",
                    ),
                    name=shop.name,
                    shop_platform=platform_label(shop.platform),
                    platform=platform_label(platform),
                )
            return _row(shop), False
        if not create:  # a dry run: the shop is not made, and everything in it is new
            return ShopRow(0, clean, platform), True
        return _row(_create(session, actor, clean, platform, "first import")), True
    same = [s for s in listing(session) if family(s.platform) == family(platform)]
    if len(same) == 1:
        return same[0], False
    if not same:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "No shop sells on {platform} yet: name the shop this export belongs to "
                "(Shop on the Import page, --shop on the command line); this import creates it.",
            ),
            platform=platform_label(platform),
        )
    raise InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "Several shops sell on {platform} ({shops}): say which one this export belongs to.",
        ),
        platform=platform_label(platform),
        shops=", ".join(s.name for s in same),
    )
