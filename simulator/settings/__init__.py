"""The learner's settings file (`config.toml`): models, feedback, safety resources, defaults.

It reads `support` and the safety check's default resources; the front ends and the
voice factory read it.
"""
