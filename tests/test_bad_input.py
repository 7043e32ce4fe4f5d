"""One test per class of bad input: each error names the problem and the fix."""

import math

import numpy as np
import pytest

import lessons_lib as ll

PAIR_FUNCTIONS = [ll.dot, ll.dot_working, ll.add, ll.cosine_similarity, ll.angle_between,
                  ll.project_onto, ll.scalar_projection]


@pytest.mark.parametrize("fn", PAIR_FUNCTIONS)
def test_mismatched_lengths(fn):
    with pytest.raises(ValueError, match=r"a has 3 numbers but b has 2\..*same number of "
                       r"components \(the same dimension\)") as e:
        fn([1, 2, 3], [4, 5])
    assert "missing or extra number" in str(e.value)


@pytest.mark.parametrize("fn", [ll.dot, ll.norm, ll.normalise])
def test_empty_vector(fn):
    args = ([], [1]) if fn is ll.dot else ([],)
    with pytest.raises(ValueError, match=r"a is empty\. A vector needs at least one number"):
        fn(*args)


@pytest.mark.parametrize("bad", ["2", None, object()])
def test_non_number_inside(bad):
    with pytest.raises(TypeError, match=r"b\[1\] is .*not a number\. (Write numbers|Put a number)"):
        ll.dot([1, 2], [1, bad])


def test_bool_inside():
    with pytest.raises(TypeError, match=r"a\[0\] is True \(a bool\), not a number"):
        ll.dot([True, 2], [1, 2])


def test_whole_vector_is_a_string():
    with pytest.raises(TypeError, match=r"a is the text '1, 2, 3', not a vector.*\[1, 2, 3\]"):
        ll.dot("1, 2, 3", [1, 2, 3])


def test_vector_is_none():
    with pytest.raises(TypeError, match=r"b is None, not a vector"):
        ll.dot([1], None)


def test_single_number_instead_of_vector():
    with pytest.raises(TypeError, match=r"a is a single number \(5\).*a = \[5\]"):
        ll.norm(5)


def test_set_has_no_order():
    with pytest.raises(TypeError, match=r"a is a set, which has no fixed order"):
        ll.norm({1, 2})


@pytest.mark.parametrize("bad", [math.nan, np.nan, float("nan")])
def test_nan_inside(bad):
    with pytest.raises(ValueError, match=r"a\[1\] is NaN .*replace it"):
        ll.dot([1, bad], [1, 2])


@pytest.mark.parametrize("bad", [math.inf, -np.inf])
def test_inf_inside(bad):
    with pytest.raises(ValueError, match=r"b\[0\] is infinite"):
        ll.cosine_similarity([1, 2], [bad, 2])


def test_2d_array_where_a_vector_is_expected():
    with pytest.raises(ValueError, match=r"a has shape \(2, 2\), but a vector must be 1-D.*ravel"):
        ll.dot(np.array([[1, 2], [3, 4]]), [1, 2])


def test_nested_list_where_a_vector_is_expected():
    with pytest.raises(ValueError, match=r"a\[0\] is itself a list, so a looks 2-D"):
        ll.norm([[1, 2], [3, 4]])


def test_string_array():
    with pytest.raises(TypeError, match=r"a is an array of <U1 values, not numbers"):
        ll.norm(np.array(["1", "2"]))


@pytest.mark.parametrize(
    ("fn", "what"),
    [(ll.angle_between, "the angle"), (ll.cosine_similarity, "the cosine similarity")],
)
def test_zero_length_vector_for_angle_and_cosine(fn, what):
    with pytest.raises(ValueError, match=rf"a has zero length .* {what} is undefined\. Use a"):
        fn([0, 0], [1, 2])
    with pytest.raises(ValueError, match=r"b has zero length"):
        fn([1, 2], [0.0, 0.0])


def test_zero_length_for_normalise_and_projection():
    with pytest.raises(ValueError, match=r"a has zero length"):
        ll.normalise([0, 0, 0])
    with pytest.raises(ValueError, match=r"b has zero length"):
        ll.project_onto([1, 2], [0, 0])


def test_overflow_is_an_error_not_inf():
    with pytest.raises(OverflowError, match=r"a·b is too large"):
        ll.dot([1e200, 1e200], [1e200, 1e200])


def test_no_silent_broadcast_of_length_one():
    # NumPy would broadcast [2] against [1, 2, 3]; a dot product must not.
    with pytest.raises(ValueError, match=r"a has 1 number but b has 3"):
        ll.dot([2], [1, 2, 3])


def test_other_types_are_rejected():
    with pytest.raises(TypeError, match=r"a is a dict, which has no fixed order"):
        ll.norm({"x": 1})
    with pytest.raises(TypeError, match=r"a is a generator, not a vector"):
        ll.norm(x for x in [1, 2])


# --- Issue 11 probes: attention, embeddings and widgets -------------------------------------

import gc  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
import traitlets  # noqa: E402

from lessons_lib import attention as att  # noqa: E402
from lessons_lib import embeddings  # noqa: E402


@pytest.mark.parametrize("call", [
    lambda: att.attention_scores([[1e200, 1e200]], [[1e200, 1e200]]),
    lambda: att.attention_weights([[1e200, 1e200]], [[1e200, 1e200]]),
    lambda: att.attention([[1e200]], [[1e200]], [[1.0]]),
    lambda: att.attention_output([[1.0, 1.0]], [[1e308], [1e308]]),
    lambda: att.softmax([1e300, 1.0], temperature=1e-10),
])
def test_finite_but_huge_inputs_raise_a_clear_overflow_error(call):
    with pytest.raises(OverflowError, match="overflowed"):
        call()


def test_softmax_of_inf_does_not_blame_the_learner_for_writing_it():
    with pytest.raises(ValueError, match="overflow upstream"):
        att.softmax([np.inf, 1.0])


def test_cached_embeddings_cannot_be_corrupted_by_a_caller():
    words = embeddings.load_word_embeddings()
    before = words.vectors.copy()
    with pytest.raises(ValueError, match="read-only"):
        words.vectors[0, 0] = 0.0
    head = embeddings.load_real_head()
    with pytest.raises(ValueError, match="read-only"):
        head.hidden_states_in[0, 0] = 0.0
    assert np.array_equal(embeddings.load_word_embeddings().vectors, before)


def test_neuron_widget_refuses_out_of_range_and_nan():
    from lessons_lib.widgets.neuron import NeuronWidget

    w = NeuronWidget(w=[0.8, -0.5], x=[1.0, 2.0], b=0.1)
    with pytest.raises(ValueError, match=r"w\[0\] is 100, outside the slider range"):
        w.set_weights([100, 0])
    with pytest.raises(ValueError, match=r"x\[1\] is −7"):
        w.set_inputs([0, -7])
    assert w.w == [0.8, -0.5]  # unchanged
    with pytest.raises(traitlets.TraitError, match="finite number"):
        w.w_sliders[0].value = float("nan")
    assert w.w == [0.8, -0.5]


def test_neuron_widget_reads_browser_slider_noise_as_the_number_shown():
    from lessons_lib.widgets.neuron import NeuronWidget

    w = NeuronWidget(w=[0.8, -0.5], x=[1.0, 2.0], b=0.1)
    w.w_sliders[0].value = 0.7999999999999998  # what a browser slider sends for 0.8
    w.b_slider.value = 0.10000000000000009
    assert str(w.output.working) == "0.8·1 + (−0.5)·2 + 0.1 = 0.80 − 1.00 + 0.10 = −0.10"


@pytest.mark.parametrize("temperature, needle", [
    (float("nan"), "temperature is NaN"), (True, "True/False"), (0, "between 0.1 and 10"),
    (11, "between 0.1 and 10"),
])
def test_explorer_temperature_is_checked(temperature, needle):
    from lessons_lib.widgets.attention_explorer import AttentionExplorer

    with pytest.raises(traitlets.TraitError, match=needle):
        AttentionExplorer(temperature=temperature)


def test_explorer_slider_range_comes_from_python():
    from lessons_lib.widgets.attention_explorer import TEMPERATURE_RANGE, AttentionExplorer

    w = AttentionExplorer(temperature=10)  # the top of the range is accepted
    assert w.get_state()["temperature_range"] == list(TEMPERATURE_RANGE) or \
        tuple(w.get_state()["temperature_range"]) == TEMPERATURE_RANGE
    assert "model.get(\"temperature_range\")" in w._esm


def test_explorer_set_keys_does_not_split_a_string():
    from lessons_lib.widgets.attention_explorer import AttentionExplorer

    w = AttentionExplorer()
    before = (list(w.tokens), [list(k) for k in w.key_vectors])
    with pytest.raises(traitlets.TraitError, match="tokens is the text 'ab'"):
        w.set_keys("ab", [[1, 0], [0, 1]])
    assert (w.tokens, w.key_vectors) == before


def test_property_panel_with_a_bad_k_leaves_no_half_built_widget():
    from lessons_lib.widgets.property_panel import PropertyPanel
    from lessons_lib.widgets.vector_playground import VectorPlayground

    ignored = []
    old_hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: ignored.append(unraisable)
    try:
        with pytest.raises(ValueError, match="NaN"):
            PropertyPanel(VectorPlayground(), k=float("nan"))
        gc.collect()
    finally:
        sys.unraisablehook = old_hook
    assert ignored == []


@pytest.mark.parametrize("value", ["12", 3.0, ["1", "2"]])
def test_format_vector_never_formats_text_or_a_scalar(value):
    with pytest.raises(TypeError, match=r"not a (vector|number)"):
        ll.format_vector(value)


# --- Issue 24: the table of every public function × every class of bad input -----------------
# tests/bad_input_table.py finds the subjects (every __all__) and holds the cases and oracles;
# here each (function, argument) runs all its bad values. A case whose outcome is neither a
# right result nor a clear error must be listed, with its outcome, in bad_input_known.txt
# (what is left to fix); a listed case that now passes must be struck from the list.

import bad_input_table as table  # noqa: E402

KNOWN_FILE = __import__("pathlib").Path(__file__).with_name("bad_input_known.txt")


def _known() -> dict[str, str]:
    out = {}
    for line in KNOWN_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, case_id = line.split(maxsplit=1)
            out[case_id] = kind
    return out


def test_every_public_name_is_probed():
    table.check_probed(table.public_names(), table.covered, 80,
                       "public names with no bad-input spec (add one to SPECS)")


def test_the_table_is_large_and_covers_every_class():
    table.check_classes(table.cases(), [
        "mismatched lengths", "empty", "None", "strings", "bools", "nested", "2-D/3-D",
        "NaN/inf", "2**70", "10**400", "1e308", "subnormals", "complex", "int8 overflow",
        "Decimal", "Fraction", "generators", "NumPy scalars", "masked arrays", "large sizes"])


_GROUPS = table.groups(0)


@pytest.mark.parametrize(("spec", "arg"), _GROUPS, ids=[f"{s}-{a}" for s, a in _GROUPS])
def test_bad_inputs(spec, arg):
    check_group(spec, arg)


def check_group(spec, arg):
    """Run every bad value of one argument of one function; compare with the known list."""
    table.check_group(table.cases(), spec, arg, table.run, _known(), KNOWN_FILE.name)


def test_the_known_list_only_names_real_cases():
    ids = {c.id for c in table.cases()}
    assert set(_known()) <= ids
