"""python -m tools.gain on the simulated class of tests/concept_class.py (answers known).

Matched students s1–s4: pre 25 of 56 items right, post 46 of 56, so the class gain of
the averages is g = (46 − 25) / (56 − 25) = 21/31 ≈ 0.677. Individual gains: s1 7/7 = 1,
s2 7/10 = 0.7, s3 7/14 = 0.5, s4 at the ceiling (left out): average 2.2/3 ≈ 0.733.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lessons_lib.concept_check import build_form
from tests.concept_class import CLASS, response, write_class
from tools.gain import analyse, read_csv

ROOT = Path(__file__).resolve().parents[1]


def test_the_simulated_class_gives_the_known_gain_and_difficulties(tmp_path: Path) -> None:
    report = analyse(read_csv(write_class(tmp_path / "class.csv")))
    assert report.matched == ["s1", "s2", "s3", "s4"]
    assert report.class_gain == pytest.approx(21 / 31)
    assert report.mean_pre == pytest.approx(100 * 25 / 56)
    assert report.mean_post == pytest.approx(100 * 46 / 56)
    assert report.average_of_gains == pytest.approx((1 + 0.7 + 0.5) / 3)
    assert report.at_ceiling == 1
    pre = {s.number: s for s in report.items["A"]}
    post = {s.number: s for s in report.items["B"]}
    # difficulty = share right: pre over 5 students, post over 4
    assert pre[1].difficulty == pytest.approx(4 / 5)  # s1, s2, s4, s5
    assert pre[5].difficulty == pytest.approx(2 / 5)  # s1, s4
    assert pre[10].difficulty == pytest.approx(1 / 5)  # s4
    assert post[1].difficulty == 1
    assert post[10].difficulty == pytest.approx(3 / 4)  # s1, s2, s4
    assert post[12].difficulty == pytest.approx(2 / 4)  # s1, s4
    # distractors chosen, most chosen first (ties in the item's order, blanks last)
    assert pre[10].choices == [("forgot_sqrt_dk", 2), ("blank", 2)]
    assert pre[14].choices == [("blank", 3), ("mask_ignored", 1)]
    assert pre[1].choices == [("products_not_summed", 1)]
    assert pre[12].choices == [("blank", 3), ("softmax_no_exp", 1)]
    assert post[12].choices == [("softmax_pow2", 1), ("blank", 1)]
    assert post[13].choices == [("other wrong", 1), ("blank", 1)]
    assert post[14].choices == [("mask_wrong_side", 1), ("blank", 1)]
    # upper − lower 27 %: pre n = 5 → groups of round(1.35) = 1: s4 (14/14) vs s3 (0/14);
    # post n = 4 → 1 each: s1 (100, before s4 by name) vs s3 (7/14)
    assert pre[1].discrimination == 1 and pre[10].discrimination == 1
    assert post[1].discrimination == 0 and post[10].discrimination == 1
    assert post[8].discrimination == 1 and post[3].discrimination == 0


def test_gain_cli_writes_an_anonymous_report_and_a_figure(tmp_path: Path) -> None:
    data = write_class(tmp_path / "class.csv")
    out = tmp_path / "report"
    run = subprocess.run([sys.executable, "-m", "tools.gain", "--csv", str(data), "--out",
                          str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Class normalised gain ⟨g⟩ = 0.68" in run.stdout
    assert "Average of the individual gains: 0.73 (1 student(s)" in run.stdout
    assert "| 10 | an attention score q·k / √d_k | 20% | 75% |" in run.stdout
    for student in CLASS:  # names stay out by default
        assert student not in run.stdout
        assert student not in (out / "report.json").read_text()
    numbers = json.loads((out / "report.json").read_text())
    assert numbers["class_gain"] == pytest.approx(21 / 31)
    assert (out / "gain.png").read_bytes()[:4] == b"\x89PNG"
    named = subprocess.run([sys.executable, "-m", "tools.gain", "--csv", str(data), "--names"],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "| s2 | 29 | 79 | 0.70 |" in named.stdout


def test_a_perfect_class_pre_check_and_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "top.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "form", "item", "response"])
        for form in "AB":
            for item in build_form(form):
                writer.writerow(["x", form, item.key, response(form, item.number, "right")])
    report = analyse(read_csv(path))
    assert report.class_gain is None and report.average_of_gains is None
    run = subprocess.run([sys.executable, "-m", "tools.gain", "--csv", str(path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert "undefined" in run.stdout and "nan" not in run.stdout.lower()
    bad = tmp_path / "bad.csv"
    bad.write_text("name,score\nx,3\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "tools.gain", "--csv", str(bad)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "header student,form,item,response" in run.stderr
    typo = tmp_path / "typo.csv"
    typo.write_text("student,form,item,response\nx,A,dot,B\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 2: no concept-check item is called 'dot'"):
        read_csv(typo)
