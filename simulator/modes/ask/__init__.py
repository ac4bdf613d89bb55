"""Ask mode: the learner needs support and asks a partner who jumps to logic or fixes.

The same engine numbers read as defensiveness and turning toward, and the zones
as the stages a partner moves through on the way to attunement (defending,
explaining, listening, reflecting, turned toward). Registers itself on import.
"""

from pathlib import Path

from simulator.modes.ask.coaching import ASK_COACHING
from simulator.modes.ask.judge import ASK_RUBRIC
from simulator.modes.ask.lexicon import ASK_RULES, ASK_SARCASM_CUES
from simulator.modes.ask.moves import ASK_MOVE_INFO, AskMove
from simulator.modes.ask.plan import ASK_PLANNING
from simulator.modes.ask.policies import ASK_POLICIES
from simulator.modes.ask.rates import AskRates
from simulator.modes.ask.tryout import ask_tryout
from simulator.modes.ask.words import ASK_ROLE_SWAP, ASK_WORDS
from simulator.modes.base import LearnedSpec, Mode, RuleSource
from simulator.modes.registry import register_mode

ASK = register_mode(
    Mode(
        name="ask",
        moves=tuple(ASK_MOVE_INFO.values()),
        rules=RuleSource(ASK_RULES, ASK_SARCASM_CUES, AskMove.CONTEMPT),
        rates=AskRates(),
        words=ASK_WORDS,
        coaching=ASK_COACHING,
        policies=ASK_POLICIES,
        persona_template="persona_ask.j2",
        rubric_template="judge_rubric_ask.j2",
        rubric=ASK_RUBRIC,
        role_swap=ASK_ROLE_SWAP,
        tryout=ask_tryout,
        planning=ASK_PLANNING,
        learned=LearnedSpec(
            Path(__file__).parent / "learned.npz",
            (
                "tests/data/moves_blind/dev_ask_*.jsonl",
                "tests/data/ask_moves_dev.yaml",
                "tests/data/ask_moves_dev2.yaml",
            ),
        ),
    )
)
