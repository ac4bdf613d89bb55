"""Why the guard rejects a reply."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class GuardReason(StrEnum):
    """Each way a persona reply can break character."""

    LEAK = "leak"
    """Talks about its instructions, prompt or the role-play set-up."""
    AI_ADMISSION = "ai_admission"
    """Says it is an AI, assistant, model or program, or talks like a helpdesk."""
    THERAPIST_VOICE = "therapist_voice"
    """Coaches the learner or speaks like a counsellor instead of the partner."""
    SPEAKS_AS_LEARNER = "speaks_as_learner"
    """Writes the learner's lines, or owns the learner's part of the story."""
    TOO_LONG = "too_long"
    """Runs past what one spoken turn should be."""
    ZONE_MISMATCH = "zone_mismatch"
    """Contradicts the engine's zone (warm while flooded, hostile while settled...)."""
    EMPTY = "empty"
    """Says nothing at all."""
    REPETITIVE = "repetitive"
    """Says a sentence again: within the reply, or from an earlier reply."""
    ABUSIVE = "abusive"
    """Demeans, threatens or is cruel: a persona may be angry, never abusive."""
    HARM = "harm"
    """Speaks of self-harm, suicide, abuse or violence, in any person: the persona's pain
    stays in the scene, and a learner's real distress is never mirrored back."""

    THIRD_PERSON = "third_person"
    """Talks about itself by its own name or in the third person ("Priya smiles")."""
    NARRATION = "narration"
    """Narrates or stages the scene ("smiles and says:", "*sighs*", "she said")."""
    FOREIGN = "foreign"
    """Brings in people, places or events that are not in the scene."""
    STANCE = "stance"
    """Goes against the plan's stance: warming up while it pushes back, hostile while it
    opens up."""

    @property
    def plain(self) -> str:
        """The reason as a phrase for a retry prompt or a coach."""
        return _PLAIN[self]


_PLAIN = {
    GuardReason.LEAK: "it talked about instructions instead of the conversation",
    GuardReason.AI_ADMISSION: "it sounded like an assistant, not a person",
    GuardReason.THERAPIST_VOICE: "it gave advice like a counsellor",
    GuardReason.SPEAKS_AS_LEARNER: "it spoke for your partner instead of for yourself",
    GuardReason.TOO_LONG: "it was far too long",
    GuardReason.ZONE_MISMATCH: "it did not match how you feel right now",
    GuardReason.EMPTY: "it said nothing",
    GuardReason.REPETITIVE: "it repeated itself",
    GuardReason.ABUSIVE: "it was cruel or threatening; be angry, never demeaning",
    GuardReason.HARM: "it spoke of hurting someone or oneself; keep the hurt to the two of you",
    GuardReason.THIRD_PERSON: "it talked about you in the third person; say I, not your name",
    GuardReason.NARRATION: "it narrated or described actions; say only the words you speak",
    GuardReason.FOREIGN: "it brought in people, places or events that are not in this scene",
    GuardReason.STANCE: "it took the wrong tone for how you take what was just said",
}


class Finding(BaseModel):
    """One reason a reply was rejected, with the words that showed it."""

    model_config = ConfigDict(frozen=True)

    reason: GuardReason
    evidence: str

    def __str__(self) -> str:
        return f"{self.reason.value}: {self.evidence!r}" if self.evidence else self.reason.value
