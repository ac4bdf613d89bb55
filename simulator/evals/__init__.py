"""The evaluation suite: persona-fidelity cases, the learner turns they play, and their checks."""
