"""The procedure's money rules (三、(三) ⑤–⑦), as data: what a month's points cost or earn.

Every person starts at 100. Each point lost costs the rate of the band it falls in (88 points:
10 points × 10 元 + 2 × 20 元 = 140 元); below 60 the person is flagged for dismissal; 110 or
more earns a 100 元 reward. The supervisor's own rule: half the team or more at 100 or above
earns the supervisor 100 元; anyone of the team below 60 costs the supervisor 100 元.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

START = 100
# (from, down to, 元 per point lost within the band)
BANDS: tuple[tuple[int, int, int], ...] = ((100, 90, 10), (90, 80, 20), (80, 70, 30), (70, 60, 40))
DISMISSAL_BELOW = 60
REWARD_AT, REWARD = 110, 100
TEAM_FULL_MARKS, TEAM_BONUS = 100, 100  # half the team at ≥ 100: +100 元 for the supervisor
TEAM_FAILURE_BELOW, TEAM_PENALTY = 60, 100  # anyone below 60: −100 元 for the supervisor


@dataclass(frozen=True)
class Money:
    deduction: Decimal  # what the lost points cost
    reward: Decimal  # 110 or more
    team: Decimal  # the supervisor's own rule (±), 0 for everyone else
    dismissal: bool  # below 60

    @property
    def net(self) -> Decimal:
        return self.reward + self.team - self.deduction


def deduction(points: int) -> Decimal:
    total = 0
    for high, low, rate in BANDS:
        if points < high:
            total += (high - max(points, low)) * rate
    return Decimal(total)


def for_points(points: int, team: int = 0) -> Money:
    return Money(
        deduction=deduction(points),
        reward=Decimal(REWARD if points >= REWARD_AT else 0),
        team=Decimal(team),
        dismissal=points < DISMISSAL_BELOW,
    )


def supervisor_team_money(team_points: list[int]) -> int:
    """The supervisor's ± from the team's points (the supervisors themselves not counted)."""
    if not team_points:
        return 0
    money = 0
    if 2 * sum(1 for p in team_points if p >= TEAM_FULL_MARKS) >= len(team_points):
        money += TEAM_BONUS
    if any(p < TEAM_FAILURE_BELOW for p in team_points):
        money -= TEAM_PENALTY
    return money
