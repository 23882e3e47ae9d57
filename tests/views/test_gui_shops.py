"""The Shops page: each shop's sender block, its default courier, and the same-day cut-off."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import Database
from app.models import DocLanguage, Order, Role, Shop
from app.services.core.actor import Actor
from app.services.dispatch import batches as printing
from app.services.dispatch import senders as shop_senders
from app.services.dispatch import slips as print_slips
from app.views.dispatch.print_page import PrintPage
from app.views.shell.shops_page import ShopsDialog, ShopsPage
from tests.views.layout import assert_fits


def _page(qtbot: QtBot, actor: Actor) -> ShopsPage:
    page = ShopsPage(actor)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    return page


def _shops(db: Database) -> dict[str, shop_senders.ShopSender]:
    return {s.shop: s for s in db.read(shop_senders.shops)}


def test_an_admin_saves_a_shops_sender_details(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    page = _page(qtbot, actors[Role.ADMIN])
    names = sorted(_shops(gui_shop))
    assert [page.shop_list.item(i).text() for i in range(page.shop_list.count())] == names
    shop = names[-1]
    page.select(shop)
    assert shop in page.shop_name.text()
    page.sender_name.setText("  杭州仓 & Co  ")
    page.sender_phone.setText("0571-88886666")
    page.return_address.setText("浙江省杭州市余杭区仓前街道文一西路 1 号")
    page.default_courier.setCurrentText("顺丰速运")
    assert page.doc_language.currentData() == _shops(gui_shop)[shop].doc_language.value
    page.doc_language.setCurrentIndex(page.doc_language.findData("both"))
    with qtbot.waitSignal(page.saved, timeout=20_000):
        page.save_button.click()
    assert not errors and not page.banner.isVisible()
    assert page.status.text() == f"Saved the sender details of {shop}."

    saved = _shops(gui_shop)[shop]
    assert (saved.sender_name, saved.sender_phone, saved.default_courier) == (
        "杭州仓 & Co",
        "0571-88886666",
        "顺丰速运",
    )
    assert saved.return_address == "浙江省杭州市余杭区仓前街道文一西路 1 号"
    assert saved.doc_language is DocLanguage.BOTH  # the shop's documents print “中文 English”
    assert "顺丰速运" in gui_shop.read(shop_senders.couriers)
    # what the shop's labels print
    sender = gui_shop.read(
        lambda s: (
            print_slips.slip_for(
                s.execute(select(Order).join(Shop).where(Shop.name == shop).limit(1)).scalar_one()
            ).sender
        )
    )
    assert (sender.name, sender.phone) == ("杭州仓 & Co", "0571-88886666")
    qtbot.waitUntil(lambda: page.sender_name.text() == "杭州仓 & Co")  # reloaded after the save
    assert_fits(page)


def test_a_refused_save_shows_the_services_reason(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    page = _page(qtbot, actors[Role.ADMIN])
    shop = page.current_shop()
    before = _shops(gui_shop)[shop]
    page.sender_name.setText("Returns desk")
    page.sender_phone.setText("   ")
    page.return_address.setText("somewhere")
    page.save_button.click()
    qtbot.waitUntil(page.banner.isVisible, timeout=20_000)
    assert page.banner.text() == "Phone cannot be empty."
    assert _shops(gui_shop)[shop] == before and page.save_button.isEnabled()
    assert page.sender_name.text() == "Returns desk"  # what was typed stays to be corrected


def test_the_printer_sees_the_details_read_only_from_the_print_page(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    printer = actors[Role.PRINTER]
    page = PrintPage(printer)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    assert page.shops_button.isVisible()
    page.shops_button.click()
    dialog = page.shops
    assert isinstance(dialog, ShopsDialog) and dialog.isVisible()
    shops = dialog.page
    qtbot.waitUntil(lambda: shops.shop_list.count() > 0, timeout=20_000)
    assert shops.sender_name.isReadOnly() and shops.cutoff.isReadOnly()
    assert not shops.save_button.isVisible() and not shops.cutoff_button.isVisible()
    assert shops.read_only_note.isVisible()
    assert_fits(dialog)
    assert_fits(page)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.SUPERVISOR])
def test_the_cut_off_is_set_here_and_the_print_list_starts_from_it(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], role: Role, errors: list[str]
) -> None:
    page = _page(qtbot, actors[role])
    assert page.cutoff.text() == "16:00" and page.cutoff_button.isVisible()
    printing_page = PrintPage(actors[Role.PRINTER])
    qtbot.addWidget(printing_page)
    with qtbot.waitSignal(printing_page.loaded, timeout=20_000):
        printing_page.show()
    assert printing_page.use_cutoff.text() == "Paid by today's cut-off (16:00)"

    page.cutoff.setText("25:00")
    page.cutoff_button.click()
    qtbot.waitUntil(page.banner.isVisible, timeout=20_000)
    assert page.banner.text() == "“25:00” is not a time of day: write it as 16:00."
    assert gui_shop.read(print_slips.cutoff) == "16:00"

    page.cutoff.setText("9:30")
    # the print page follows the change
    with qtbot.waitSignals([page.saved, printing_page.loaded], timeout=20_000):
        page.cutoff_button.click()
    assert page.cutoff.text() == "09:30" and not page.banner.isVisible()
    assert gui_shop.read(print_slips.cutoff) == "09:30"
    assert printing_page.use_cutoff.text() == "Paid by today's cut-off (09:30)"
    expected = gui_shop.read(lambda s: printing.waiting(s))
    assert printing_page.waiting_model.rowCount() == len(expected)
    assert not errors


def test_saving_one_part_keeps_what_is_typed_in_the_other(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    """The cut-off saved while a phone number is half typed: the typing stays, and so does
    the confirmation."""
    page = _page(qtbot, actors[Role.ADMIN])
    page.sender_phone.setText("0571-8888")
    page.cutoff.setText("17:30")
    with qtbot.waitSignal(page.loaded, timeout=20_000):  # the reload the save causes
        page.cutoff_button.click()
    assert page.sender_phone.text() == "0571-8888"
    assert page.status.text() == "The same-day cut-off is now 17:30."
    assert gui_shop.read(print_slips.cutoff) == "17:30"
