"""The practice TUI (Textual). Only this package imports textual; it calls the core's public API."""
