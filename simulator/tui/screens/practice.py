"""The practice screen: the conversation, the partner's nervous system, hints and rewind."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.widgets.markdown import MarkdownStream

from simulator.feedback.coach_view import coach_view
from simulator.feedback.coaching import steps_shown
from simulator.modes import get_mode, words_for
from simulator.practice.conversation import Practice
from simulator.store.corrections import TagFix
from simulator.support.errors import ModelError
from simulator.support.textsafe import printable
from simulator.tui.screens import SCREENS_CSS
from simulator.tui.screens.dialogs import CheckInScreen, ModelErrorScreen, SafetyPauseScreen
from simulator.tui.widgets.coach_panel import CoachPanel
from simulator.tui.widgets.message_input import MessageInput
from simulator.tui.widgets.messages import (
    EarlierMessages,
    LearnerMessage,
    PartnerCue,
    PartnerMessage,
    SceneNote,
    SystemNote,
    plain_markdown,
)
from simulator.tui.widgets.nervous_system import NervousSystem
from simulator.turns.session import PendingTurn, TurnRecord

if TYPE_CHECKING:
    from simulator.tui.app import AttuneApp

MESSAGE_TYPES = (LearnerMessage, PartnerMessage, PartnerCue, SystemNote)
MAX_LIVE_MESSAGES = 60
"""Message widgets kept live; older ones are folded (see `EarlierMessages`)."""
FOLD_BATCH = 20
"""How many to fold at once, so folding (a layout of its own) is rare."""


class PracticeScreen(Screen[None]):
    """Talk with the partner; watch their state respond; rewind to try again."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("ctrl+t", "hint", "Hint", priority=True),
        Binding("ctrl+r", "rewind", "Rewind", priority=True),
        Binding("ctrl+o", "toggle_feedback", "Feedback", priority=True),
        Binding("f2", "toggle_coach", "Coach view", priority=True),
        # Named in the coach view's own header, where it applies; the footer stays the same.
        Binding("f3", "correct", "Correct a tag", show=False, priority=True),
        Binding("escape", "end", "End & debrief", priority=True),
    ]

    # What would show the hidden state during real talk: hints (in the side panel), live
    # feedback, the coach view and its tag corrections.
    REAL_TALK_HIDES = frozenset({"hint", "toggle_feedback", "toggle_coach", "correct"})

    def __init__(self, practice: Practice) -> None:
        super().__init__()
        self.practice = practice
        self.busy = False
        self.earlier: EarlierMessages | None = None

    @property
    def attune(self) -> AttuneApp:
        """The app, typed."""
        return cast("AttuneApp", self.app)

    def compose(self) -> ComposeResult:
        practice = self.practice
        yield Header()
        with Horizontal(id="practice"):
            with Vertical(id="talk"):
                with VerticalScroll(id="messages"):
                    yield SceneNote(practice.card.scenario)
                    yield PartnerMessage(practice.card.name, practice.opening)
                coach = CoachPanel(id="coach")
                coach.display = False
                yield coach
                yield Static("", id="status", markup=False)
                yield MessageInput(id="input")
            side = NervousSystem(
                practice.card.name, practice.live_feedback, mode=practice.card.mode, id="side"
            )
            # Real talk: no meter and no gauges, only the words and the cues, as in life.
            side.display = not practice.real_talk
            yield side
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In real talk the keys that would show the partner's state are off (and not listed)."""
        return not (self.practice.real_talk and action in self.REAL_TALK_HIDES)

    def on_mount(self) -> None:
        setup = self.practice.setup
        self.title = f"{self.practice.card.name} · {setup.persona_id}"
        asking = words_for(self.practice.card.mode).list_note.replace(",", " ·")
        self.sub_title = f"{setup.intensity} · feedback {setup.feedback}{asking} · {setup.model}"
        self._show_state()
        self.query_one(MessageInput).focus()
        self.watch(self.attune, "model_message", self._show_model, init=True)

    def on_unmount(self) -> None:
        # Quitting mid-session: whatever is still queued is written before the app goes.
        self.practice.flush()

    # -- display ------------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    def _show_model(self, message: str) -> None:
        if not self.busy and self.attune.model_state != "ready":
            self._status(message)
        elif not self.busy:
            self._status(self._idle_status())

    def _idle_status(self) -> str:
        problem = self.practice.save_problem
        if problem:
            return f"Not saved yet (will retry): {problem}"
        return "Your turn."

    def _show_state(self) -> None:
        practice = self.practice
        state = practice.state
        trend = [practice.session.start.arousal] + [t.arousal for t in practice.turns]
        side = self.query_one(NervousSystem)
        side.show_state(state.arousal, state.connection, state.zone.value, trend, state.softened)
        side.show_steps(
            steps_shown(practice.turns, practice.session.start.arousal, practice.card.mode)
        )
        self._show_coach()

    def _show_coach(self) -> None:
        panel = self.query_one(CoachPanel)
        if not panel.display:
            return  # drawn when shown: a learner alone pays nothing for it
        practice = self.practice
        session = practice.session
        panel.show(
            coach_view(
                practice.card, session.engine.intensity, practice.state, session.start,
                practice.turns, practice.corrections,
            )
        )  # fmt: skip

    async def _scroll_end(self) -> None:
        self.query_one("#messages", VerticalScroll).scroll_end(animate=False)

    # -- sending ------------------------------------------------------------------

    def on_message_input_submitted(self, event: MessageInput.Submitted) -> None:
        if self.busy:
            self.notify(
                printable(f"{self.practice.card.name} is still answering."), timeout=3, markup=False
            )
            return
        event.input.clear()
        self.send(event.text)

    @work(exclusive=True, group="turn")
    async def send(self, text: str) -> None:
        """Run one turn: the engine decides, the voice streams the reply, the turn is saved."""
        self.busy = True
        practice = self.practice
        name = practice.card.name
        messages = self.query_one("#messages", VerticalScroll)
        index = len(practice.turns) + 1
        await messages.mount(LearnerMessage(text, index))
        await self._scroll_end()
        self.query_one(NervousSystem).show_hint(None)
        try:
            pending = await asyncio.to_thread(practice.prepare, text)
            if pending.distress is not None:
                await self._step_out(pending)
                return
            if self.attune.model_state == "loading":
                self._status("Waiting for the model to finish loading...")
                await self.attune.model_settled()
            self._status(f"{name} is answering...")
            record = await self._stream_reply(pending, index)
        except ModelError as exc:
            await self._turn_failed(text, index, exc)
            return
        finally:
            self.busy = False
        practice.reset_hints()
        self._after_turn(record)

    async def _step_out(self, pending: PendingTurn) -> None:
        """Step out of the role-play: no reply in character, the learner decides how to go on.

        A clear sign pauses the practice with help shown; an uncertain one asks once
        whether the learner is okay, with help one key away.
        """
        record = self.practice.commit(pending, self.practice.safety_reply(pending))
        kind = "check-in" if record.safety == "check_in" else "safety"
        note = SystemNote(record.reply, kind, index=record.index)
        await self.query_one("#messages", VerticalScroll).mount(note)
        await self._scroll_end()
        self._show_state()
        self.attune.save_practice(self.practice)
        # Not waited on in this worker: ending from the dialog cancels the turn's worker.
        if record.safety == "check_in":
            self._status("The scene is on hold while attune checks in.")
            dialog = CheckInScreen(record.reply, self.practice.resources)

            async def after_check_in(choice: str | None) -> None:
                if dialog.help_shown:  # the help stays in the conversation once asked for
                    note.text = f"{note.text}\n\n{printable(self.practice.resources.strip())}"
                    note.update(note.text)
                await self._back_in_scene(choice)
                if choice == "carry_on":
                    # "I'm fine" says the message was the scene: it goes back in the box, so
                    # sending it (as it is or changed) says it to the partner and is scored.
                    # attune asks once per conversation, so it will not ask about it again.
                    box = self.query_one(MessageInput)
                    box.text = record.user
                    box.focus()
                    self._status(
                        f"Back in the practice. Your message is back in the box: send it to "
                        f"say it to {self.practice.card.name}, or change it."
                    )

            await self.app.push_screen(dialog, callback=after_check_in)
            return
        self._status("Practice paused.")
        await self.app.push_screen(SafetyPauseScreen(record.reply), callback=self._back_in_scene)

    async def _back_in_scene(self, choice: str | None) -> None:
        if choice == "end":
            await self.action_end()
            return
        self._status(f"Back in the practice. {self.practice.card.name} is where you left off.")
        self.query_one(MessageInput).focus()

    async def _stream_reply(self, pending: PendingTurn, index: int) -> TurnRecord:
        messages = self.query_one("#messages", VerticalScroll)
        bubble = PartnerMessage(self.practice.card.name, index=index)
        bubble.add_class("streaming")
        await messages.mount(bubble)
        await self._scroll_end()
        stream = self.practice.stream(pending)
        # Made on the first chunk: a MarkdownStream stopped before its task ran never returns.
        writer: MarkdownStream | None = None
        try:
            async for chunk in stream:
                if writer is None:
                    writer = PartnerMessage.get_stream(bubble)
                    await writer.write(plain_markdown(chunk))
                else:
                    await writer.write(plain_markdown(" " + chunk))
                messages.scroll_end(animate=False)
        except BaseException:
            if writer is not None:
                await writer.stop()
            await bubble.remove()
            await stream.aclose()
            raise
        if writer is not None:
            await writer.stop()
        bubble.remove_class("streaming")
        record = self.practice.commit(pending, stream.reply)
        bubble.text = record.reply
        if record.cue:
            bubble.add_class("with-cue")
            await messages.mount(PartnerCue(record.cue, index=index), after=bubble)
        return record

    async def _turn_failed(self, text: str, index: int, exc: ModelError) -> None:
        for message in self.query(LearnerMessage):
            if message.index == index:
                await message.remove()
        self._status(f"Not sent: {exc}")
        choice = await self.app.push_screen_wait(ModelErrorScreen(exc))
        if choice == "retry":
            self.send(text)
        else:
            self.query_one(MessageInput).text = text
            self._status("Your message is back in the box; edit it or send it again.")

    def _after_turn(self, record: TurnRecord) -> None:
        practice = self.practice
        self._show_state()
        # The what-if names the numbers, which real talk keeps for the debrief.
        what_if = None if practice.real_talk else practice.what_if(record)
        if what_if is not None:
            self.query_one("#messages", VerticalScroll).mount(
                SystemNote(f"What-if. {what_if.describe()}", "what-if")
            )
        if practice.live_feedback:
            self.query_one(NervousSystem).show_feedback(practice.feedback(record))
        self._status(self._idle_status())
        self.fold_old_messages()
        self.call_after_refresh(self._scroll_end)
        self.attune.save_practice(self.practice)

    def fold_old_messages(self) -> None:
        """Past MAX_LIVE_MESSAGES, fold the oldest into one block so each turn stays as fast."""
        container = self.query_one("#messages", VerticalScroll)
        live = [w for w in container.children if isinstance(w, MESSAGE_TYPES)]
        if len(live) <= MAX_LIVE_MESSAGES:
            return
        old = live[:FOLD_BATCH]
        if self.earlier is None:
            self.earlier = EarlierMessages()
            container.mount(self.earlier, after=container.query_one(SceneNote))
        self.earlier.fold(old)
        container.remove_children(old)

    # -- keys -----------------------------------------------------------------------

    def action_hint(self) -> None:
        """Show a next step suited to the partner's current zone."""
        self.query_one(NervousSystem).show_hint(self.practice.hint())

    async def action_rewind(self) -> None:
        """Take back the last exchange and put the message back in the box."""
        if self.busy:
            self.notify("Wait for the reply to finish before rewinding.", timeout=3)
            return
        record = self.practice.rewind()
        if record is None:
            self.notify("Nothing to take back yet.", timeout=3)
            return
        for widget in list(self.query("LearnerMessage, PartnerMessage, PartnerCue, SystemNote")):
            if getattr(widget, "index", 0) == record.index:
                await widget.remove()
        box = self.query_one(MessageInput)
        box.text = record.user
        box.focus()
        self._show_state()
        compare = "" if self.practice.real_talk else " Send another try to compare (what-if)."
        self._status(f"Took back turn {record.index}.{compare}")
        if self.practice.live_feedback:
            side = self.query_one(NervousSystem)
            if self.practice.turns:
                side.show_feedback(self.practice.feedback(self.practice.turns[-1]))
            else:
                side.clear_feedback()
        self.attune.save_practice(self.practice)

    def action_toggle_feedback(self) -> None:
        """Show or hide live feedback."""
        feedback = self.query_one("#feedback", Static)
        feedback.display = not feedback.display

    def action_toggle_coach(self) -> None:
        """Show or hide the coach view: the hidden numbers and every move tag."""
        panel = self.query_one(CoachPanel)
        panel.display = not panel.display
        self._show_coach()

    def action_correct(self) -> None:
        """In the coach view: mark a turn's tag wrong, add a move it missed, or undo either."""
        from simulator.tui.screens.correction import CorrectionScreen

        practice = self.practice
        if not self.query_one(CoachPanel).display:
            self.notify("Open the coach view (F2) to correct a tag.", timeout=3)
            return
        if self.busy:
            self.notify("Wait for the reply to finish before correcting a tag.", timeout=3)
            return
        if not any(t.safety is None for t in practice.turns):
            self.notify("No turn to correct yet.", timeout=3)
            return

        def corrected(done: tuple[int, TagFix] | None) -> None:
            if done is None:
                return
            self._show_coach()
            self.attune.save_practice(practice)
            self.notify(f"Turn {done[0]}: tags corrected.", timeout=3)

        mode = get_mode(practice.card.mode)

        def apply(turn: int, fix: TagFix) -> object:
            return practice.correct(turn, [fix])

        self.app.push_screen(
            CorrectionScreen(mode, practice.turns, practice.corrections, apply), corrected
        )

    async def action_end(self) -> None:
        """End the scene gently and go to the debrief."""
        from simulator.feedback.selfrating import rating_of
        from simulator.tui.screens.debrief import DebriefScreen
        from simulator.tui.screens.self_rating import SelfRatingScreen

        for worker in self.workers:
            if worker.group == "turn":
                worker.cancel()
        self.busy = False
        practice = self.practice
        debrief = practice.end()
        self.attune.save_practice(practice)
        mode = get_mode(practice.card.mode)
        if not any(t.safety is None for t in practice.turns):
            # Nothing was said in the scene: there is nothing to rate yourself on.
            await self.app.switch_screen(DebriefScreen(debrief, practice=practice))
            return

        async def rated(ratings: dict[str, str] | None) -> None:
            if ratings:
                practice.rate(ratings)
                self.attune.save_practice(practice)
            rating = rating_of(debrief, practice.self_ratings)
            await self.app.switch_screen(
                DebriefScreen(debrief, practice=practice, self_rating=rating)
            )

        await self.app.push_screen(
            SelfRatingScreen(mode.coaching.steps, practice.card.name), callback=rated
        )
