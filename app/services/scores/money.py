"""The procedure's money rules (三、(三) ⑤–⑦): what a month's points cost or earn.

Every person starts at 100. Each point lost costs the rate of the band it falls in (88 points:
10 points × 10 元 + 2 × 20 元 = 140 元); below 60 the person is flagged for dismissal; 110 or
more earns a 100 元 reward. The supervisor's own rule: half the team or more at 100 or above
earns the supervisor 100 元; anyone of the team below 60 costs the supervisor 100 元.

Those figures are the defaults of ``MoneyRules``: the administrator changes them (the shop's
setting, money_rules.py); every computation of money is here, given the rules in force.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

START = 100  # every month starts at 100 points (the procedure's; not a money rule)
Band = tuple[int, int, int]  # (from, down to, 元 per point lost within the band)
DEFAULT_BANDS: tuple[Band, ...] = ((100, 90, 10), (90, 80, 20), (80, 70, 30), (70, 60, 40))


@dataclass(frozen=True)
class MoneyRules:
    bands: tuple[Band, ...] = DEFAULT_BANDS
    dismissal_below: int = 60
    reward_at: int = 110
    reward: int = 100
    team_full_marks: int = 100  # half the team at ≥ this: the supervisor's bonus
    team_bonus: int = 100
    team_failure_below: int = 60  # anyone of the team below this: the supervisor's penalty
    team_penalty: int = 100

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["bands"] = [list(b) for b in self.bands]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MoneyRules:
        """Stored values over the defaults (a key the setting lacks keeps the procedure's)."""
        values = {
            k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__ and k != "bands"
        }
        bands = tuple((int(h), int(low), int(r)) for h, low, r in data.get("bands", DEFAULT_BANDS))
        return cls(bands, **values)


DEFAULT = MoneyRules()


@dataclass(frozen=True)
class Money:
    deduction: Decimal  # what the lost points cost
    reward: Decimal  # at or above the reward's points
    team: Decimal  # the supervisor's own rule (±), 0 for everyone else
    dismissal: bool  # below the dismissal's points

    @property
    def net(self) -> Decimal:
        return self.reward + self.team - self.deduction


def deduction(points: int, rules: MoneyRules = DEFAULT) -> Decimal:
    total = 0
    for high, low, rate in rules.bands:
        if points < high:
            total += (high - max(points, low)) * rate
    return Decimal(total)


def for_points(points: int, team: int = 0, rules: MoneyRules = DEFAULT) -> Money:
    return Money(
        deduction=deduction(points, rules),
        reward=Decimal(rules.reward if points >= rules.reward_at else 0),
        team=Decimal(team),
        dismissal=points < rules.dismissal_below,
    )


def supervisor_team_money(team_points: list[int], rules: MoneyRules = DEFAULT) -> int:
    """The supervisor's ± from the team's points (the supervisors themselves not counted)."""
    if not team_points:
        return 0
    money = 0
    if 2 * sum(1 for p in team_points if p >= rules.team_full_marks) >= len(team_points):
        money += rules.team_bonus
    if any(p < rules.team_failure_below for p in team_points):
        money -= rules.team_penalty
    return money
