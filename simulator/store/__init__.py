"""Saved practice sessions: SQLite under the user's attune folder."""

from simulator.store.corrections import Correction, CorrectionError, TagCorrection, TagFix
from simulator.store.records import Note, SavedSession, SavedTurn, SessionMeta, SessionSummary
from simulator.store.sqlite import Annotation, SessionListing, SessionStore

__all__ = [
    "Annotation",
    "Correction",
    "CorrectionError",
    "Note",
    "SavedSession",
    "SavedTurn",
    "SessionListing",
    "SessionMeta",
    "SessionStore",
    "SessionSummary",
    "TagCorrection",
    "TagFix",
]
