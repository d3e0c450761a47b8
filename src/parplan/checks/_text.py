"""Text helpers shared by the rules: party names and titles compared the tolerant way."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

from parplan.text.normalize import fold

__all__ = ["content_words", "loose_key", "number_value", "party_match_key", "syllable_pairs"]

_PUNCTUATION = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")

ABBREVIATIONS: dict[str, str] = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "ubmttq": "uy ban mat tran to quoc",
    "ubmt": "uy ban mat tran",
    "mttq": "mat tran to quoc",
    "vp": "van phong",
    "cbcc": "can bo cong chuc",
    "cbccvc": "can bo cong chuc vien chuc",
    "cntt": "cong nghe thong tin",
    "tthc": "thu tuc hanh chinh",
    "cchc": "cai cach hanh chinh",
    "nv": "noi vu",
    "tp": "tu phap",
    "vh": "van hoa",
}
"""Abbreviations written out before party names are compared (folded forms).

"UBND xã" and "Ủy ban nhân dân xã" name the same body; so do "Văn phòng
HĐND - UBND" and "VP HĐND – UBND". Only abbreviations with one meaning in
party names are listed.
"""


@lru_cache(maxsize=4096)
def party_match_key(name: str) -> str:
    """The identity of a party name for near-duplicate detection.

    Diacritics and case folded, punctuation (hyphens, dashes, commas) dropped,
    spaces collapsed and the abbreviations of :data:`ABBREVIATIONS` written
    out: "UBND xã", "Ủy ban nhân dân xã" and "uy ban nhan dan xa" compare equal.
    """
    words = _PUNCTUATION.sub(" ", fold(name)).split()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


STOP_WORDS = frozenset(
    {
        *("va", "cac", "cua", "trong", "theo", "de", "voi", "cho", "tren", "duoc", "co", "ve", "tai"),
        *("nhung", "mot", "so", "cong", "tac", "thuc", "hien", "nam", "xa", "huyen", "tinh", "ubnd"),
        *("uy", "ban", "nhan", "dan", "viec", "nham", "gan", "doi", "dam", "bao", "tiep", "tuc"),
        *("to", "chuc", "trien", "khai"),
    }
)
"""Folded syllables too common in plan titles to tell tasks apart."""


def content_words(text: str) -> tuple[str, ...]:
    """The folded syllables of ``text`` without punctuation and :data:`STOP_WORDS`, in order."""
    words = _PUNCTUATION.sub(" ", fold(text)).split()
    return tuple(word for word in words if word not in STOP_WORDS)


def syllable_pairs(text: str) -> frozenset[str]:
    """Adjacent pairs of content syllables: Vietnamese words are mostly two syllables long.

    A title of one content syllable gives that syllable alone.
    """
    words = content_words(text)
    if len(words) == 1:
        return frozenset(words)
    return frozenset(f"{a} {b}" for a, b in pairwise(words))


_ALNUM_LOWER = bytes(
    byte + 32 if 65 <= byte <= 90 else byte if 97 <= byte <= 122 or 48 <= byte <= 57 else 32 for byte in range(256)
)
"""Bytes that keep ASCII letters (lower-cased) and digits and turn everything else into a space."""


def loose_key(text: str) -> str:
    """``text`` reduced to ASCII letters and digits, lower case, single spaces: a fast comparison key.

    Diacritics are removed by decomposing (NFD) and keeping ASCII only, so
    "Xây dựng Kế hoạch" and "XAY DUNG KE HOACH" give the same key; punctuation
    and other non-ASCII characters become spaces. Much faster than
    :func:`parplan.text.normalize.fold` on long texts, for keys only.
    """
    raw = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")).encode("ascii", "ignore")
    return b" ".join(raw.translate(_ALNUM_LOWER).split()).decode("ascii")


def number_value(number: str) -> str:
    """A document number without leading zeros: "06" and "6" are the same number."""
    stripped = number.lstrip("0")
    return stripped or "0"
