"""The claims table: every quantitative or comparative statement the lessons' prose makes.

Each :class:`Claim` quotes the lesson word for word (``tests/test_claims.py`` finds the
quote in the lesson's markdown, so a claim edited away fails until the table follows) and
says what it is:

* ``checked``: a test in ``tests/test_claims.py`` (same id) checks it on the lesson's own
  data (its vectors, its data set, the shipped model);
* ``measured``: a timing or a machine-dependent figure, reported as such in the prose and
  never asserted (the project measures speed in benchmarks/, not in tests);
* ``convention`` / ``intuition``: a way of writing or a picture, said as such in the prose.

``rewritten`` records a claim a test disproved (or found imprecise) and how it was rewritten.
``docs/claims.md`` is generated from this table for teachers.

Usage::

    python -m tools.claims            # write docs/claims.md
    python -m tools.claims --check    # exit 1 if docs/claims.md is stale
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from tools._paths import ROOT
from tools.lessons import LESSONS

PAGE = ROOT / "docs" / "claims.md"
KINDS = ("checked", "measured", "convention", "intuition")
PIPE = "\\|"  # a | inside a markdown table cell


@dataclass(frozen=True)
class Claim:
    """One statement of a lesson and how it is backed."""

    id: str
    lesson: str
    quote: str
    kind: str
    how: str
    rewritten: str = ""


C = Claim
CLAIMS: tuple[Claim, ...] = (
    # ---------------------------------------------------------------- 00
    C("00-sign", "00", "the sign of a dot product says whether two vectors point roughly the same "
      "way", "checked", "on 1000 seeded random pairs, a·b > 0 exactly when the angle is below 90°",
      "was: 'a large dot product means two vectors point the same way', which lesson 03's "
      "misconception 1 contradicts (issue 22, item 3)"),
    C("00-table", "00", "(4 tokens → a 4 × 4 table)", "checked",
      "attention_scores of 4 queries and 4 keys has shape (4, 4)"),
    C("00-origin", "00", "Only at the origin, (0, 0): every other arrow has some length.",
      "checked", "‖a‖ = 0 for [0, 0] and > 0 at every other point of the widget's 0.1 grid"),
    # ---------------------------------------------------------------- 01
    C("01-sum-shorter", "01", "‖a + b‖ is *smaller*.", "checked",
      "a = [2, 1], b = [−1, 2]: ‖a + b‖ = √10 < ‖a‖ + ‖b‖ = 2√5"),
    C("01-same-way", "01", "Only when a and b point the **same** way do the lengths simply add.",
      "checked", "equality for b = 2a and b = 0.5a; strict inequality for 1000 random "
                 "non-parallel pairs"),
    C("01-opposite", "01", "a vector plus its opposite is the **zero vector**", "checked",
      "[2, 1] + [−2, −1] = [0, 0]"),
    C("01-double", "01", "2a points the same way as a, always (it is twice as long, not turned)",
      "checked", "angle(a, 2a) = 0 and ‖2a‖ = 2‖a‖ for a = [2, 1] and random vectors"),
    C("01-negative", "01", "A negative component counts just as much as a positive one, because it "
      "is squared", "checked", "‖[1, −2]‖ = ‖[1, 2]‖"),
    C("01-twice-5", "01", "(It is [3, 4] doubled, so its length is twice 5.)", "checked",
      "‖[6, 8]‖ = 10 = 2‖[3, 4]‖"),
    # ---------------------------------------------------------------- 02
    C("02-push", "02", "a feature with a positive weight pushes the score up and one with a "
      "negative weight pushes it down, as long as the feature itself is positive", "checked",
      "the term wᵢxᵢ has the sign of wᵢ for xᵢ > 0 and the opposite sign for xᵢ < 0 "
      "((−1)·(−2) = +2)", "was: 'a negative weight pushes it down', true only for a positive "
      "feature (item 4)"),
    C("02-zip", "02", "`zip` quietly stops at the shorter list", "checked",
      "sum(x·y for x, y in zip([1, 2, 3], [4, 5])) = 14, the 3 dropped"),
    C("02-perpendicular", "02", "b = [−1.2, 1.8] is a turned by 90°", "checked",
      "angle([1.8, 1.2], [−1.2, 1.8]) = 90°"),
    C("02-cancel", "02", "The two products cancel exactly.", "checked",
      "1.8·(−1.2) + 1.2·1.8 is exactly 0.0 in floating point, and [2, 1]·[−1, 2] = 0"),
    C("02-triple", "02", "Every product triples, so a·b triples. The angle does not change",
      "checked", "a = [5.4, 3.6] = 3·[1.8, 1.2]: a·b = 3 × 3.6 and the angle stays 32.3°"),
    C("02-flip", "02", "Every product flips sign, so a·b flips sign", "checked",
      "[1.8, 1.2]·[−0.8, −1.8] = −3.6"),
    C("02-sign", "02", "**positive** when the vectors point in similar directions, **zero** when "
      "they are perpendicular, **negative** when they point in opposite directions", "checked",
      "sign of a·b against the angle on 1000 seeded random pairs, and on the lesson's examples"),
    # ---------------------------------------------------------------- 03
    C("03-both-sides", "03", "Both sides give 3.60. The angle, 32.3°", "checked",
      "a·b = 3.60 and ‖a‖‖b‖cos θ = 3.60 to 2 decimals, θ = 32.3° for [1.8, 1.2], [0.8, 1.8]"),
    C("03-three-angles", "03", "**θ = 0°** (same direction): cos θ = 1", "checked",
      "a = [2, 1] with [4, 2], [−1, 2], [−4, −2]: cos θ = 1, 0, −1, θ = 0°, 90°, 180°"),
    C("03-independent", "03", "Two non-zero perpendicular vectors are in fact linearly "
      "*independent*", "checked", "1000 random non-zero perpendicular pairs (2-D to 5-D): the "
      "matrix of the two has rank 2", "was: perpendicular vectors are 'not … independent' "
      "(item 1); non-zero perpendicular vectors are always linearly independent"),
    C("03-triple", "03", "tripling a triples a·b but leaves the angle (and cos θ) exactly where it "
      "was", "checked", "on the playground's start vectors"),
    C("03-pythagoras", "03", "at θ = 90° the cosine is 0 and you get Pythagoras back, ‖a − b‖² = "
      "‖a‖² + ‖b‖²", "checked", "for [2, 1] and [−1, 2]; the law of cosines itself on 1000 random "
      "pairs", "was: 'c² = a² + b²', reusing a and b (the proof's vectors) as side lengths "
      "(item 6)"),
    C("03-signed", "03", "negative when it falls against b (θ above 90°, where cos θ < 0)",
      "checked", "a·b/‖b‖ < 0 exactly when the angle exceeds 90°, on 1000 random pairs",
      "was: the shadow's 'length is ‖a‖cos θ', negative past 90° while lengths are never "
      "negative (item 5)"),
    C("03-cosine-range", "03", "1 for the same direction, 0 for perpendicular, −1 for opposite, "
      "whatever the lengths", "checked", "cosine of a with 5a, a turned 90° (×7), −0.2a"),
    C("03-twice", "03", "So roughly twice the arithmetic.", "checked",
      "the operation counts of the two methods (the lesson's formula and "
      "timing.CostComparison.operations) differ by a factor within [1.9, 2.1] for d = 64"),
    C("03-timing", "03", "measured ratios of about 1.5× to 2× are typical", "measured",
      "a timing (the cell is tagged nbval-ignore-output); the prose says to re-run it"),
    C("03-equal-lengths", "03", "When every stored vector has **exactly** the same length, ‖a‖‖b‖ "
      "is the same factor for every pair, so the raw dot product ranks them exactly like cosine "
      "similarity does.", "checked", "the lesson's 1000 vectors of length 5 (seed 3): identical "
      "rankings"),
    C("03-rough-lengths", "03", "roughly equal lengths give a roughly equal ranking, not the same "
      "one", "checked", "the same vectors with lengths in [4.95, 5.05]: the rankings differ "
      "(570 of 1000 places), the top 10 agree", "was: 'when the vectors have roughly the same "
      "length, the raw dot product already ranks them like cosine similarity does': with lengths "
      "within ±1 % the two rankings differ in 596 of 1000 trials (item 2)"),
    C("03-best-few", "03", "the best few still agree here", "checked",
      "top 10 by raw score = top 10 by cosine on the ±1 % vectors"),
    C("03-misleads", "03", "The raw dot product ranks **B** first (3.00 against 0.90), only "
      "because B is long. Cosine similarity ranks **A** first (0.9939 against 0.7071)", "checked",
      "query [1, 0], A = [0.9, 0.1], B = [3, 3]"),
    C("03-cos-zero", "03", "it means they are perpendicular; both can be long", "checked",
      "[0, 5]·[7, 0] = 0 with lengths 5 and 7"),
    # ---------------------------------------------------------------- 04
    C("04-push", "04", "for a positive feature a **positive** weight pushes the output up and a "
      "**negative** weight pushes it down (a negative feature reverses both)", "checked",
      "raising w·x's term for each sign combination", "was: 'a negative weight pushes it "
      "down' (item 4)"),
    C("04-zero", "04", "it is 100, yet it contributes nothing", "checked",
      "w = [0.5, −1, 0]: w·x is 1.0 for x₃ = 100 and for x₃ = −7"),
    C("04-diagonal", "04", "the points sit close to the diagonal", "checked",
      "on the 12 houses every prediction is within 2 % of the true price (RMS error 1.5)"),
    C("04-signs", "04", "age has a **negative** weight (older houses are cheaper), rooms and area "
      "positive ones", "checked", "signs of the least-squares weights on the house data"),
    C("04-importance", "04", "Area matters most here, then rooms; age pulls the price down.",
      "checked", "standardised weights: area > rooms > 0 > age, and |age| < rooms"),
    C("04-together", "04", "rooms and area go together", "checked",
      "correlation of rooms and area on the house data > 0.9"),
    C("04-half", "04", "z = 0 gives exactly 0.5", "checked", "sigmoid(0) == 0.5"),
    C("04-0.9", "04", "σ(z) > 0.9 needs z > 2.2 or so", "checked", "σ(2.1) < 0.9 < σ(2.2)"),
    C("04-steep", "04", "the sigmoid is steep near z = 0 but flat far away", "checked",
      "σ′(0) = 0.25 is more than 30 times σ′(5)"),
    C("04-200", "04", "The package checks both claims on 200 random inputs", "checked",
      "layer_collapse_demo: 200 inputs; merged layer within 1e-12, ReLU and sigmoid gaps > 1"),
    C("04-collapse", "04", "That is again *one* linear layer, with weights W₂W₁ and bias W₂b₁ + b₂",
      "checked", "W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂) on random layers"),
    # ---------------------------------------------------------------- 05
    C("05-table", "05", "`properties.dot_properties` evaluates both sides of every law", "checked",
      "on [1.8, 1.2], [0.8, 1.8] every law holds, sides recomputed with NumPy"),
    C("05-doubling", "05", "Doubling a query doubles every score; it never changes which key "
      "scores highest. (It does change the attention *weights*: softmax of doubled scores is "
      "sharper",
      "checked", "lesson 07's four queries and keys: scores ×2, same argmax per row, larger "
      "top weight"),
    C("05-cs-equality", "05", "it reaches 1 only when one vector is a multiple of the other",
      "checked", "the lesson's four pairs: ratio 1 only for [1, 2], [−2, −4]",
      "was: equality 'exactly when a and b are parallel', while the example points in opposite "
      "directions (item 9)"),
    C("05-one-angle", "05", "exactly one angle θ between 0° and 180° has it as its cosine",
      "checked", "1000 random pairs of 2 to 384 components: a·b/(‖a‖‖b‖) lies in [−1, 1] and "
      "its arccos is in [0°, 180°]; [1, 2, 3, 4], [4, 3, 2, 1] give 20/30 and 48.2°"),
    C("05-plane", "05", "inside that plane lesson 03's drawing and proof apply unchanged",
      "checked", "for random 384-component pairs, the angle measured with 2-D coordinates in the "
      "plane they span equals the formula's, and the law of cosines holds"),
    C("05-obtuse", "05", "θ = arccos(−0.2222) ≈ 102.8°: a little more than a right angle",
      "checked", "exercise 4's a = [1, 2, 2, 0], b = [0, −2, 1, 2]: a·b = −2, ‖a‖ = ‖b‖ = 3, "
      "−2/9 rounds to −0.2222 and arccos(−2/9) = 102.84°, between 90° and 105°"),
    C("05-random", "05", "Draw a thousand random triples of 8-dimensional vectors", "checked",
      "seed 5: all five laws hold in 1000 of 1000 trials"),
    C("05-direction", "05", "The direction is kept", "checked",
      "clip_by_norm([3, 4], 1) is at angle 0 from [3, 4], length 1"),
    C("05-tiny", "05", "The errors are tiny (about 10⁻¹⁶)", "checked",
      "|1.8·0.8 + 1.2·1.8 − 3.6| ≈ 4.4e−16"),
    C("05-last-place", "05", "they can differ in the last place", "checked",
      "0.1·(0.1 + 0.3) != 0.1·0.1 + 0.1·0.3 but math.isclose"),
    C("05-isclose", "05", "(10⁻⁹ by default for `math.isclose`)", "checked",
      "math.isclose accepts a relative gap of 0.9e−9 and refuses 1.1e−9"),
    C("05-square", "05", "a·a shrinks with the *square* of a's length", "checked",
      "(a/3)·(a/3) = a·a / 9"),
    C("05-k2", "05", "Scaling *both* vectors scales the dot product by k²", "checked",
      "(3a)·(3b) = 9 a·b"),
    # ---------------------------------------------------------------- 06
    C("06-toy", "06", "*milk* scores high, *car* low.", "checked", "0.96 against 0.18"),
    C("06-two-thirds", "06", "0.69 of *cat*'s attention, more than two thirds, goes there",
      "checked", "softmax([0.96, 0.18]) gives milk 0.69", "was: 'about two thirds', beside a "
      "printed 0.69 (a fresh-eyes learner review)"),
    C("06-unit", "06", "These vectors were scaled to length 1", "checked",
      "every word vector has ‖v‖ = 1 to 1e−6, so a·b = cos θ"),
    C("06-neighbours", "06", "*cat* is closest to *kitten*, then *dog*; *car* to *truck* and "
      "*road*", "checked", "row maxima of the 8 × 8 word table (milk's, cheese, is exercise 3's "
      "answer and no longer told before it)"),
    C("06-cat-car", "06", "**cat·car is larger than cat·milk** here!", "checked",
      "0.463 against 0.342"),
    C("06-more-alike", "06", "finds them *more* alike than *cat* and *milk* (0.46 against 0.34)",
      "checked", "the same two numbers", "was: 'about as alike as cat and milk', while "
      "cat·car is a third larger"),
    C("06-sentences", "06", "score far above every other pair", "checked",
      "S1·S2 = 0.62 is more than three times any other off-diagonal score"),
    C("06-head", "06", "the current token is *cat*; *milk* scores high, *car* low; attention leans "
      "on *milk* (and on *cat* itself)", "checked",
      "the head's cat row: score(milk) > score(car), weight(milk) > 10·weight(car), "
      "cat and milk the two largest weights"),
    C("06-all-look", "06", "In this head almost every token, *car* included, looks at *cat* and "
      "*milk*", "checked", "every row gives cat + milk more than half its weight (car's row "
      "0.60), and cat is among every row's two largest weights"),
    C("06-previous", "06", "Every token gives (almost) all its weight to the token **just before "
      "it**", "checked", "layer 0, head 2: every row i ≥ 1 has its largest weight at i − 1, at "
      "least 0.99"),
    C("06-6.5", "06", "the *cat* row above has scores like 6.5 but weights that sum to 1",
      "checked", "largest cat score 6.55, weights sum to 1"),
    C("06-first-column", "06", "x = [1, 0] picks out the **first column** of M", "checked",
      "M [1, 0] = first column, M (2x) = 2 M x"),
    C("06-associative", "06", "(AB)C = A(BC)", "checked",
      "random matrices of compatible shapes, and the lesson's A, B, C"),
    C("06-order", "06", "AB and BA are usually different", "checked",
      "the lesson's A = [[1, 2], [3, 4]], B = [[0, 1], [1, 0]]: AB ≠ BA"),
    C("06-layers", "06", "W₂(W₁x) = (W₂W₁)x is associativity, with x as a matrix of one column",
      "checked", "lesson 04's layers: both sides [1]; random layers"),
    C("06-merged", "06", "Check on x = [1, 1]: W₁x = [3, −1], W₂(W₁x) = W₂[3, −1] = [5, −3], and "
      "Wx = [5, −3] too", "checked", "exercise 8's W₁ = [[1, 2], [−1, 0]], W₂ = [[2, 1], [0, 3]]: "
      "NumPy gives both sides [5, −3] for x = [1, 1], W₂W₁ = [[1, 4], [−3, 0]] by hand, and "
      "W₁W₂ differs"),
    C("06-w1w2", "06", "the order the layers run, W₁W₂ = [[2, 7], [−2, −1]]", "checked",
      "W₁W₂ by hand, [[1·2 + 2·0, 1·1 + 2·3], [(−1)·2 + 0·0, (−1)·1 + 0·3]], equals NumPy's "
      "W₁ @ W₂ and differs from W₂W₁"),
    C("06-convention", "06", "W_Q stored the way PyTorch's `nn.Linear` stores a weight (outputs × "
      "inputs, computing y = xWᵀ + b)", "checked", "the shipped W_q is 32 × 384 (outputs × "
      "inputs) and H W_qᵀ + b_q reproduces the model's weights", "was: 'the one papers and "
      "PyTorch use', while the paper writes XW^Q (item 10)"),
    # ---------------------------------------------------------------- 07
    C("07-var", "07", "with d_k = 1024 typical scores are around ±32", "checked",
      "2000 seeded pairs: var(q·k)/d_k within 15 % of 1 for d_k = 4 … 1024, sd ≈ 32 at 1024"),
    C("07-saturates", "07", "Without the division softmax **saturates**: one key takes (almost) "
      "all the weight", "checked", "seed 0, d_k = 512: top weight > 0.999 unscaled, < 0.6 scaled"),
    C("07-small", "07", "These made-up scores are all small (between 0 and 0.47), so the weights "
      "are nearly even", "checked", "scores in [0, 0.47], every weight in [0.2, 0.32]"),
    C("07-again", "07", "so it holds 0.2425 again", "checked",
      "S[cat, milk] = 0.2425 to 4 decimals"),
    C("07-identical", "07", "The result is mathematically identical", "checked",
      "softmax(s) = softmax(s − max s) to 1e−15; np.exp(1000) overflows"),
    C("07-mask", "07", "The masked weights are exactly 0", "checked",
      "masked weights == 0.0, rows sum to 1, the first row is [1, 0, 0, 0]"),
    C("07-temperature", "07", "T = 1 changes nothing, T > 1 flattens the weights, T < 1 sharpens "
      "them", "checked", "top weight of softmax(s / T) for T = 0.5, 1, 3 on the explorer's scores"),
    C("07-longer", "07", "Longer vectors give bigger scores and a sharper softmax", "checked",
      "doubling the query doubles the scores and raises the top weight"),
    C("07-columns", "07", "Columns (how much a key is looked at) can add up to anything", "checked",
      "the lesson's weight table has column sums ≠ 1"),
    C("07-2x5", "07", "With 2 queries and 5 keys you get a 2 × 5 table.", "checked",
      "attention_scores shape"),
    # ---------------------------------------------------------------- 08
    C("08-200kB", "08", "in a 200 kB file", "checked", "lessons_lib/data/minilm_head.npz is "
      "between 150 and 250 kB"),
    C("08-convention", "08", "The library follows PyTorch's convention", "checked",
      "w_q, w_k, w_v are 32 × 384 and Q = H W_qᵀ + b_q", "was: 'the one papers and PyTorch "
      "use' (item 10)"),
    C("08-seventh", "08", "A difference in the seventh decimal place", "checked",
      "largest |recomputed − model| weight < 1e−6"),
    C("08-1e-5", "08", "check it against the model to within 1e-5", "checked", "the same, < 1e−5"),
    C("08-machines", "08", "On one machine it was 2.7e-07, on another 4.5e-07", "measured",
      "machine-dependent; the next cell prints the reader's own figure"),
    C("08-two-columns", "08", "Two columns light up: **cat** and **milk**.", "checked",
      "cat and milk are the two largest column sums"),
    C("08-nothing", "08", "*car*, *near* and the *the*s get next to nothing", "checked",
      "no weight on car, near or a the exceeds 0.04"),
    C("08-72", "08", "one head of 72 (6 layers × 12 heads)", "checked",
      "all_model_weights has 6 × 12 heads"),
    C("08-scores", "08", "The scores of the *cat* row go up to 6.5 and can be negative", "checked",
      "max 6.55, min −1.38"),
    # ---------------------------------------------------------------- 09
    C("09-sizes", "09", "Four 384 × 384 matrices of 32-bit floats are 2.4 MB", "checked",
      "4 × 384² × 4 bytes = 2,359,296; the shipped int8 file is < 0.7 MB"),
    C("09-rounding", "09", "the model was **run again with exactly the rounded weights**",
      "checked", "the stored output is recomputed from the shipped int8 weights to < 1e−5, and "
      "differs from the unpatched model's layer-0 weights (lesson 08's file) by > 1e−4"),
    C("09-1e-5", "09", "check it against the model's own output to within 1e-5", "checked",
      "plain NumPy einsum recomputation of the layer vs attention_output, < 1e−5"),
    C("09-machine", "09", "the extraction script's own check, all in 64-bit floats,\nrecorded "
      "4.6e-07", "measured", "the extraction script's self-check, recorded in "
      "minilm_layer.json; the cell above prints the reader's own figure", "was: 'on the machine "
      "that made the file it was 4.6e-07', blaming 64-bit floats on our side, while H and the "
      "weights are 32-bit here too (a fresh-eyes learner review)"),
    C("09-head2", "09", "every token gives essentially all its weight to the token before it",
      "checked", "head 2: every token after [CLS] gives > 0.99 to the previous token"),
    C("09-head3", "09", "*cat*'s largest weight is on *milk* (0.24), though not by much (*near*\n"
      "0.17, *drank* 0.15)", "checked", "cat's row of head 3: milk 0.24, near 0.17, drank 0.15, "
      "the rest below", "was: 'Head 3 is a content head', for a lead of 0.07 (a fresh-eyes "
      "learner review)"),
    C("09-one-head", "09", "here mostly [CLS] (0.74) and the previous *the* (0.26), and nothing "
      "for *milk*", "checked", "one 384-wide head: cat's row rounds to 0.74, 0.26, milk < 0.01"),
    C("09-diagonal", "09", "The largest value, 8 (= d/2), is on the diagonal", "checked",
      "PE(i)·PE(i) = 8 for d = 16 and every off-diagonal value is smaller"),
    C("09-no-position", "09", "*cat* puts 1.00 on the *the* before it", "checked",
      "with positions: 1.00; without: the largest weight of cat's row is on [CLS]"),
)


def by_lesson() -> dict[str, list[Claim]]:
    """The claims grouped by lesson code, every lesson present."""
    out: dict[str, list[Claim]] = {x.code: [] for x in LESSONS}
    for claim in CLAIMS:
        out[claim.lesson].append(claim)
    return out


def render() -> str:
    """docs/claims.md."""
    groups = by_lesson()
    lines = [
        "# The lessons' claims, and how each is checked",
        "",
        "Generated by `python -m tools.claims` from `tools/claims.py`; `tests/test_claims.py` "
        "finds every quote in its lesson and runs the check of every *checked* claim on the "
        "lesson's own data. *Measured* figures depend on the machine and are reported, never "
        "asserted.",
        "",
        "| lesson | claims | checked | measured | rewritten |",
        "| --- | --- | --- | --- | --- |",
    ]
    for lesson in LESSONS:
        items = groups[lesson.code]
        lines.append(f"| {lesson.heading} | {len(items)} | "
                     f"{sum(c.kind == 'checked' for c in items)} | "
                     f"{sum(c.kind == 'measured' for c in items)} | "
                     f"{sum(bool(c.rewritten) for c in items)} |")
    lines.append(f"| **all** | **{len(CLAIMS)}** | "
                 f"**{sum(c.kind == 'checked' for c in CLAIMS)}** | "
                 f"**{sum(c.kind == 'measured' for c in CLAIMS)}** | "
                 f"**{sum(bool(c.rewritten) for c in CLAIMS)}** |")
    for lesson in LESSONS:
        lines += ["", f"## {lesson.heading}", "", "| claim (quoted) | kind | how it is backed |",
                  "| --- | --- | --- |"]
        for c in groups[lesson.code]:
            how = c.how + (f" **Rewritten:** {c.rewritten}." if c.rewritten else "")
            quote, how = (t.replace("|", PIPE) for t in (c.quote, how))
            lines.append(f"| “{quote}” | {c.kind} | {how} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in args:
        if not PAGE.exists() or PAGE.read_text(encoding="utf-8") != text:
            print("docs/claims.md is out of date: run python -m tools.claims")
            return 1
        print("docs/claims.md is up to date")
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT).as_posix()} ({len(CLAIMS)} claims)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
