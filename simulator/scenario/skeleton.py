"""`attune personas new ID`: a commented card skeleton for a coach to fill in.

Every value to write is a `<fill in: ...>` placeholder, so the skeleton is valid YAML with
the right shape, and `attune personas validate` lists exactly what is still to be filled in.
"""

from __future__ import annotations

from simulator.personas.placeholders import PLACEHOLDER

__all__ = ["PLACEHOLDER", "SKELETON", "skeleton"]

SKELETON = """\
# A persona card for attune. Fill in every "<fill in: ...>", then check it with
#   attune personas validate {path}
# and practise with it:
#   attune practice --persona {id}
# Each field is described in simulator/personas/card.py; the shipped cards
# (attune personas show unanswered-text) are worked examples.
id: "{id}"                      # must match the file name
name: "<fill in: the partner's first name>"
mode: "listen"                  # the learner attunes to an upset partner
summary: "<fill in: the scenario in one sentence, for lists (160 characters at most)>"
scenario: >
  <fill in: what the learner walks into, told to the learner ("You ...")>
situation: >
  <fill in: the same scene from the partner's side, told to the partner ("You ...");
  the model is prompted with it>
opening:                        # the partner's first line(s); one is picked per session
  - "<fill in: what they say first>"
underneath:
  emotion: "hurt"               # hurt, fear, shame, loneliness, sadness, overwhelm, inadequacy
  description: "<fill in: for coaches, what this softer feeling is about for them>"
  surfaces_at: 60               # connection (30-95) at which it can come through
  lines:                        # what they say once it does
    - "<fill in: the softer feeling, said out loud>"
style: "pursue"                 # pursue: pushes and protests; withdraw: goes quiet
baseline:
  arousal: 65                   # 0-100; 80 and above is flooded
  connection: 30                # 0-100: how much they feel you are with them
sensitivity: 1.0                # 0.5-2.0: how hard missteps land
soothes:                        # attuned moves that land well (attune moves)
  - move: "validate"
    why: "<fill in: why this helps them>"
triggers:                       # misattuned moves that land hard
  - move: "minimize"
    why: "<fill in: why this hurts them>"
lines:                          # a few lines per zone, in their voice
  flooded:
    - "<fill in: overwhelmed; a pursuer shouts, a withdrawer shuts down>"
  escalated:
    - "<fill in: upset; pushing harder or pulling away>"
  guarded:
    - "<fill in: wary, testing whether you get it>"
  settling:
    - "<fill in: calming, saying what it was like>"
  regulated:
    - "<fill in: close again, open to planning next time>"
# Optional: non-verbal cues shown under their replies (posture, gaze, voice, pace), in the
# third person, 120 characters at most; any zones you like, e.g.
# cues:
#   by_zone:
#     flooded: ["She doesn't look up from her phone."]
#     settling: ["She finally sets the phone face-down."]
#   after_misstep: ["Her jaw tightens."]
#   after_attuned: ["She breathes out, slowly."]
# Optional: how they answer each kind of message, by how heated they are (hot: flooded
# or escalated; wary: guarded; cool: settling or regulated). Families: minimizing,
# explaining, fixing, correcting, defending_intent, counter_attack, turning_away,
# reflecting, validating, support, questions, repair, owning_impact, inviting_solutions,
# nothing_recognised. Without them the partner answers with the zone's lines.
# reactions:
#   minimizing:
#     hot:
#       - "Don't tell me it's no big deal. It's a big deal to me!"
#     cool:
#       - "Maybe it sounds small now. It still mattered to me."
"""


def skeleton(card_id: str, path: str) -> str:
    """The commented skeleton for a card with this id, written to `path`."""
    return SKELETON.format(id=card_id, path=path)
