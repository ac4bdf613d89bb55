"""attune: a practice simulator for emotional attunement."""

__version__ = "0.1.0"
