"""Blind rating of replies: a pack a rater can judge without knowing who wrote what.

`build_pack` turns an eval run into shuffled items (the scene in one sentence, the
partner's previous line, the learner's message, the reply), with no voice or model
name; the key (which voice, persona, case, turn and guard outcome) is kept apart.
A rater answers three yes/no questions per item in `ratings.csv`; `score_ratings`
joins the ratings with the key and gives the rates per voice and per guard outcome.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from simulator.evals.runner import SuiteRun
from simulator.llm.client import SCRIPTED
from simulator.personas.loader import Catalog
from simulator.support.errors import AttuneError
from simulator.support.safe_read import read_text

QUESTIONS = ("coherent", "responsive", "believable")
ITEMS_FILE = "items.jsonl"
RATINGS_FILE = "ratings.csv"
README_FILE = "README.txt"
_YES = {"yes", "y"}
_NO = {"no", "n"}

README = """\
Blind rating pack: {count} replies from a practice partner, in random order.

Each item in items.jsonl (and the same item id in ratings.csv) has:
  scene          the situation, in one sentence
  partner_before what the partner said just before
  learner        what the person practising said to them
  reply          the partner's answer: this is what you rate

In ratings.csv, fill the three columns of every row with yes or no:
  coherent    Something this partner could plausibly say, in the first person, in this
              scene: no invented unrelated events, places or people; no third-person
              narration or stage directions; no assistant or therapist talk; nothing that
              contradicts the scene.
  responsive  It reacts to what the learner just said, not a line that would fit after
              anything.
  believable  A person rehearsing this talk would accept it as how a real upset partner
              might answer here.

Leave a row's three answers empty to skip an item. Do not change the item ids or the
header line (item,coherent,responsive,believable). Judge each reply on its own; nothing
tells you who or what wrote it, and nothing should.
"""


class PackItem(BaseModel):
    """What the rater sees of one reply."""

    model_config = ConfigDict(frozen=True)

    item: str
    scene: str
    partner_before: str
    learner: str
    reply: str


class KeyEntry(BaseModel):
    """Who wrote an item's reply, kept from the rater."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    item: str
    voice: str
    persona: str
    case: str
    turn: int
    guard: str
    """How the reply reached the learner: pass (first attempt), retry or fallback."""


def build_pack(run: SuiteRun, catalog: Catalog, seed: int) -> tuple[list[PackItem], list[KeyEntry]]:
    """Every reply of the run as a blind item, shuffled with `seed`, and its key."""
    rows: list[tuple[dict[str, str], dict[str, object]]] = []
    for result in run.results:
        if result.error is not None:
            continue
        card = catalog.get(result.persona)
        # A dynamics case the model did not voice was spoken by the authored lines.
        voice = result.model if result.voiced else SCRIPTED
        before = result.opening
        for turn in result.turns:
            rows.append(
                (
                    {
                        "scene": card.summary,
                        "partner_before": before,
                        "learner": turn.user,
                        "reply": turn.reply,
                    },
                    {
                        "voice": voice,
                        "persona": result.persona,
                        "case": result.id,
                        "turn": turn.index,
                        "guard": turn.guard,
                    },
                )
            )
            before = turn.reply
    random.Random(seed).shuffle(rows)
    width = max(4, len(str(len(rows))))
    items, key = [], []
    for number, (seen, hidden) in enumerate(rows, 1):
        item = f"{number:0{width}d}"
        items.append(PackItem(item=item, **seen))
        key.append(KeyEntry.model_validate({"item": item, **hidden}))
    return items, key


def key_path(pack: Path) -> Path:
    """Where a pack's key lives: beside the pack folder, never inside it."""
    return pack.with_name(f"{pack.name}-key.jsonl")


def pack_files(items: list[PackItem], key: list[KeyEntry]) -> dict[str, str]:
    """The pack's files (name: text) and, under the key's own name, the key."""
    ratings = io.StringIO()
    writer = csv.writer(ratings, lineterminator="\n")
    writer.writerow(["item", *QUESTIONS])
    for item in items:
        writer.writerow([item.item, "", "", ""])
    return {
        ITEMS_FILE: "".join(item.model_dump_json() + "\n" for item in items),
        RATINGS_FILE: ratings.getvalue(),
        README_FILE: README.format(count=len(items)),
        "key": "".join(entry.model_dump_json() + "\n" for entry in key),
    }


def read_key(path: Path) -> dict[str, KeyEntry]:
    """A pack's key by item id; AttuneError naming the file and line of a bad entry."""
    out: dict[str, KeyEntry] = {}
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = KeyEntry.model_validate(json.loads(line))
        except (ValueError, ValidationError):
            raise AttuneError(f"{path} line {number}: not a key entry") from None
        out[entry.item] = entry
    return out


def read_ratings(path: Path, known: set[str]) -> dict[str, dict[str, bool]]:
    """A rater's answers by item id (skipped items left out); AttuneError naming the line."""
    rows = list(csv.reader(io.StringIO(read_text(path))))
    if not rows or [c.strip().lower() for c in rows[0]] != ["item", *QUESTIONS]:
        raise AttuneError(f"{path} line 1: the header must be item,{','.join(QUESTIONS)}")
    out: dict[str, dict[str, bool]] = {}
    for number, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 1 + len(QUESTIONS):
            raise AttuneError(f"{path} line {number}: expected 4 columns, found {len(row)}")
        item, *answers = (cell.strip() for cell in row)
        if item not in known:
            raise AttuneError(f"{path} line {number}: unknown item {item!r}")
        if item in out:
            raise AttuneError(f"{path} line {number}: item {item} is rated twice")
        if not any(answers):
            continue
        parsed: dict[str, bool] = {}
        for question, answer in zip(QUESTIONS, answers, strict=True):
            word = answer.lower()
            if word not in _YES | _NO:
                raise AttuneError(
                    f"{path} line {number}: {question} must be yes or no, not {answer!r}"
                )
            parsed[question] = word in _YES
        out[item] = parsed
    return out


class RateRow(BaseModel):
    """The rates of one group of rated items."""

    group: str
    rated: int
    coherent: float
    responsive: float
    believable: float


def score_ratings(
    ratings: dict[str, dict[str, bool]], key: dict[str, KeyEntry]
) -> dict[str, list[RateRow]]:
    """Rates per voice, and per voice and guard outcome."""
    groups: dict[str, dict[str, list[dict[str, bool]]]] = {
        "voice": defaultdict(list),
        "voice_and_guard": defaultdict(list),
    }
    for item, answers in ratings.items():
        entry = key[item]
        groups["voice"][entry.voice].append(answers)
        groups["voice_and_guard"][f"{entry.voice} / {entry.guard}"].append(answers)
    return {
        kind: [
            RateRow(
                group=name,
                rated=len(rows),
                **{q: round(sum(r[q] for r in rows) / len(rows), 3) for q in QUESTIONS},
            )
            for name, rows in sorted(grouped.items())
        ]
        for kind, grouped in groups.items()
    }


def rates_table(scores: dict[str, list[RateRow]]) -> str:
    """The rates as plain text, per voice then per voice and guard outcome."""
    lines = []
    for kind, title in (("voice", "voice"), ("voice_and_guard", "voice / guard outcome")):
        lines.append(f"{title:<40}{'rated':>6}{'coherent':>10}{'responsive':>12}{'believable':>12}")
        for row in scores[kind]:
            lines.append(
                f"{row.group:<40}{row.rated:>6}{row.coherent:>10.0%}"
                f"{row.responsive:>12.0%}{row.believable:>12.0%}"
            )
        lines.append("")
    return "\n".join(lines).rstrip()
