"""lessons_lib.checkers.feedback: the verdict, its marks, and what an autograded cell keeps."""

import pytest

from lessons_lib import checkers as c
from lessons_lib.checkers.feedback import ICONS, Feedback, NotYet, Passed
from lessons_lib.widgets.quiz import NumericAnswer


def test_feedback_is_plain_text_and_falsy_when_wrong():
    fb = c.check_number(1, 2)
    assert not fb and isinstance(repr(fb), str) and "<" not in repr(fb)


def test_every_message_mark_renders_without_an_emoji_font():
    """Issue 13: ✅ ⏱ ✍️ showed as empty boxes on a stock Debian desktop. Every character of
    the checkers' verdicts, the quiz's and the sign sentences must be in DejaVu Sans (the
    default font there; matplotlib ships a copy, so this does not depend on the machine)."""
    import os

    import matplotlib
    from fontTools.ttLib import TTFont

    from lessons_lib import geometry

    font = os.path.join(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
    cmap = TTFont(font).getBestCmap()
    rules = geometry.sign_rules()
    texts = [*ICONS.values(), *rules["messages"].values(),
             *(str(c.check_dot(answer, [1, 2, 3], [4, 5, 6])) for answer in (32, 31, ...)),
             *(str(NumericAnswer("?", answer=1.0).check(r)) for r in ("1", "2", "x"))]
    missing = {ch for text in texts for ch in text if ord(ch) not in cmap and not ch.isspace()}
    assert not missing, sorted(missing)


def test_a_wrong_autograded_answer_raises_as_the_lessons_name_it():
    """The student's traceback reads lessons_lib.checkers.NotYet, where they import it from."""
    assert f"{NotYet.__module__}.{NotYet.__qualname__}" == "lessons_lib.checkers.NotYet"
    log: list[str] = []
    with pytest.raises(NotYet, match=r"^✗ Not yet: add the products\.$"):
        Feedback("wrong", "add the products.", log=log).require()
    passed = Feedback("correct", "32.", log=log).require()
    assert isinstance(passed, Passed)
    assert passed._repr_mimebundle_()[1] == {c.TRIES_KEY: ["wrong", "correct"]}
