"""How each practice mode names the partner's state: the engine's numbers are the same,
the words for them differ.

In listen mode the partner is upset and the numbers are arousal and connection,
read as the five nervous-system zones. In ask mode the partner is being asked for
support and tends to jump to logic or fixes: the same engine numbers read as
defensiveness and turning toward, and the zones as the stages a partner moves
through on the way to attunement (defending, explaining, listening, reflecting,
turned toward).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from simulator.movesets import PracticeMode
from simulator.zones import Zone


@dataclass(frozen=True, slots=True)
class ModeView:
    """The words one practice mode uses for the partner's state."""

    mode: PracticeMode
    tension: str
    """What the first number (the engine's arousal) is called."""
    closeness: str
    """What the second number (the engine's connection) is called."""
    stages: dict[Zone, str]
    """What each zone is called in this mode."""
    stage_word: str
    """`zone` or `stage`."""

    def stage(self, zone: Zone | str) -> str:
        """The mode's name for a zone."""
        return self.stages[Zone(zone)]


LISTEN_VIEW = ModeView(
    mode="listen",
    tension="arousal",
    closeness="connection",
    stages={zone: zone.value for zone in Zone},
    stage_word="zone",
)

ASK_STAGES: dict[Zone, str] = {
    Zone.FLOODED: "defending",
    Zone.ESCALATED: "explaining",
    Zone.GUARDED: "listening",
    Zone.SETTLING: "reflecting",
    Zone.REGULATED: "turned toward",
}

ASK_VIEW = ModeView(
    mode="ask",
    tension="defensiveness",
    closeness="turning toward",
    stages=ASK_STAGES,
    stage_word="stage",
)


def view_for(mode: PracticeMode | str) -> ModeView:
    """The state vocabulary of one practice mode."""
    return ASK_VIEW if mode == "ask" else LISTEN_VIEW


def _name_state(part: dict[str, Any], view: ModeView) -> None:
    part["stage"] = view.stage(str(part["zone"]))
    part["defensiveness"] = part["arousal"]
    part["turning_toward"] = part["connection"]


def add_stages(data: dict[str, Any], view: ModeView) -> None:
    """Ask mode's names for the state, added beside the engine's in a replay or export document.

    `start` and every turn (and taken-back try) get `stage`, `defensiveness` and
    `turning_toward` next to `zone`, `arousal` and `connection`.
    """
    parts = [data["start"]] if isinstance(data.get("start"), dict) else []
    for key in ("turns", "rewound"):
        parts += [t for t in data.get(key, []) if isinstance(t, dict)]
    for part in parts:
        _name_state(part, view)
