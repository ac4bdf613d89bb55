"""What the learner and their coach read: live coaching, the coach view and the debrief.

Each builds its words from a finished or running session and asks the practice mode for
the mode's own words; it may import `practice`, the domain packages and `support`,
never a front end.
"""
