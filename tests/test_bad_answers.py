"""The bad-answer table (tests/bad_answer_table.py): hostile answers and hostile teacher
arguments for every checker, quiz class and exercise object.

A case whose outcome is neither a right verdict nor a clear message/error must be listed,
with its outcome and the reason it stays, in bad_answer_known.txt; a listed case that now
passes must be struck from the list. Silent wrong verdicts, raw NaN/inf and hangs may not
be listed at all.
"""

from pathlib import Path

import bad_answer_table as table
import bad_input_table as checks
import pytest

KNOWN_FILE = Path(__file__).with_name("bad_answer_known.txt")


def _known() -> dict[str, tuple[str, str]]:
    out = {}
    for line in KNOWN_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            head, _, reason = line.partition("#")
            kind, case_id = head.split(maxsplit=1)
            out[case_id.strip()] = (kind, reason.strip())
    return out


def test_every_checker_quiz_class_and_exercise_is_probed():
    checks.check_probed([*table.public_names(), *table.exercise_names()], table.covered, 40,
                        "no bad-answer spec (add one to bad_answer_table.py)")


def test_the_table_is_large_and_covers_both_sides():
    checks.check_classes(table.cases(), [
        "strings", "decimal comma", "Decimal", "Fraction", "None", "nested", "NaN/inf",
        "10**400", "bools", "NumPy scalars", "masked arrays", "generators", "huge",
        "weird objects", "typed text", "teacher: duplicates", "teacher: letters",
        "teacher: NaN/inf", "teacher: None", "teacher: strings"])


def test_the_known_list_has_reasons_and_no_silent_case():
    known = _known()
    assert set(known) <= {c.id for c in table.cases()}
    for case_id, (kind, reason) in known.items():
        assert kind == "unclear", f"{case_id}: only unclear cases may stay ({kind})"
        assert reason, f"{case_id}: give the reason it stays"
    assert len(known) <= 0.01 * len(table.cases())


_SPECS = sorted({(c.spec, c.arg) for c in table.cases()})


@pytest.mark.parametrize(("spec", "arg"), _SPECS, ids=[f"{s}-{a}" for s, a in _SPECS])
def test_bad_answers(spec, arg):
    known = {case_id: kind for case_id, (kind, _reason) in _known().items()}
    checks.check_group(table.cases(), spec, arg, table.run, known, KNOWN_FILE.name)
