"""One conversation turn by turn: the session, the record of each turn, and the learner's choices.

The session runs a learner message through the classifier, the engine and a voice;
`choices` holds what the learner picked before starting (`timing`, the feedback choice's
names, without pydantic); `learner_input` says what a message must be to become a turn.

It may import the domain packages (modes, classifier, engine, personas, voices, guard,
safety) and `support`; never the store, the feedback or a front end, so those can
import the turn records. Nothing is re-exported here, so importing `timing` (as the
picker does) stays light.
"""
