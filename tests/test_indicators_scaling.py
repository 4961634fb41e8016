from parreform_nlp.components.indicators_context import _Coverage


def test_coverage_answers_like_a_scan():
    # _Coverage replaced a scan over every span per match (quadratic on long pages).
    spans = [(0, 10), (2, 4), (20, 30), (25, 26), (40, 41)]
    covered = _Coverage(spans)
    covered.add(50, 60)
    for pos in range(70):
        assert covered(pos) == any(a <= pos < b for a, b in spans + [(50, 60)]), pos
