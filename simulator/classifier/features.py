"""What the learned layer reads in a message: word pieces, character and word n-grams, clauses.

Chat text breaks word lists ("im hear", "u", "evrything"); character n-grams still
overlap with the spelled form, and MiniLM's word-piece vocabulary maps a misspelling
to pieces that mean something close. Both are cheap: a message costs well under a
millisecond, so the learned layer adds no noticeable delay to a turn.
"""

from __future__ import annotations

import itertools
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tokenizers import Tokenizer

NGRAM_BUCKETS = 4096
"""Hashed n-gram features: enough that unrelated grams rarely share a bucket for ~2,000 lines."""

_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_CLAUSE = re.compile(
    r"[.!?;\n]+\s*"
    r"|,\s+(?=(?:and|but|so|i|im|u|you|ur|youre|its|it|that|thats|this|we|can|do|tell|what|how)\b)"
    r"|\s+(?:but|and|so|tho|though)\s+(?=(?:i|im|u|you|ur|youre|its|it|that|thats|this|we)\b)",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Lowercase words with apostrophes dropped and other punctuation as spaces."""
    lowered = text.lower().replace("'", "").replace("\u2019", "")
    return " ".join(_NON_WORD.sub(" ", lowered).split())


def ngram_buckets(text: str) -> list[int]:
    """Hashed character 3-5-grams, words and word pairs of the folded text."""
    folded = fold(text)
    words = folded.split()
    padded = f" {folded} "
    grams = [padded[i : i + n] for n in (3, 4, 5) for i in range(len(padded) - n + 1)]
    grams += words
    grams += [f"{a}_{b}" for a, b in itertools.pairwise(words)]
    return [zlib.crc32(g.encode("utf-8")) % NGRAM_BUCKETS for g in grams]


def ngram_vector(text: str, norm: float) -> Any:
    """The text's hashed n-gram counts (`NGRAM_BUCKETS` long, float32), scaled to length
    `norm`; all zeros for a text with no n-grams."""
    import numpy as np

    counts = np.bincount(ngram_buckets(text), minlength=NGRAM_BUCKETS)
    length = float(np.linalg.norm(counts))
    if not length:
        return np.zeros(NGRAM_BUCKETS, dtype=np.float32)
    return (counts * np.float32(norm / length)).astype(np.float32)


@dataclass(frozen=True, slots=True)
class Clause:
    """A stretch of the message that can carry a move on its own."""

    start: int
    end: int
    text: str


def clauses(text: str) -> list[Clause]:
    """The message split at sentence ends and at joins that start a new thought."""
    out: list[Clause] = []
    pos = 0
    for match in _CLAUSE.finditer(text):
        _add_clause(out, text, pos, match.start())
        pos = match.end()
    _add_clause(out, text, pos, len(text))
    return out


def _add_clause(out: list[Clause], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    # Quote marks and stars at a clause's edge belong to the punctuation around it.
    edges = " \t,*-'\"\u2018\u2019\u201c\u201d"
    stripped = piece.strip(edges)
    if not any(ch.isalnum() for ch in stripped):
        return
    lead = len(piece) - len(piece.lstrip(edges))
    begin = start + lead
    out.append(Clause(begin, begin + len(stripped), stripped))


def load_tokenizer(model_zip: Path) -> Tokenizer:
    """MiniLM's word-piece tokenizer from the text model's zip, without padding or specials."""
    from tokenizers import Tokenizer

    with zipfile.ZipFile(model_zip) as archive:
        tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def word_pieces(tokenizer: Tokenizer, text: str) -> list[int]:
    """The word-piece ids of the folded text (no [CLS]/[SEP])."""
    ids: list[int] = tokenizer.encode(fold(text), add_special_tokens=False).ids
    return ids


def read_config(model_zip: Path) -> dict[str, Any]:
    """The text model's config.json."""
    with zipfile.ZipFile(model_zip) as archive:
        config: dict[str, Any] = json.loads(archive.read("config.json"))
    return config
