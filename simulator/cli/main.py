"""The `attune` command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from simulator import __version__
from simulator.cli.classify_cmd import classify_command, moves_command
from simulator.cli.config_cmd import config_group
from simulator.cli.eval_cmd import eval_command
from simulator.cli.models_cmd import models_command
from simulator.cli.personas_cmd import personas_group
from simulator.cli.practice_cmd import practice_command, run_tui
from simulator.cli.replay_cmd import replay_command
from simulator.cli.serve_cmd import serve_command
from simulator.cli.sessions_cmd import sessions_group
from simulator.errors import AttuneError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(__version__, "-V", "--version", prog_name="attune")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Rehearse a hard conversation with a partner persona whose nervous system responds.

    Run `attune` alone to open the practice screen.

    \b
    Start with:
      attune practice --persona unanswered-text --coached
      attune personas list             the partners you can practise with
      attune classify "That makes sense, I'm here."
      attune replay SCRIPT.yaml --persona unanswered-text --model local
      attune models                    what can voice the persona here
    """
    if ctx.invoked_subcommand is None:
        if sys.stdin.isatty() and sys.stdout.isatty():
            run_tui(None, ())
        else:
            click.echo(ctx.get_help())


cli.add_command(practice_command)
cli.add_command(personas_group)
cli.add_command(classify_command)
cli.add_command(moves_command)
cli.add_command(replay_command)
cli.add_command(eval_command)
cli.add_command(sessions_group)
cli.add_command(models_command)
cli.add_command(config_group)
cli.add_command(serve_command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; every user error becomes one line on stderr and exit code 2."""
    try:
        code = cli.main(
            args=list(argv) if argv is not None else None, prog_name="attune", standalone_mode=False
        )
    except AttuneError as exc:
        click.echo(f"attune: error: {exc}", err=True)
        return 2
    except click.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        click.echo(f"attune: error: {exc.format_message()}{hint}", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"attune: error: {exc.format_message()}", err=True)
        return 2
    except click.Abort:
        click.echo("attune: interrupted", err=True)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing left to say.
        sys.stderr.close()
        return 0
    # A command that calls ctx.exit(N) (e.g. `eval --min-pass`) returns N here.
    return code if isinstance(code, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
