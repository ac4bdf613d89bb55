"""Rebuild the learned signal's index from labelled sets: `make safety-index`.

The index is the dev lines' embeddings (float16) and, beside them, each line's
text, label and kind, so a check-in can quote the example it matched. Safety sets
(JSON lines) bring risky lines and look-alike safe ones; the move classifier's dev
sets (YAML, or blind chat-style JSON lines with moves) bring ordinary practice
lines, all safe, so that everyday listening is never mistaken for a disclosure.
Held-out sets must never be passed here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from simulator.safety.learned import EXAMPLES, VECTORS
from simulator.support.safe_parse import parse_yaml
from simulator.support.safe_read import read_text


def build(paths: list[Path]) -> int:
    """Embed every labelled line of `paths` and write the shipped index; returns the count."""
    import numpy as np

    from simulator.text import shared_encoder

    rows: list[dict[str, str | None]] = []
    for path in sorted(paths):
        if "heldout" in path.name:
            raise SystemExit(f"{path}: held-out sets are never part of the index")
        if path.suffix in (".yaml", ".yml"):
            # Only the text is needed; the classifier's tests validate these files.
            examples = parse_yaml(path, read_text(path))
            rows += [{"text": str(e["text"]), "label": "safe", "kind": None} for e in examples]
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                # A classifier blind set's line (it has moves, no safety label) is an
                # ordinary practice line in the register people type: safe.
                label = row.get("label", "safe" if "moves" in row else None)
                if label is None:
                    raise SystemExit(f"{path}: a line has neither a safety label nor moves")
                rows.append({"text": row["text"], "label": label, "kind": row.get("kind")})
    vectors = shared_encoder().encode([str(r["text"]) for r in rows]).astype(np.float16)
    VECTORS.parent.mkdir(parents=True, exist_ok=True)
    np.save(VECTORS, vectors)
    EXAMPLES.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return len(rows)


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    print(f"indexed {build([Path(p) for p in sys.argv[1:]])} labelled lines")
