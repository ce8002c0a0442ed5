"""Q: what the result sections say — work done and figures, not only intentions."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from ...models import Claim, Section
from ..profile import EvidenceSpec
from . import Context, Hit, hit, rule
from .sections import COMPLETE


@rule(
    "Q001",
    "warning",
    needs="profile",
    example=COMPLETE.replace(
        "Đã phối hợp kiểm tra 12 cơ sở kinh doanh xăng dầu.",
        "Công tác kiểm tra cần được quan tâm hơn trong thời gian tới.",
    ),
    counter_example=COMPLETE,
)
def result_evidence(context: Context) -> Iterator[Hit]:
    """Sections that report results must say what was done. The profile states, per section,
    how many claims of which status (done, ongoing …) and whether with a quantity it expects;
    for `cv3078`, part II as a whole needs at least one done claim with a figure, and each of
    II.1–II.4 at least one claim of work done or under way."""
    claims = context.parsed.claims
    for spec_id, match in context.matches.items():
        evidence = match.spec.evidence
        if evidence is None or match.merged_with:
            continue
        node = match.node
        if _evidence_count(claims, node, evidence) < evidence.min_claims:
            yield hit(node, section=spec_id, id=spec_id, heading=node.title)


def _evidence_count(claims: list[Claim], node: Section, evidence: EvidenceSpec) -> int:
    # Claims come in text order: the node's are one slice of them.
    first = bisect_left(claims, node.start, key=lambda claim: claim.start)
    last = bisect_left(claims, node.subtree_end(), lo=first, key=lambda claim: claim.start)
    return sum(
        1
        for claim in claims[first:last]
        if claim.status in evidence.status and (claim.quantities or not evidence.with_quantity)
    )
