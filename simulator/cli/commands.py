"""The `attune` command tree (click): the group, its subcommands (each imported when it
runs) and the one way every user error is reported. `main` runs it, except for a bare
`attune` whose picker can open at once."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

import click

from simulator import __version__
from simulator.cli.output import echo, report_error
from simulator.cli.stdio import prepare_stdio
from simulator.support.errors import AttuneError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# Each subcommand is imported only when it runs (or `--help` lists it): the bare
# `attune` that opens the practice screen must not pay for eval, classify and the rest.
SUBCOMMANDS = {
    "practice": "simulator.cli.practice_cmd:practice_command",
    "personas": "simulator.cli.personas_cmd:personas_group",
    "classify": "simulator.cli.classify_cmd:classify_command",
    "guard": "simulator.cli.guard_cmd:guard_command",
    "moves": "simulator.cli.classify_cmd:moves_command",
    "replay": "simulator.cli.replay_cmd:replay_command",
    "eval": "simulator.cli.eval_cmd:eval_command",
    "sessions": "simulator.cli.sessions_cmd:sessions_group",
    "progress": "simulator.cli.progress_cmd:progress_command",
    "models": "simulator.cli.models_cmd:models_command",
    "config": "simulator.cli.config_cmd:config_group",
    "serve": "simulator.cli.serve_cmd:serve_command",
}


class LazyGroup(click.Group):
    """A click group whose subcommands live in modules imported on first use."""

    def __init__(self, *args: object, lazy: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every subcommand name, eager and lazy, in the order they were declared."""
        return [*self.lazy, *(n for n in super().list_commands(ctx) if n not in self.lazy)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The subcommand, importing its module the first time it is asked for."""
        if cmd_name not in self.lazy:
            return super().get_command(ctx, cmd_name)
        module_name, attr = self.lazy[cmd_name].split(":")
        command = getattr(importlib.import_module(module_name), attr)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.lazy[cmd_name]} is not a click command")
        return command


@click.group(cls=LazyGroup, lazy=SUBCOMMANDS, context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(__version__, "-V", "--version", prog_name="attune")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Rehearse a hard conversation with a partner persona whose nervous system responds.

    Run `attune` alone to open the practice screen.

    \b
    Start with:
      attune practice --persona unanswered-text --feedback live
      attune personas list             the partners you can practise with
      attune classify "That makes sense, I'm here."
      attune replay SCRIPT.yaml --persona unanswered-text --model local
      attune models                    what can voice the persona here
    """
    if ctx.invoked_subcommand is None:
        if sys.stdin.isatty() and sys.stdout.isatty():
            from simulator.cli.practice_cmd import run_tui

            run_tui(None, ())
        else:
            echo(ctx.get_help())


def run_cli(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; every user error becomes one line on stderr and exit code 2.

    An unexpected exception (a bug) propagates, so tests see it whole; `main` is
    what users run.
    """
    prepare_stdio()
    try:
        code = cli.main(
            args=list(argv) if argv is not None else None, prog_name="attune", standalone_mode=False
        )
    except AttuneError as exc:
        return report_error(exc)
    except click.exceptions.NoArgsIsHelpError as exc:
        # `attune sessions` alone asks what the group can do, as a bare `attune` does.
        echo(exc.ctx.get_help() if exc.ctx else exc.format_message())
        return 0
    except click.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        return report_error(f"{exc.format_message()}{hint}")
    except click.ClickException as exc:
        return report_error(exc.format_message())
    except click.Abort:
        echo("attune: interrupted", err=True)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing left to say.
        sys.stderr.close()
        return 0
    # A command that calls ctx.exit(N) (e.g. `eval --min-pass`) returns N here.
    return code if isinstance(code, int) else 0
