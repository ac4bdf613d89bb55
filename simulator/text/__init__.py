"""The learned text component: sentence embeddings, read offline from a registry package.

`Encoder` turns text into unit vectors (all-MiniLM-L6-v2, Apache-2.0, run with
numpy: no torch, no download at run time); `Neighbours` finds the labelled
examples closest to a message, so every learned decision can name the example
behind it. The safety check uses it as a second signal; nothing here imports
the rest of attune.
"""

from simulator.text.encoder import Encoder, EncoderUnavailable, shared_encoder
from simulator.text.neighbours import Neighbour, Neighbours

__all__ = ["Encoder", "EncoderUnavailable", "Neighbour", "Neighbours", "shared_encoder"]
