"""The month's roster on paper: A4 landscape, one line per person, one column per day."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.outputs import check_output, url_of
from app.services.roster.rotation import RosterGrid, read_grid
from app.services.roster.shifts import TEAM_LABELS
from app.services.scores.export import Paper, write_pdf
from app.services.scores.months import Month

Translate = Callable[[str, str], str]
WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")


def legend(grid: RosterGrid, language: str) -> str:
    return " · ".join(f"{s.name(language)} {s.hours_text}" for s in grid.shifts.values())


def cell_labels(grid: RosterGrid, language: str) -> dict[str, str]:
    """What a day's cell prints for each shift. Chinese: the name, which breaks between any
    two characters (客服/早班). English: the initials of the name's words (SE for "Service
    early", P for "Printer"; a second shift with the same initials adds a number), since a
    day's column is narrower than "Service" and would break the word ("Servi/ce")."""
    if language.startswith("zh"):
        return {code: shift.name_zh for code, shift in grid.shifts.items()}
    labels: dict[str, str] = {}
    for code, shift in grid.shifts.items():
        initials = "".join(word[0] for word in shift.name_en.split()).upper() or code[:2].upper()
        label, n = initials, 1
        while label in labels.values():
            n += 1
            label = f"{initials}{n}"
        labels[code] = label
    return labels


def pdf_bytes(grid: RosterGrid, translate: Translate, language: str, printed: str = "") -> bytes:
    from app.printing.register_pdf import RegisterSheet, tables_pdf

    zh = language.startswith("zh")
    labels = cell_labels(grid, language)
    # the shift as the legend and the shifts page name it: with its mark where it has one
    named = {
        code: shift.name(language) if zh else f"{labels[code]} {shift.name(language)}"
        for code, shift in grid.shifts.items()
    }
    headers = [translate("Roster", "Person")] + [
        f"{d.day}\n{WEEKDAYS[d.weekday()] if zh else f'{d:%a}'[:2]}" for d in grid.days
    ]
    rows = [
        [p.display_name] + [labels.get(grid.cells.get((p.user_id, d), ""), "") for d in grid.days]
        for p in grid.people
    ]
    title = translate("Roster", "Duty roster {month}").format(month=grid.month)
    page_label = translate("Roster", "page {page} of {pages}")
    sheet = RegisterSheet(
        title=title,
        period=" · ".join(f"{named[c]} {s.hours_text}" for c, s in grid.shifts.items()),
        headers=headers,
        rows=rows,
        page_label=page_label,
        printed=printed,
        weights=(20.0, *(8.0,) * len(grid.days)),
    )
    # the heading's legend is cut when the shop defines more shifts: every shift in full
    hours = RegisterSheet(
        title=translate("Roster", "Shifts"),
        period=str(grid.month),
        headers=[translate("Roster", "Shift"), translate("Roster", "Team"),
                 translate("Roster", "Hours")],
        rows=[[named[c], translate("RosterTeam", TEAM_LABELS.get(s.team, s.team)),
               s.hours_text] for c, s in grid.shifts.items()],
        page_label=page_label,
        printed=printed,
        weights=(2.0, 2.0, 4.0),
    )  # fmt: skip
    return tables_pdf([sheet, hours], title, count_across=True).data


def print_month(
    session: Session,
    actor: Actor,
    month: Month,
    target: Path,
    paper: Paper,
    *,
    overwrite: bool = False,
) -> RosterGrid:
    require(session, actor, Action.ROSTER_READ)
    if Path(target).suffix.lower() != ".pdf":
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The roster is printed as a .pdf file: {path}"),
            path=str(target),
        )
    path = check_output(url_of(session), target, overwrite=overwrite)
    grid = read_grid(session, month)
    write_pdf(path, pdf_bytes(grid, paper.translate, paper.language, paper.printed))
    return grid
