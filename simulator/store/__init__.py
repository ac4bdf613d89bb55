"""Saved practice sessions: SQLite under the user's attune folder."""

from simulator.store.records import Note, SavedSession, SavedTurn, SessionMeta, SessionSummary
from simulator.store.sqlite import SessionListing, SessionStore

__all__ = [
    "Note",
    "SavedSession",
    "SavedTurn",
    "SessionListing",
    "SessionMeta",
    "SessionStore",
    "SessionSummary",
]
