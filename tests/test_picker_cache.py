"""The picker's cache: a bare `attune` draws from it only while every card file is as it was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import REPO
from simulator.personas.index import PersonaIndex, from_json, index_of, to_json
from simulator.support import stamped
from simulator.support.errors import AttuneError, PersonaError
from simulator.support.paths import config_path, user_personas_dir
from simulator.tui.preview import PickerCache, Preview, load_context, picker_cache

SHIPPED = (REPO / "personas" / "unanswered-text.yaml").read_text(encoding="utf-8")
LONG_AGO_NS = 1_600_000_000 * 10**9


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    # Cards written by a test are seconds old at most; the racy window has its own test.
    monkeypatch.setattr(stamped, "RACY_NS", 0)


def write_card(card_id: str, name: str, *, at_ns: int = LONG_AGO_NS, text: str = "") -> Path:
    """One of the learner's own cards (a copy of a shipped one), written with a set mtime."""
    folder = user_personas_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{card_id}.yaml"
    body = text or SHIPPED.replace('id: "unanswered-text"', f'id: "{card_id}"').replace(
        'name: "Priya"', f'name: "{name}"'
    )
    path.write_text(body, encoding="utf-8")
    os.utime(path, ns=(at_ns, at_ns))
    return path


def cached() -> Preview | None:
    return picker_cache().read()


def test_the_slow_start_writes_what_the_next_bare_attune_draws() -> None:
    assert cached() is None, "nothing cached before attune has started once"
    context = load_context()
    preview = cached()
    assert preview is not None
    assert preview.personas == index_of(context.catalog)
    assert preview.model == "scripted"  # conftest's ATTUNE_MODEL, as the settings read it
    assert "unanswered-text" in preview.personas.entries
    entry = preview.personas.entries["unanswered-text"]
    assert (entry.name, entry.mode, entry.style, entry.user) == ("Priya", "listen", "pursue", False)
    assert list(preview.personas.modes) == ["listen", "ask"]


def test_a_changed_card_is_a_miss_and_its_entry_is_rebuilt() -> None:
    path = write_card("sam", "Sam")
    load_context()
    preview = cached()
    assert preview is not None and preview.personas.entries["sam"].name == "Sam"
    assert preview.personas.is_user("sam")
    # Same size, only the mtime moves: still a change.
    size = path.stat().st_size
    write_card("sam", "Sal", at_ns=LONG_AGO_NS + 1)
    assert path.stat().st_size == size
    assert cached() is None, "a changed card must never be drawn from the old entry"
    load_context()
    preview = cached()
    assert preview is not None and preview.personas.entries["sam"].name == "Sal"


def test_a_deleted_card_disappears() -> None:
    path = write_card("sam", "Sam")
    load_context()
    assert cached() is not None
    path.unlink()
    assert cached() is None
    load_context()
    preview = cached()
    assert preview is not None and "sam" not in preview.personas.entries


def test_a_new_card_is_a_miss() -> None:
    write_card("sam", "Sam")
    load_context()
    write_card("kim", "Kim")
    assert cached() is None
    load_context()
    preview = cached()
    assert preview is not None and {"sam", "kim"} <= set(preview.personas.entries)


def test_an_invalid_card_of_yours_is_remembered_as_a_problem_until_it_changes() -> None:
    write_card("sam", "Sam", text="id: sam\nname: [not, a, name]\n")
    context = load_context()
    assert context.catalog.problems
    preview = cached()
    assert preview is not None
    assert preview.personas.problems == tuple(context.catalog.problems)
    assert "sam" not in preview.personas.entries
    write_card("sam", "Sam", at_ns=LONG_AGO_NS + 5)
    assert cached() is None
    load_context()
    preview = cached()
    assert preview is not None and preview.personas.problems == ()
    assert preview.personas.entries["sam"].name == "Sam"


CORRUPT = {
    "empty": b"",
    "not json": b"attune was here",
    "truncated": b'{"format": 1, "key": {',
    "not an object": b"[1, 2, 3]",
    "another format": b'{"format": 999}',
    "binary": bytes(range(256)),
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "too large": b" " * (stamped.MAX_CACHE_BYTES + 1),
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_cache_is_ignored_and_rewritten(content: bytes) -> None:
    cache = picker_cache()
    cache.path.parent.mkdir(parents=True, exist_ok=True)
    cache.path.write_bytes(content)
    assert cache.read() is None
    load_context()
    assert cached() is not None


def test_a_cache_with_the_right_key_but_wrong_shapes_is_a_miss() -> None:
    load_context()
    cache = picker_cache()
    data = json.loads(cache.path.read_text(encoding="utf-8"))
    values: list[object] = [{"model": 3}, {"index": {"entries": "x"}, "model": "m"}, None, []]
    for broken in values:
        data["value"] = broken
        cache.path.write_text(json.dumps(data), encoding="utf-8")
        assert cache.read() is None
    data["files"] = data["files"][:-1]
    cache.path.write_text(json.dumps(data), encoding="utf-8")
    assert cache.read() is None


def test_a_cache_that_cannot_be_written_is_only_a_slower_start() -> None:
    cache = picker_cache()
    cache.path.mkdir(parents=True)  # a folder where the file should be
    context = load_context()
    assert "unanswered-text" in context.catalog.cards
    assert cached() is None


def test_a_changed_config_or_model_variable_is_a_miss(monkeypatch: pytest.MonkeyPatch) -> None:
    config = config_path()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[model]\nname = "scripted"\n', encoding="utf-8")
    os.utime(config, ns=(LONG_AGO_NS, LONG_AGO_NS))
    load_context()
    assert cached() is not None
    config.write_text('[model]\nname = "local"\n', encoding="utf-8")
    assert cached() is None
    monkeypatch.delenv("ATTUNE_MODEL")
    load_context()
    preview = cached()
    assert preview is not None and preview.model == "local"
    monkeypatch.setenv("ATTUNE_MODEL", "scripted")
    assert cached() is None


def test_another_personas_folder_is_a_miss(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    load_context()
    assert cached() is not None
    extra = tmp_path / "more"
    extra.mkdir()
    monkeypatch.setenv("ATTUNE_PERSONAS", str(extra))
    assert cached() is None


def test_a_missing_personas_folder_is_left_to_the_slow_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ATTUNE_PERSONAS", str(tmp_path / "nowhere"))
    with pytest.raises(AttuneError):
        picker_cache()
    with pytest.raises(AttuneError, match="personas folder not found"):
        load_context()


def test_a_guest_or_a_personas_context_is_never_cached(tmp_path: Path) -> None:
    load_context(guest=True)
    folder = tmp_path / "more"
    folder.mkdir()
    load_context(persona_folders=(folder,))
    assert not picker_cache().path.exists()


def test_a_card_written_within_the_racy_window_is_not_trusted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stamped, "RACY_NS", 10**9)
    path = write_card("sam", "Sam", at_ns=0)
    os.utime(path)  # now: another write this clock tick could keep size and times
    load_context()
    assert cached() is None
    os.utime(path, ns=(LONG_AGO_NS, LONG_AGO_NS))
    load_context()
    assert cached() is not None


def test_the_index_reads_back_only_what_it_wrote() -> None:
    index = index_of(load_context().catalog)
    assert from_json(json.loads(json.dumps(to_json(index)))) == index
    good = to_json(index)
    entries = good["entries"]
    assert isinstance(entries, list)
    broken: list[object] = [
        None,
        [],
        {**good, "entries": [{**entries[0], "user": "yes"}]},
        {**good, "entries": [{**entries[0], "mode": "juggle"}]},
        {**good, "entries": [{**entries[0], "name": 7}]},
        {**good, "modes": [["listen", "", 3]]},
        {**good, "problems": [1]},
    ]
    for data in broken:
        assert from_json(data) is None
    assert PersonaIndex({}, {}).ordered() == []


def test_the_cache_file_is_private() -> None:
    load_context()
    cache: PickerCache = picker_cache()
    assert cache.path.stat().st_mode & 0o777 == 0o600
    assert cache.path.parent.stat().st_mode & 0o777 == 0o700


def test_a_card_that_turns_invalid_is_reported_by_the_slow_start_as_before(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    monkeypatch.setenv("ATTUNE_PERSONAS", str(folder))
    card = folder / "extra.yaml"
    card.write_text(SHIPPED.replace('id: "unanswered-text"', 'id: "extra"'), encoding="utf-8")
    os.utime(card, ns=(LONG_AGO_NS, LONG_AGO_NS))
    load_context()
    assert cached() is not None
    card.write_text(
        SHIPPED.replace('id: "unanswered-text"', 'id: "extra"').replace(
            'name: "Priya"', "name: [bad]"
        ),
        encoding="utf-8",
    )
    assert cached() is None, "never drawn from the entry of the card as it was"
    with pytest.raises(PersonaError, match=r"extra\.yaml: name"):
        load_context()
    assert not picker_cache().path.exists()
