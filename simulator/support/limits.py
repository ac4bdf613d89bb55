"""Every size attune accepts from outside, named once, each with why it is that size.

Files, stdin, flags and the database are read within these limits, so no input can
crash attune, hang it or make it use memory or time out of proportion to its task.
"""

from __future__ import annotations

MAX_MESSAGE_CHARS = 4000
"""The longest learner message: about a page, more than anyone says in one breath, far less
than a stray paste."""


__all__ = [
    "MAX_ASKED",
    "MAX_CONCURRENCY",
    "MAX_DATA_NODES",
    "MAX_DB_INT",
    "MAX_FILE_BYTES",
    "MAX_LINE_BYTES",
    "MAX_MAPPING_KEYS",
    "MAX_MESSAGE_CHARS",
    "MAX_NESTING_DEPTH",
    "MAX_NOTE_CHARS",
    "MAX_NUMBER_DIGITS",
    "MAX_REPLAY_TURNS",
    "MAX_REPORTED_PROBLEMS",
    "MAX_SEED",
    "MAX_STDIN_BYTES",
]

MAX_FILE_BYTES = 1024 * 1024
"""Cards, replay scripts (a file or stdin), config, router and eval-case files: 1 MiB.

The largest shipped file is under 60 KB; a megabyte is a hundred cards' worth of text,
yet it parses in well under a second, so a stray large file is refused before it is read."""

MAX_NESTING_DEPTH = 32
"""Lists and mappings inside one another in a YAML, TOML or JSON file.

A card nests 4 deep and a router config 5; parsers and validators recurse once per
level, so a file of brackets nested thousands deep would otherwise exhaust the stack."""

MAX_MAPPING_KEYS = 5_000
"""Keys in one mapping of a file.

A card has 17 fields and a config section under 10; a few thousand still get a full
report of every unknown key (bounded by MAX_REPORTED_PROBLEMS), while a generated file
of a million keys is refused before validation walks it."""

MAX_DATA_NODES = 100_000
"""Values in one file, counting every copy a YAML alias makes.

Thirty times the largest shipped file; an alias of an alias of an alias ("billion
laughs") would otherwise expand a few lines into billions of values to validate."""

MAX_NUMBER_DIGITS = 18
"""Digits in an integer written in a file (about a billion billion, within SQLite's 64 bits).

No field needs more than a handful; Python refuses to convert integers of more than
4,300 digits, and an integer of 309 digits no longer fits a float."""

MAX_REPLAY_TURNS = 500
"""Turns in one replay script: more than twice the longest practice session seen.

Each turn may be a model call; a runaway script should be refused, not run for hours."""

MAX_STDIN_BYTES = 4 * 1024 * 1024
"""Everything `attune classify -` reads from stdin: 4 MiB, some 70,000 short messages.

Tagging a megabyte of messages takes seconds; stdin can be endless (`/dev/zero`,
`yes`), so the stream stops with one line instead of running for hours."""

MAX_LINE_BYTES = 4 * MAX_MESSAGE_CHARS
"""One line read from stdin (a message to classify, an answer to a question).

A UTF-8 character is at most 4 bytes, so any message within MAX_MESSAGE_CHARS fits;
a line without an end (`/dev/zero`) is refused instead of filling memory."""

MAX_ASKED = 10
"""Times one question on the command line is asked before attune gives up.

Someone typing gets it right long before; stdin repeating a wrong answer (`yes |`)
would otherwise keep the question coming forever."""

MAX_REPORTED_PROBLEMS = 20
"""Problems listed for one file: a screenful to fix, then the count of the rest.

Explaining each problem costs time (suggestions, line numbers); a file of thousands
of mistakes gets its first twenty at once instead of all of them after minutes."""

MAX_NOTE_CHARS = 2000
"""A coach's note on a session: a long paragraph, far less than a pasted transcript."""

MAX_CONCURRENCY = 64
"""Eval cases run at once: beyond this, providers rate-limit and local decoding thrashes."""

MAX_SEED = 2**32 - 1
"""`--seed`: the widest seed model servers accept (llama.cpp and most APIs take 32 bits)."""

MAX_DB_INT = 2**63 - 1
"""Ids and turn numbers given on the command line: SQLite stores integers in 64 bits."""
