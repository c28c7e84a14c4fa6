"""The ``kzru`` command line: one subcommand per table.

    kzru corpus DIR -o FILE.csv|.parquet     the articles table
    kzru lines DIR -o FILE.csv               the cleaning audit, one row per raw line
    kzru terms / kwic                        term counts and concordances
    kzru dates / events                      date expressions and the merged timeline
    kzru figures / compare                   figures and their comparison across sources
    kzru build DIR --store STORE             every stage once, into Parquet tables (kzru_lib.store)

Each stage registers its subcommands from ``kzru_lib._cli.<stage>``; heavy imports happen
inside the handlers so that the command starts fast. Errors are one line on stderr and a
non-zero exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .errors import KzruError

_STAGES = ("corpus", "terms", "timeline", "figures", "build")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kzru",
        description="kzru: clean, count, date and compare news articles on Kazakhstan-Russia relations.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for stage in _STAGES:
        try:
            module = importlib.import_module(f"kzru_lib._cli.{stage}")
        except ModuleNotFoundError as exc:  # a stage not installed in this build
            if exc.name != f"kzru_lib._cli.{stage}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if getattr(args, "plot", None):  # a bad --plot path fails before any work is done
            from ._cli.plot import check_plot

            check_plot(args)
        return int(args.handler(args) or 0)
    except KzruError as exc:
        print(f"kzru {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kzru {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
