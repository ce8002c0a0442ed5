"""The library inside other NLP tools: a spaCy pipeline component (``nlp.add_pipe("tcdlcl")``).

Sits at the top of the layers, beside ``output``: it reads, parses and checks a Doc's text.
Needs the optional extra ``tcdlcl-parse[spacy]``.
"""
