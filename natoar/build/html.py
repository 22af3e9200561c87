"""Build the book's editions with jupyter-book at the same time, one process each.

    python -m natoar.build.html [jupyter-book build options]    (`make html`, after natoar.build.workdir open)

Each edition builds in its own working folder (natoar.build.workdir) from the same cached notebook outputs, with
its own configuration (natoar.build.editions), so the builds write nothing in common, and on a machine with two
CPUs they take about the time of the slower one rather than the sum: with 255 documents, Sphinx's part of the
rebuild after adding one took 14.3 s instead of 26.3. The English build prints as it goes; the others' output is
held and printed whole when they end, so that the logs never interleave. The command fails, naming the editions
that failed, if any does; an interrupt stops them all. Either way natoar.build.publish is not reached, and the
published site stays as it was.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from natoar.build.editions import EDITIONS, SOURCE_LANGUAGE, write_config
from natoar.build.workdir import WORK
from natoar.sources.errors import exit_status
from natoar.sources.paths import project_root


def commands(flags: list[str], root: Path | None = None) -> dict[str, list[str]]:
    """Return the jupyter-book command that builds each edition (writing the configuration of the other editions)."""
    root = project_root(root)
    program = str(Path(sys.executable).with_name("jupyter-book"))
    built = {}
    for language in EDITIONS:
        config = [] if language == SOURCE_LANGUAGE else ["--config", write_config(language, root).relative_to(root)]
        built[language] = [program, "build", ".", "--toc", "_toc.yml", *map(str, config),
                           "--path-output", (WORK / language).as_posix(), *flags]
    return built


def run_all(commands: dict[str, list[str]], root: Path) -> list[str]:
    """Run the commands at the same time in `root`, the source language's printing as it goes and the others'
    printed whole when they end, in order; return the languages whose command failed."""
    running: dict[str, tuple[subprocess.Popen, IO[bytes] | None]] = {}
    with ExitStack() as stack:
        for language, command in commands.items():
            print(f"{language}: {' '.join(['jupyter-book', *command[1:]])}", flush=True)
            log = None if language == SOURCE_LANGUAGE else stack.enter_context(tempfile.TemporaryFile())
            process = subprocess.Popen(command, cwd=root, stdout=log, stderr=subprocess.STDOUT if log else None)
            stack.callback(_stop, process)  # on an interrupt too: no build outlives the command
            running[language] = (process, log)
        failed = []
        for language, (process, log) in running.items():
            if process.wait() != 0:
                failed.append(language)
            if log is not None:
                log.seek(0)
                sys.stdout.flush()
                sys.stdout.buffer.write(log.read())
                sys.stdout.flush()
        return failed


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait()


def main(flags: list[str]) -> int:
    """Build every edition; return 0 if all succeeded."""
    root = project_root()
    try:
        built = commands(flags, root)
    except ValueError as err:  # an edition's configuration cannot be written (natoar.build.editions)
        print(f"error: {err}", file=sys.stderr)
        return 1
    failed = run_all(built, root)
    if failed:
        names = " and ".join(failed)
        print(f"error: the {names} edition{'s' if len(failed) > 1 else ''} failed to build (see above); "
              "the published site is unchanged", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(exit_status(lambda: main(sys.argv[1:]), "the published site is unchanged"))
