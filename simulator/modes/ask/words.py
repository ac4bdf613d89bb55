"""Ask mode's words for the partner's state, and the asker's lines a persona must not say."""

from __future__ import annotations

from simulator.domain.zones import Zone
from simulator.modes.base import StateWords

ASK_STAGES: dict[Zone, str] = {
    Zone.FLOODED: "defending",
    Zone.ESCALATED: "explaining",
    Zone.GUARDED: "listening",
    Zone.SETTLING: "reflecting",
    Zone.REGULATED: "turned toward",
}

ASK_WORDS = StateWords(
    tension="defensiveness",
    closeness="turning toward",
    stages=ASK_STAGES,
    stage_word="stage",
    state_keys=("defensiveness", "turning_toward"),
    lines_by="stage",
    upset="defensive",
    learner_asks=True,
    partner_default="(the partner is explaining or fixing)",
    panel_title="Is {name} with you?",
    gauge_labels=("defensive ", "toward you"),
    steps_title="Asking for what you need",
    steps_shown_title="How you asked",
    traps_title="Traps",
    missteps_title="Traps",
    list_note=", you ask",
    header_note=", ask mode",
    card_kind="ask-mode ",
    picker_label=" YOU ASK ",
    scenario_how=(
        "You ask: this time you need support. {name} jumps to logic and fixes; "
        "practise asking for what you need."
    ),
    chart_legend=(
        "Solid line: defensiveness (how hard the partner defends or explains). "
        "Dashed line: turning toward you. Bands: the partner's stages."
    ),
)

# The learner is the one asking for support. The persona writing the asker's
# lines ("I just need you to be with me") has swapped roles.
ASK_ROLE_SWAP: tuple[str, ...] = (
    r"\bi(?:'m| am) not asking you to (?:fix|solve)\b",
    r"\bi (?:just )?need you to (?:just )?(?:be with me|sit with me|hold me|listen to me)\b",
    r"\b(?:can|could) you (?:reflect|say back|tell me) what you hear\b",
    r"\bi (?:think i )?need comfort first\b",
    r"\bwhen you jump to (?:logic|fixing|solutions)\b",
    r"\bcan you slow down with me\b",
)
