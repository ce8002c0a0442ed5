import pytest

from tcdlcl_parse.models import CheckResult
from tcdlcl_parse.running.batch import check_batch

from .conftest import CORPORA

dask = pytest.importorskip("dask", reason="the [dask] extra is not installed")


def test_dask_bag_gives_the_same_results_as_the_local_batch(tmp_path):
    from tcdlcl_parse.running.distributed import check_bag

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    paths = sorted(p for p in (CORPORA / "synthetic").iterdir() if p.suffix == ".txt") + [broken]
    local = [r.model_dump(mode="json") for r in check_batch(paths, "cv3078", jobs=1)]
    distributed = check_bag(paths, "cv3078", partition_size=3).compute(scheduler="processes", num_workers=2)
    assert distributed == local
    assert CheckResult.model_validate(distributed[-1]).error.code == "corrupt"
