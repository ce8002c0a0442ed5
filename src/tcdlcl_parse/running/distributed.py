"""Run the per-file check on Dask for national-scale batches (optional extra:
``pip install tcdlcl-parse[dask]``).

The same function the local batch uses, :func:`tcdlcl_parse.running.batch.check_one`, is mapped
over a ``dask.bag`` of paths, so a cluster (or the local scheduler) produces exactly the results
``tcdlcl check`` would. Results come back as JSON-ready dicts to keep what travels between
workers small and version-independent.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..checking.profile import Profile, load_profile
from .batch import check_one
from .options import CheckOptions


def _check_to_dict(path: str, profile: Profile, options: CheckOptions) -> dict[str, Any]:
    return check_one(path, profile, options).model_dump(mode="json")


def check_bag(
    paths: Iterable[str | Path],
    profile: Profile | str | Path = "cv3078",
    options: CheckOptions | None = None,
    *,
    partition_size: int = 20,
) -> Any:
    """A ``dask.bag.Bag`` of result dicts (``CheckResult.model_validate`` turns one back)."""
    import dask.bag as db

    files = [str(p) for p in paths]
    bag = db.from_sequence(files, partition_size=partition_size)  # type: ignore[no-untyped-call]
    return bag.map(_check_to_dict, load_profile(profile), options or CheckOptions())
