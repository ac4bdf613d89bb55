"""The labelled examples closest to a text, so a learned decision can name its evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]
else:
    Matrix = Any


@dataclass(frozen=True)
class Neighbour:
    """One labelled example and how close it is (cosine similarity, -1..1)."""

    index: int
    text: str
    label: str
    similarity: float


class Neighbours:
    """Labelled unit vectors; `nearest` ranks them by cosine similarity to a query."""

    def __init__(self, vectors: Matrix, texts: list[str], labels: list[str]) -> None:
        if not (len(vectors) == len(texts) == len(labels)):
            raise ValueError("vectors, texts and labels must have one row each")
        self.vectors = vectors
        self.texts = texts
        self.labels = labels

    def nearest(self, query: Matrix, k: int = 5) -> list[Neighbour]:
        """The k examples closest to one query vector, closest first."""
        import numpy as np

        sims = self.vectors @ query
        top = np.argsort(-sims)[:k]
        return [Neighbour(int(i), self.texts[i], self.labels[i], float(sims[i])) for i in top]
