"""The words every layer shares about the partner: the arousal zones and how hard missteps land.

Plain enums and tables with no imports from the rest of attune, so cards, the engine,
voices, the guard, the store and the front ends can all use them.
"""
