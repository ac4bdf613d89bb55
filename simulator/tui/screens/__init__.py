"""Screens of the practice TUI."""

from pathlib import Path

SCREENS_CSS = Path(__file__).resolve().parent.parent / "screens.tcss"
"""Every screen's rules but the picker's: each other screen names it as its CSS_PATH, so
Textual reads it when the first of them opens rather than before the first frame."""
