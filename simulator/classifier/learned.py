"""The learned layer: recall for the ways of saying a move that no rule lists.

A one-vs-rest logistic model per practice mode reads two kinds of features (see
`features`): the mean of MiniLM's word-piece vectors (all-MiniLM-L6-v2's input
embedding table, read from the text model's zip; no forward pass) and hashed
character and word n-grams. It was trained by `make classifier-model` on the blind
dev sets (`simulator/classifier/train.py`); each mode ships its weights beside its
rules. A tag needs a probability at or above the move's threshold, chosen on data
the model had not seen; below it the layer abstains and offers only its best guess.
Every learned tag quotes the clause that scored highest for its move.
"""

from __future__ import annotations

import functools
import json
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.classifier.features import clauses, load_tokenizer, ngram_vector, word_pieces

if TYPE_CHECKING:
    import numpy as np
    from tokenizers import Tokenizer

    Matrix = np.ndarray[Any, Any]

EMBEDDING_TENSOR = "embeddings.word_embeddings.weight"
GUESS_FLOOR = 0.15
"""Below this a best guess is no guess: the panel then suggests the next step instead."""


@dataclass(frozen=True, slots=True)
class LearnedTag:
    """A move the learned layer is sure enough of, with the clause that carries it."""

    move: str
    confidence: float
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Scores:
    """The layer's reading of one message: its tags, and its best guess when it has none."""

    tags: tuple[LearnedTag, ...]
    best: LearnedTag | None
    """The most likely move under its threshold, when no tag was given (else None)."""


class Vocabulary:
    """MiniLM's tokenizer and word-piece table, shared by every mode's model."""

    def __init__(self, model_zip: Path) -> None:
        import numpy as np

        self.tokenizer: Tokenizer = load_tokenizer(model_zip)
        self.table: Matrix = _read_tensor(model_zip, EMBEDDING_TENSOR).astype(np.float16)
        self.dimensions = int(self.table.shape[1])

    def mean_vector(self, text: str) -> Matrix:
        """The unit-length mean word-piece vector of the text, scaled to norm sqrt(dims)."""
        import numpy as np

        ids = word_pieces(self.tokenizer, text)
        if not ids:
            return np.zeros(self.dimensions, dtype=np.float32)
        mean = self.table[ids].astype(np.float32).mean(axis=0)
        norm = float(np.linalg.norm(mean))
        scale = np.float32(np.sqrt(self.dimensions) / max(norm, 1e-9))
        return mean * scale  # type: ignore[no-any-return]


def features(vocabulary: Vocabulary, texts: list[str], ngram_scale: float) -> tuple[Matrix, Matrix]:
    """The word-piece block and the n-gram block (norm `ngram_scale`) for each text."""
    import numpy as np

    static = np.stack([vocabulary.mean_vector(t) for t in texts])
    grams = np.stack([ngram_vector(t, ngram_scale) for t in texts])
    return static, grams


def _read_tensor(model_zip: Path, name: str) -> Matrix:
    """One tensor out of the zip's model.safetensors, without loading the others."""
    import numpy as np

    # The safetensors layout: an 8-byte header size, a JSON header of offsets, the data.
    with zipfile.ZipFile(model_zip) as archive, archive.open("model.safetensors") as stream:
        header_size = int.from_bytes(stream.read(8), "little")
        header = json.loads(stream.read(header_size))
        entry = header[name]
        begin, end = entry["data_offsets"]
        stream.read(begin)  # the deflated member cannot seek: read past what comes first
        data = stream.read(end - begin)
    dtype = {"F32": np.float32, "F16": np.float16}[entry["dtype"]]
    return np.frombuffer(data, dtype=dtype).reshape(entry["shape"])


class LearnedModel:
    """One mode's trained weights: scores every move for a message."""

    def __init__(self, path: Path, vocabulary: Vocabulary) -> None:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            self.moves: tuple[str, ...] = tuple(str(m) for m in data["moves"])
            self._static: Matrix = data["static_weights"].astype(np.float32)
            self._ngrams: Matrix = data["ngram_weights"].astype(np.float32)
            self._bias: Matrix = data["bias"].astype(np.float32)
            self.thresholds: Matrix = data["thresholds"].astype(np.float32)
            self.ngram_scale = float(data["ngram_scale"])
        self._vocabulary = vocabulary

    def probabilities(self, texts: list[str]) -> Matrix:
        """P(move | text) for each text (rows) and move (columns)."""
        import numpy as np

        static, grams = features(self._vocabulary, texts, self.ngram_scale)
        logits = static @ self._static + grams @ self._ngrams + self._bias
        return 1.0 / (1.0 + np.exp(-logits))  # type: ignore[no-any-return]

    def read(self, text: str) -> Scores:
        """Tags for the moves at or above threshold, each quoting its best clause."""
        import numpy as np

        parts = clauses(text)
        texts = [text] + [c.text for c in parts]
        probs = self.probabilities(texts)
        whole = probs[0]
        tags: list[LearnedTag] = []
        for j in np.flatnonzero(whole >= self.thresholds):
            tags.append(self._tag(int(j), float(whole[j]), text, parts, probs))
        best = None
        if not tags:
            top = int(np.argmax(whole / self.thresholds))
            if whole[top] >= GUESS_FLOOR:
                best = self._tag(top, float(whole[top]), text, parts, probs)
        return Scores(tuple(tags), best)

    def _tag(
        self, j: int, confidence: float, text: str, parts: list[Any], probs: Matrix
    ) -> LearnedTag:
        if len(parts) <= 1:
            start, end = _trimmed(text)
        else:
            clause = parts[int(probs[1:, j].argmax())]
            start, end = clause.start, clause.end
        return LearnedTag(self.moves[j], round(confidence, 3), start, end, text[start:end])


def _trimmed(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return start, len(text.rstrip())


_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _vocabulary() -> Vocabulary | None:
    from simulator.text.encoder import EncoderUnavailable, model_zip

    try:
        return Vocabulary(model_zip())
    except (EncoderUnavailable, OSError, KeyError, ValueError):
        # Without the text model package attune still runs on its rules alone.
        return None


@functools.lru_cache(maxsize=8)
def _model(path: Path) -> LearnedModel | None:
    vocabulary = _vocabulary()
    if vocabulary is None or not path.is_file():
        return None
    return LearnedModel(path, vocabulary)


def learned_model(path: Path | None) -> LearnedModel | None:
    """The model at `path`, loaded once; None when there is none or the text model is missing."""
    if path is None:
        return None
    with _LOCK:
        return _model(path)


def warm_up(paths: list[Path]) -> None:
    """Load the vocabulary and the given models now (call from a background thread)."""
    for path in paths:
        learned_model(path)
