"""Plumbing every layer uses: errors, settings, paths, ids, bounded reads, safe files and text.

Modules here import only the standard library, pydantic and each other, so any package
may import them without a cycle.
"""
