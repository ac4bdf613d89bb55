"""Settings: defaults, the TOML file's nested sections, env overrides, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import RunCli
from simulator.settings.config import Settings, load_settings
from simulator.support.errors import ConfigError
from simulator.support.paths import config_path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    settings = load_settings(environ={"ATTUNE_HOME": str(tmp_path)})
    assert settings == Settings()
    # The authored voice is the default: blind raters found it the most believable offline.
    assert settings.model.name == "scripted" and settings.model.timeout_s > 0


def test_the_file_and_the_environment(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        '[model]\nname = "ollama/llama3.2"\ntimeout_s = 12\n\n[local]\nthreads = 1\n',
        encoding="utf-8",
    )
    env = {"ATTUNE_HOME": str(tmp_path)}
    settings = load_settings(environ=env)
    assert settings.model.name == "ollama/llama3.2" and settings.model.timeout_s == 12
    assert settings.local.threads == 1
    overridden = load_settings(environ={**env, "ATTUNE_MODEL": "scripted"})
    assert overridden.model.name == "scripted" and overridden.model.timeout_s == 12


def test_config_path_precedence(tmp_path: Path) -> None:
    assert config_path({"ATTUNE_CONFIG": str(tmp_path / "a.toml")}) == tmp_path / "a.toml"
    assert config_path({"ATTUNE_HOME": str(tmp_path)}) == tmp_path / "config.toml"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[model\nname = 1", "not valid TOML"),
        ('[model]\ntimeout_s = "soon"', "model.timeout_s"),
        ("[model]\ncolour = 'red'", "model.colour: unknown field"),
        ("[local]\nthreads = 0", "local.threads"),
    ],
)
def test_bad_config_is_one_line_naming_the_problem(
    tmp_path: Path, content: str, message: str
) -> None:
    (tmp_path / "config.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(environ={"ATTUNE_HOME": str(tmp_path)})
    assert message in str(err.value) and "\n" not in str(err.value)
    assert str(tmp_path / "config.toml") in str(err.value)


def test_cli_reports_a_bad_config_with_exit_2(
    attune: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe")
    monkeypatch.setenv("ATTUNE_CONFIG", str(bad))
    result = attune("models")
    assert result.code == 2
    assert result.err.startswith("attune: error:") and "not valid UTF-8" in result.err
    assert result.err.count("\n") == 1


def test_config_show_reflects_the_environment(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATTUNE_MODEL", "scripted")
    result = attune("config", "show", "--json")
    assert result.code == 0 and '"name":"scripted"' in result.out.replace(" ", "")


def test_every_setting_is_documented() -> None:
    for section in Settings.model_fields.values():
        assert section.description
        model = section.annotation
        for name, field in model.model_fields.items():  # type: ignore[union-attr]
            assert field.description, name
