"""What the learner reads when attune steps out of the scene: a pause, or a check-in."""

from __future__ import annotations

from simulator.safety.levels import Distress

DEFAULT_RESOURCES = (
    "If you are in danger right now, call your local emergency number (911 in the US, "
    "999 in the UK, 112 in the EU).\n"
    "If you are thinking about suicide or hurting yourself, you can talk to someone now: "
    "in the US call or text 988; in the UK and Ireland call Samaritans on 116 123; "
    "elsewhere, findahelpline.com lists free, confidential lines.\n"
    "If someone is hurting you, a domestic abuse helpline can help you stay safe "
    "(US 1-800-799-7233; UK 0808 2000 247)."
)


def pause_message(distress: Distress, partner: str, resources: str) -> str:
    """The out-of-character note shown instead of the partner's reply."""
    return (
        f"Pausing the practice. {partner} is not a real person: this is a practice tool, "
        f"and a program plays {partner}. What you just wrote sounds like it may be about "
        f"something real ({distress.kind.plain}). That matters more than the practice, "
        "and you deserve help from a person.\n\n"
        f"{resources.strip()}\n\n"
        "You can go back to the practice whenever you choose, or end it here."
    )


def check_in_message(partner: str) -> str:
    """The out-of-character question asked once on an uncertain sign; help is offered beside it."""
    return (
        "Stepping out of the scene for a moment: what you just wrote might be about "
        "something real, not only the practice. Are you okay? If it was part of the scene, "
        f"carry on whenever you like; {partner} did not hear it."
    )
