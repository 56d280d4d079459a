"""B-cubed and pairwise scores of bench/resolution_quality.py on clusterings worked out by hand."""

from __future__ import annotations

import pytest

from bench.resolution_quality import bcubed, pairwise, same_partition


def m(i: int) -> tuple[str, str, str]:
    return (f"doc{i}", f"name{i}", "person")


def test_perfect_clustering_scores_one_whatever_the_labels() -> None:
    truth = {m(1): "A", m(2): "A", m(3): "B"}
    predicted = {m(1): "x", m(2): "x", m(3): "y"}
    assert bcubed(truth, predicted) == (1.0, 1.0)
    assert pairwise(truth, predicted) == (1.0, 1.0)
    assert same_partition(truth, predicted)


def test_a_split_costs_recall_only() -> None:
    # Entity A's three mentions on two nodes: recall per mention 2/3, 2/3, 1/3; B whole.
    truth = {m(1): "A", m(2): "A", m(3): "A", m(4): "B"}
    predicted = {m(1): "x", m(2): "x", m(3): "y", m(4): "z"}
    precision, recall = bcubed(truth, predicted)
    assert precision == 1.0
    assert recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert pairwise(truth, predicted) == (1.0, pytest.approx(1 / 3))
    assert not same_partition(truth, predicted)


def test_a_merge_costs_precision_only() -> None:
    # Homonyms A and B on one node: precision per mention 2/3, 2/3, 1/3.
    truth = {m(1): "A", m(2): "A", m(3): "B"}
    predicted = {m(1): "x", m(2): "x", m(3): "x"}
    precision, recall = bcubed(truth, predicted)
    assert recall == 1.0
    assert precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert pairwise(truth, predicted) == (pytest.approx(1 / 3), 1.0)


def test_mentions_without_a_prediction_are_left_out() -> None:
    truth = {m(1): "A", m(2): "A", m(3): "B"}
    predicted = {m(1): "x", m(2): "x"}
    assert bcubed(truth, predicted) == (1.0, 1.0)
    assert not same_partition(truth, predicted)
