"""Validate once, at the boundary (issue 25): every public function of lessons_lib checks
each argument once; what it passes on inside the package is not checked again.

The subjects are found, not listed: every callable in the ``__all__`` of every public module
of ``lessons_lib``. Each is called with valid arguments (the good arguments of the
bad-input and bad-answer tables, or :func:`_valid_calls` here) while every input validator of
:mod:`lessons_lib._validate` counts what it is given; a validator called inside another
does not count again, nor does ``as_large_array`` declining a small vector (it returns None
and the caller takes the slow path). A value validated more often than it was passed in
fails, with the chain of validators that saw it. Run this file directly to print the
counts per function.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bad_answer_table
import bad_input_table

import lessons_lib
from lessons_lib import _validate

#: The input validators: each takes (value, name, ...), checks one argument and returns it
#: checked. (``check_finite`` and ``refuse_masked`` are steps of one check, after or before
#: ``as_matrix``, not a second check.)
VALIDATORS = ("as_number", "as_vector", "as_large_array", "as_float_array", "as_matrix")


def _tmp() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="validate_once_"))


def _valid_calls() -> dict[str, Callable[[], Any]]:
    """Valid calls of public names that neither table holds (their modules are probed
    elsewhere: the checkers' shared parts, the concept check)."""
    from lessons_lib import concept_check as cc
    from lessons_lib import figures
    from lessons_lib.checkers import answers, choices, general, givens, rounding
    from lessons_lib.checkers.feedback import Feedback, Rejected, right, wrong
    from lessons_lib.widgets import concept_check as wcc

    first = cc.build_form("A")[0]

    def figure() -> Any:
        import matplotlib.pyplot as plt

        return plt.subplots()[0]
    return {
        "clip": lambda: answers.clip("abc"),
        "decimal_comma": lambda: answers.decimal_comma((0, 42)),
        "guard": lambda: answers.guard(lambda answer: right("."))(1),
        "is_placeholder": lambda: answers.is_placeholder(...),
        "quoted": lambda: answers.quoted("B"),
        "show": lambda: answers.show([1.0, 2.0]),
        "to_array": lambda: answers.to_array([1.0, 2.0], "x"),
        "to_number": lambda: answers.to_number(1.5, "x"),
        "normalise": lambda: choices.normalise("6 × 6"),
        "parse_choice": lambda: choices.parse_choice("B", {"A": "x", "B": "y"}),
        "right": lambda: right("."),
        "wrong": lambda: wrong("."),
        "Rejected": lambda: Rejected(Feedback("wrong", ".")),
        "scalar_verdict": lambda: general.scalar_verdict(0.5, 0.5, 0.005, "x", []),
        "given_pair": lambda: givens.given_pair([1.0, 2.0], [3.0, 4.0]),
        "given_nonzero_pair": lambda: givens.given_nonzero_pair([1.0, 2.0], [3.0, 4.0], "x"),
        "given_number": lambda: givens.given_number(0.5, "tol", positive=True),
        "given_table": lambda: givens.given_table([[1.0, 2.0]], "Q", ndim=2),
        "compare": lambda: rounding.compare(0.69, 0.6857, 0.005),
        "compare_entries": lambda: rounding.compare_entries(np.array([0.5]), np.array([0.5]),
                                                             0.005),
        "decimals_message": lambda: rounding.decimals_message("x", 0.005),
        "precision": lambda: rounding.precision(0.005),
        "written_decimals": lambda: rounding.written_decimals(0.69),
        "alt_text": lambda: figures.alt_text(figure()),
        "figure_html": lambda: figures.figure_html(figure()),
        "build_form": lambda: cc.build_form("A"),
        "score_form": lambda: cc.score_form("A", {first.key: first.answer_letter}),
        "require": lambda: cc.require("A", first.key, first.answer_letter),
        "normalised_gain": lambda: cc.normalised_gain(0.25, 0.75),
        "Item": lambda: cc.build_item(cc.ITEMS[0], "A", 1),
        "Graded": lambda: first.grade(first.answer_letter),
        "ItemDef": lambda: cc.ITEMS[0],
        "Mistake": lambda: first.mistake(first.distractors[0][1].key),
        "ConceptCheck": lambda: wcc.ConceptCheck("A", path=_tmp() / "results.json"),
        "learner_report": lambda: wcc.learner_report(_tmp() / "results.json"),
        "load_results": lambda: wcc.load_results(_tmp() / "results.json"),
    }


def public_names() -> dict[str, str]:
    """Every function and class in the ``__all__`` of every public module -> its module."""
    found: dict[str, str] = {}
    modules = ["lessons_lib"] + [
        m.name for m in pkgutil.walk_packages(lessons_lib.__path__, "lessons_lib.")
        if not any(part.startswith("_") for part in m.name.split("."))]
    for mod_name in modules:
        module = importlib.import_module(mod_name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isclass(obj):  # not a constant, not a type alias
                found.setdefault(name, mod_name)
    return found


def calls() -> dict[str, list[tuple[str, Callable[[], Any], dict[str, Any]]]]:
    """Each public name -> its valid calls: (case id, call, the arguments passed in)."""
    out: dict[str, list[tuple[str, Callable[[], Any], dict[str, Any]]]] = {}
    for spec in bad_input_table.specs().values():
        out.setdefault(spec.name.split("-")[0], []).append(
            (spec.name, lambda spec=spec: spec.call(**spec.good), spec.good))
    # the checkers' and the quiz's (not the exercises': the lessons' set-up runs there)
    for spec in [*bad_answer_table._checker_specs(), *bad_answer_table._quiz_specs()]:
        if spec.answer is None or not spec.bads:
            continue
        good = next((b for b in spec.bads if b.meant == bad_answer_table.RIGHT), spec.bads[0])
        out.setdefault(spec.name.split("-")[0], []).append(
            (spec.name, lambda spec=spec, good=good: spec.answer(good.make()), {}))
    for name, call in _valid_calls().items():
        out[name] = [(name, call, {})]  # instead of a table's, whose good value is not one
    return out


#: Public names with no argument a validator could check, with the reason (the tables').
NO_INPUTS = {**bad_input_table.NO_INPUTS, **bad_answer_table.NO_INPUTS}


def _fingerprint(value: object) -> object:
    """The numbers of a value, whatever their container (a list, a validated array)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            arr = np.asarray(value, dtype=float)
        return ("numbers", arr.shape, arr.tobytes())
    except (TypeError, ValueError, OverflowError):
        return ("object", id(value))


@contextmanager
def counting() -> Iterator[list[tuple[str, str, object]]]:
    """Count the outermost validator calls: (validator, the name it was given, fingerprint)."""
    seen: list[tuple[str, str, object]] = []
    depth = [0]
    originals = {name: getattr(_validate, name) for name in VALIDATORS}

    def wrap(vname: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def counted(value: object, name: str = "a", *args: Any, **kwargs: Any) -> Any:
            depth[0] += 1
            try:
                result = fn(value, name, *args, **kwargs)
            finally:
                depth[0] -= 1
            if depth[0] == 0 and not (vname == "as_large_array" and result is None):
                seen.append((vname, name, _fingerprint(value)))
            return result
        return counted

    wrapped = {name: wrap(name, fn) for name, fn in originals.items()}
    patched: list[tuple[object, str, object]] = []
    for module in [m for n, m in sys.modules.items() if n.startswith("lessons_lib")]:
        for name, fn in originals.items():
            if getattr(module, name, None) is fn:
                patched.append((module, name, fn))
                setattr(module, name, wrapped[name])
    try:
        yield seen
    finally:
        for module, name, fn in patched:
            setattr(module, name, fn)


def _parts(value: object) -> Iterator[object]:
    """A value passed in, and its rows and numbers: each may be validated once on its own."""
    yield value
    if isinstance(value, (list, tuple, np.ndarray)) and not isinstance(value, str):
        for part in value:
            yield from _parts(part)


def repeats(good: dict[str, Any], seen: list[tuple[str, str, object]]) -> list[str]:
    """The values validated more often than they were passed in, with their validators."""
    passed = Counter(_fingerprint(p) for v in good.values() for p in _parts(v))
    counts = Counter(fp for _, _, fp in seen)
    return [", then ".join(f"{v}({n!r})" for v, n, f in seen if f == fp)
            for fp, n in counts.items() if n > max(1, passed[fp])]


def measure(call: Callable[[], Any], good: dict[str, Any]) -> tuple[int, list[str]]:
    import matplotlib.pyplot as plt

    with counting() as seen, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = call()
    if hasattr(result, "savefig") or isinstance(result, tuple):
        plt.close("all")
    if hasattr(result, "close") and not hasattr(result, "savefig"):
        result.close()
    return len(seen), repeats(good, seen)


#: Chains not undone yet, each with where the second check comes from. The test fails when
#: one is fixed (delete its line) as well as when a new one appears.
NOT_YET = {
    "AttentionExplorer": "widgets/attention_explorer.py (another engineer's this round): its "
                         "traits are checked, then again by the attention functions it calls",
    "MatVecWidget": "its Vector traits, then matvec_working again",
    "NeuronWidget": "its Vector traits, then neuron / weighted_sum_working again",
    "PropertyPanel": "its Vector traits, then dot_properties again",
    "VectorPlayground": "its Vector traits, then dot / angle_between / project_onto again",
    "ConceptCheck": "build_form: check_number's given_number, then format_number again",
    "build_form": "an item's tolerance and answer: given_number, then format_number",
    "require": "as build_form (it builds the form)",
    "score_form": "as build_form (it builds the form)",
    "sigmoid_svg": "z: as_number, then format_number",
    "weighted_sum_working": "DotWorking.with_bias formats checked numbers with format_number",
    "neuron": "as weighted_sum_working (its working)",
    "clip_by_norm": "g: as_vector, then dot(g, g) again (its large-vector bits must stay)",
    "clip_working": "g: as_vector, then norm_working / format_vector again",
    "scalar_projection": "a, b: _floats, then as_vector again for the exact integer a·b",
    "plot_vectors": "each vector: as_vector, then format_vector for its label",
    "plot_projection": "a, b: as_vector, then project_onto and format_vector again",
    "plot_law_of_cosines": "a, b: as_vector, then angle_between / norm again",
    "dot_properties": "a, b, c: as_vector, then dot / add / scale for each law",
    "compare_dot_vs_cosine": "by design: it times the public raw_scores and cosine_scores, "
                             "each call checking X and q as a learner's call would",
    "layer_collapse_demo": "z: relu / sigmoid of a computed table, twice",
}


def test_every_public_function_validates_each_argument_once():
    names = public_names()
    known = calls()
    assert "score_working" in names and "check_dot" in names  # found, not listed
    missing = sorted(n for n in names if n not in known and n not in NO_INPUTS)
    assert not missing, (
        f"no known valid call for {missing}: add one (a spec in tests/bad_input_table.py, "
        "or an entry in _valid_calls() of tests/test_validate_once.py), so this test can count its "
        "validations")
    twice: dict[str, list[str]] = {}
    for name in sorted(names):
        for _, call, good in known.get(name, []):
            _, repeated = measure(call, good)
            if repeated:
                twice.setdefault(name, []).extend(repeated)
    new = {k: v for k, v in twice.items() if k not in NOT_YET}
    assert not new, ("arguments validated more than once on their way down; validate at "
                     "the public function and pass the checked value to a private core "
                     "(e.g. vectors._dot, working._dot_working):\n"
                     + "\n".join(f"{k}: {v}" for k, v in new.items()))
    done = sorted(set(NOT_YET) - set(twice))
    assert not done, f"{done} validate each argument once now: delete them from NOT_YET"


def test_the_count_sees_a_chain():
    """A function that hands its checked vector to a public function counts twice."""
    from lessons_lib import vectors

    def twice(a: list[float]) -> float:
        checked = _validate.as_vector(a, "a")
        return vectors.norm(checked)

    with counting() as seen:
        twice([3.0, 4.0])
    assert [v for v, _, _ in seen] == ["as_vector", "as_vector"]
    assert repeats({"a": [3.0, 4.0]}, seen) == ["as_vector('a'), then as_vector('a')"]


if __name__ == "__main__":
    for name in sorted(public_names()):
        for case, call, good in calls().get(name, []):
            count, repeated = measure(call, good)
            print(f"{case:32} {count:3} validations  {'; '.join(repeated)}")
