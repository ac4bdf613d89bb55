"""Saved practice sessions: SQLite under the user's attune folder."""

from simulator.store.corrections import Correction, CorrectionError, TagCorrection, TagFix
from simulator.store.ratings import LEVELS, Level, RatingError
from simulator.store.records import Note, SavedSession, SavedTurn, SessionMeta, SessionSummary
from simulator.store.sqlite import Annotation, History, SessionListing, SessionStore

__all__ = [
    "LEVELS",
    "Annotation",
    "Correction",
    "CorrectionError",
    "History",
    "Level",
    "Note",
    "RatingError",
    "SavedSession",
    "SavedTurn",
    "SessionListing",
    "SessionMeta",
    "SessionStore",
    "SessionSummary",
    "TagCorrection",
    "TagFix",
]
