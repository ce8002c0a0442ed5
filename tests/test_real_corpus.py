"""Issue 17's quality bar on corpora/real (truth written by reading each document)."""

from .real_figures import REAL, real_figures


def test_figures_on_real_documents(capsys):
    figures = real_figures()
    with capsys.disabled():
        print(f"\ncorpora/real:\n{figures}")
        print("\n".join(figures.misses))
    table = figures.table()
    assert figures.documents >= 28 and figures.expected >= 100
    assert table["citation precision"] >= 0.99 and table["citation recall"] >= 0.99, figures.misses
    assert table["dates"] >= 0.99, figures.misses
    assert table["document type"] >= 0.97, figures.misses
    assert table["issuer as written"] >= 0.95, figures.misses
    assert table["own symbol"] == 1.0, figures.misses


def test_stress_documents_are_reported_apart(capsys):
    figures = real_figures(REAL / "stress")
    with capsys.disabled():
        print(f"\ncorpora/real/stress (not held to the bar):\n{figures}")
    assert figures.documents >= 1
    assert figures.table()["own symbol"] == 1.0 and figures.precision == figures.recall == 1.0
