"""Logistic regression by Adam, in numpy: the learned layers' one fitting routine.

The classifier's learned layer (one-vs-rest over moves) and the guard's stance signal
(one model per plan direction) fit with it, so both train the same deterministic way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    Matrix = np.ndarray[Any, Any]


def fit(
    x: Matrix, y: Matrix, known: Matrix | None = None, epochs: int = 400, l2: float = 1e-3
) -> tuple[Matrix, Matrix]:
    """One-vs-rest logistic regression by Adam; returns (weights, bias).

    `known` (same shape as `y`, 1 or 0) leaves out of the loss the labels a set never had.
    """
    import numpy as np

    if known is None:
        known = np.ones_like(y)
    # Each label's loss is the mean over the rows known for it: its weights do not
    # depend on rows where it was unknown, not even through the count.
    counts = np.maximum(known.sum(axis=0), np.float32(1.0)).astype(np.float32)

    w = np.zeros((x.shape[1], y.shape[1]), dtype=np.float32)
    b = np.zeros(y.shape[1], dtype=np.float32)
    mw, vw = np.zeros_like(w), np.zeros_like(w)
    mb, vb = np.zeros_like(b), np.zeros_like(b)
    rate, beta1, beta2 = np.float32(0.01), np.float32(0.9), np.float32(0.999)
    for step in range(1, epochs + 1):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = ((p - y) * known).astype(np.float32)
        gw = x.T @ g / counts + np.float32(l2) * w
        gb = g.sum(axis=0) / counts
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw * gw
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        c1, c2 = np.float32(1 - 0.9**step), np.float32(1 - 0.999**step)
        w -= rate * (mw / c1) / (np.sqrt(vw / c2) + np.float32(1e-8))
        b -= rate * (mb / c1) / (np.sqrt(vb / c2) + np.float32(1e-8))
    return w, b


def sigmoid(z: Matrix) -> Matrix:
    """The logistic function, elementwise."""
    import numpy as np

    return 1.0 / (1.0 + np.exp(-z))
