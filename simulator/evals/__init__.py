"""The evaluation suite: persona-fidelity cases, scripted learner policies and their checks."""
