"""The answer key as pages carry it (scoring.encode_key): unreadable at a glance, in any alphabet, and compressing
about as well as its JSON (base64, used before, did not)."""

from __future__ import annotations

import gzip
import json

from hypothesis import given
from hypothesis import strategies as st

from builder.source.scoring import decode_key, encode_key, obscure

TEXT = st.text(st.characters(exclude_categories=("Cs",)))
"""Any text a course can hold (no lone surrogates: YAML and UTF-8 have none)."""


@given(TEXT)
def test_obscuring_twice_gives_the_text_back_at_the_same_length(text):
    assert obscure(obscure(text)) == text
    assert len(obscure(text).encode("utf-8")) == len(text.encode("utf-8"))


@given(st.dictionaries(TEXT, st.one_of(TEXT, st.integers(), st.booleans(), st.lists(TEXT))))
def test_a_key_decodes_to_what_was_encoded(key):
    assert decode_key(encode_key(key)) == key


def test_no_word_of_the_key_can_be_found_in_the_encoded_key():
    key = {"correct": ["a1"], "explanation": "Zebras stripe", "el": "καλημέρα", "ru": "правильно", "ar": "صحيح"}
    encoded = encode_key(key)
    for word in ("correct", "explanation", "Zebras", "stripe", "καλημέρα", "правильно", "صحيح", "true"):
        assert word.lower() not in encoded.lower(), word
    assert "pbeerpg" in encoded  # ROT13: "correct"


def test_the_encoded_key_compresses_like_its_json():
    key = {f"q{n}": {"feedback": f"Right. Colleague number {n} relies on your work, so they are your customer."}
           for n in range(40)}  # fmt: skip
    plain = len(gzip.compress(json.dumps(key).encode(), 9))
    assert len(gzip.compress(encode_key(key).encode(), 9)) <= plain * 1.05
