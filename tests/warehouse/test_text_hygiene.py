"""clean_str: escape sequences and control characters out, the rest of the text as it was."""

import random
import re

from warehouse.text_hygiene import _CONTROL, _ESCAPES, _NEWLINE, clean_str


def _always_substituted(text: str) -> str:
    """The three substitutions run on every text (clean_str before its shortcut for clean text)."""
    return _CONTROL.sub("", _ESCAPES.sub("", _NEWLINE.sub("\n", text)))


def test_terminal_escapes_and_controls_go_and_line_breaks_become_newlines() -> None:
    assert clean_str("\x1b[31mred\x1b[0m\x1b]0;title\x07 ok\r\nnext\rline\ttab\x00\u202e") == "red ok\nnext\nline\ttab"
    assert clean_str("Müller & Søn – «Ok» 株式会社\n") == "Müller & Søn – «Ok» 株式会社\n"


def test_clean_text_is_returned_as_it_is_and_every_text_as_the_substitutions_give_it() -> None:
    rng = random.Random(7)
    alphabet = list("ab é株 -[];07~\\") + ["\x1b", "\x9b", "\r", "\n", "\t", "\x07", "\x00", "\x7f", "\u202a",
                                          "\u2066", "\ufffe", "\x9c", "]"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    for text in texts:
        assert clean_str(text) == _always_substituted(text), repr(text)
    plain = [t for t in texts if not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe]", t)]
    assert len(plain) > 1_000 and all(clean_str(t) is t for t in plain)
