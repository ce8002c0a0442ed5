"""Status cue matching: our one-pass regular expression against spaCy's PhraseMatcher.

    python benchmarks/bench_claims_spacy.py

Both find the cue phrases of data/claims-*.txt (whole words, longest first) in the 502
hand-labelled sentences of corpora/claims/sentences.jsonl, repeated 20 times. spaCy runs on a
blank Vietnamese pipeline with the rule tokenizer (no pyvi), the PhraseMatcher on LOWER, and
spacy.util.filter_spans for longest-first; its time includes making the Doc, which a matcher
needs. Prints the time of each, and how many sentences get other phrases.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from tcdlcl_parse.normalize import lower_same_length
from tcdlcl_parse.parsing.claims import _CUE_FILES, _find_cues
from tcdlcl_parse.vocabulary import word_list

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 20


def main() -> None:
    rows = (ROOT / "corpora/claims/sentences.jsonl").read_text("utf-8").splitlines()
    sentences = [lower_same_length(json.loads(row)["text"]) for row in rows] * ROUNDS
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    phrases = sorted({p for _, name in _CUE_FILES for p in word_list(name)} | {"được", "bị"})
    matcher.add("CUE", [nlp.make_doc(phrase) for phrase in phrases])

    start = time.perf_counter()
    ours = [[(c.start, c.end) for c in _find_cues(s)] for s in sentences]
    ours_s = time.perf_counter() - start

    start = time.perf_counter()
    docs = [nlp.make_doc(s) for s in sentences]
    tokenize_s = time.perf_counter() - start
    start = time.perf_counter()
    theirs = [
        [(span.start_char, span.end_char) for span in filter_spans(matcher(doc, as_spans=True))]
        for doc in docs
    ]
    match_s = time.perf_counter() - start

    # Our list leaves out "được"/"bị" and nominal words as cues of their own: compare on spans
    # both keep.
    differ = sum(1 for a, b in zip(ours, theirs) if not set(a) <= set(b))
    count = len(sentences)
    print(f"{count} sentences")
    print(f"regex (ours):       {1e6 * ours_s / count:7.1f} µs/sentence")
    print(f"spaCy make_doc:     {1e6 * tokenize_s / count:7.1f} µs/sentence")
    print(f"spaCy PhraseMatcher:{1e6 * match_s / count:7.1f} µs/sentence (+ filter_spans)")
    print(
        f"spaCy total:        {1e6 * (tokenize_s + match_s) / count:7.1f} µs/sentence "
        f"({(tokenize_s + match_s) / ours_s:.1f}× ours)"
    )
    print(f"sentences where a cue of ours is not among spaCy's spans: {differ // ROUNDS}")


if __name__ == "__main__":
    main()
