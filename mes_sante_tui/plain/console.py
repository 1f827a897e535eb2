"""Lines out, answers in: the plain mode's only contact with the terminal or the pipe.

Everything written goes through `say`, which drops every control character (an escape
sequence above all) from what it is given, the person's own typing included: the output is
plain lines, read by a screen reader or a braille display as they come. The words that work
at every question are recognised here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Protocol, TextIO

from mes_sante_tui.wording import t


class Lines(Protocol):
    """Where the answers come from: standard input, or anything that gives lines."""

    def readline(self) -> str: ...

    def isatty(self) -> bool: ...


class _Stream(Protocol):
    def isatty(self) -> bool: ...


def is_terminal(stream: _Stream | None) -> bool:
    """The stream is a terminal: not a file, a pipe, a closed stream, nor missing (a process
    started without one). The one test of the command line and of the plain mode, here
    because this module is light and loaded by both."""
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class GoBack(Exception):
    """« retour »: the person wants the step before."""


class QuitRequested(Exception):
    """« quitter », confirmed."""


class InputEnded(Exception):
    """No more answers: the end of the file, or Ctrl+D."""


HELP_WORDS = frozenset({"aide", "?"})
BACK_WORDS = frozenset({"retour"})
OUTBOX_WORDS = frozenset({"boite"})
QUIT_WORDS = frozenset({"quitter"})
YES = frozenset({"oui", "o"})
NO = frozenset({"non", "n"})


OUTBOX_READ = 3  # messages « boîte » reads, newest first; « boîte 10 »: the last ten


def _count(word: str) -> int | None:
    """« boîte »: 0 (the default number); « boîte 10 »: 10; anything else: None."""
    parts = word.split()
    if len(parts) == 1:
        return 0
    if len(parts) == 2 and parts[1].isdigit() and 0 < int(parts[1]) <= 100:
        return int(parts[1])
    return None


def folded(answer: str) -> str:
    """Lower case, without accents: « Boîte » is « boite »."""
    decomposed = unicodedata.normalize("NFKD", answer.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain(text: str) -> str:
    """`text` without any control character but the line break (no escape sequence, no
    carriage return, no bell), tabs as spaces."""
    text = text.replace("\t", " ")
    return "".join(c for c in text if c == "\n" or unicodedata.category(c) not in ("Cc", "Cf"))


def _read_hidden(prompt: str) -> str:
    """A password typed on the terminal, not echoed (getpass is loaded only then: the
    application, which imports this package's entry, never asks that way)."""
    import getpass

    return getpass.getpass(prompt)


class Console:
    """Reads answers from `stdin` and writes lines to `stdout`.

    `terminal`: a person at a terminal (passwords are then read without echo). With a pipe,
    every answer, passwords included, is one line of the input.
    """

    def __init__(
        self,
        stdin: Lines,
        stdout: TextIO,
        *,
        terminal: bool = False,
        read_secret: Callable[[str], str] | None = None,
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.terminal = terminal
        self._read_secret = read_secret or _read_hidden
        # What the current step's help says, and what « boîte » reads (set by the walker).
        self.help: Callable[[], Sequence[str]] = lambda: ()
        self.outbox: Callable[[int], Sequence[str]] = lambda n: ()
        self.quit_question: Callable[[], str] = lambda: t("plain.quit.confirm")
        # Said before each question (the session about to expire, with the way to extend it).
        self.before_question: Callable[[], None] = lambda: None

    # --- out ---------------------------------------------------------------------------

    def say(self, *lines: str) -> None:
        for line in lines:
            self.stdout.write(plain(line) + "\n")
        self.stdout.flush()

    def blank(self) -> None:
        self.say("")

    def _prompt(self, prompt: str) -> None:
        self.stdout.write(plain(prompt))
        self.stdout.flush()

    # --- in ----------------------------------------------------------------------------

    def _read_line(self, prompt: str, *, secret: bool = False) -> str:
        if secret and self.terminal:
            try:
                return self._read_secret(plain(prompt))
            except EOFError:
                raise InputEnded from None
        self._prompt(prompt)
        line = self.stdin.readline()
        if not line:
            if not self.terminal:
                self.stdout.write("\n")
            raise InputEnded
        answer = line.rstrip("\r\n")
        if not self.terminal:
            # With a pipe nothing echoes what was read: the transcript shows it after its
            # question (never a password).
            self.stdout.write(("" if secret else plain(answer)) + "\n")
            self.stdout.flush()
        return answer

    def ask(self, prompt: str, *, secret: bool = False) -> str:
        """One answer; the words of every question are handled here, and asked again."""
        self.before_question()
        while True:
            answer = self._read_line(prompt, secret=secret)
            word = folded(answer)
            if word in HELP_WORDS:
                self.say(*self.help(), t("plain.words"))
            elif word in BACK_WORDS:
                raise GoBack
            elif word.split(" ")[0] in OUTBOX_WORDS and _count(word) is not None:
                self.say(*self.outbox(_count(word) or OUTBOX_READ))
            elif word in QUIT_WORDS:
                if self.yes_no(self.quit_question(), words=False):
                    raise QuitRequested
            else:
                return answer

    def yes_no(self, question: str, *, words: bool = True, default: bool | None = None) -> bool:
        """« oui » or « non »; `words`: the words of every question work too; `default`:
        what an empty answer (Entrée) means, when it means something."""
        prompt = t("plain.yes_no.prompt", question=question)
        while True:
            answer = self.ask(prompt) if words else self._read_line(prompt)
            word = folded(answer)
            if not word and default is not None:
                return default
            if word in YES:
                return True
            if word in NO:
                return False
            self.say(t("plain.yes_no.invalid"))

    def choose(self, options: Sequence[str], *, kept: int | None = None) -> int:
        """The options as numbered lines, then the number chosen (0-based). `kept`: the
        option chosen before, which an empty answer keeps."""
        for number, option in enumerate(options, start=1):
            self.say(f"{number}. {option}")
        if kept is not None:
            self.say(t("plain.typed", typed=f"{kept + 1}. {options[kept]}"))
        prompt = t("plain.choice.prompt", n=len(options))
        while True:
            answer = self.ask(prompt).strip()
            if not answer and kept is not None:
                return kept
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return int(answer) - 1
            self.say(t("plain.choice.invalid", n=len(options)))
