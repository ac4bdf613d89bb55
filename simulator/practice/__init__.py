"""A practice as a front end runs it: the saved conversation with feedback and what-ifs; replays.

It sits above `turns`, the store and `feedback`, and below the front ends (`cli`, `tui`),
which call it; it never imports them.
"""
