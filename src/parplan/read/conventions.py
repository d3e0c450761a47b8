"""Conventions of real plans that give a task's lead and time in a sentence of their own, or in the passive.

Plans often write the task first and say who does it and when in a second sentence
("… . Giao Phòng Tư pháp chủ trì, phối hợp với … thực hiện trong quý I/2017."), or
put the doer at the end of the sentence, in the passive ("… do công chức Tư pháp -
Hộ tịch chủ trì thực hiện trong quý II năm 2015."). Each function here reads one
such convention and returns None when the text does not follow it, so that the
reader stays silent rather than guess.
"""

from __future__ import annotations

import re
from typing import Final

from parplan.read.accents import vi_compile
from parplan.read.parties import Assignment, parse_parties, subject_party
from parplan.text.normalize import fold

__all__ = ["given_sentence", "passive_doer"]

# a sentence giving a task: Giao, its lead, chủ trì and phối hợp với its partners, thực hiện and its time
_GIVEN: Final = vi_compile(
    r"^Giao\s+(?:cho\s+)?(?P<lead>[^;:]{2,100}?)"
    r"(?:\s+(?:chủ trì|tham mưu)(?:,?\s+phối hợp với\s+(?P<partners>[^;:]{2,120}?))?)?"
    r",?\s+thực hiện(?:\s+(?P<time>[^;:]{2,80}?))?\s*\.?\s*$"
)
# the passive closing a sentence: do, its doer, chủ trì and partners, thực hiện and its time
_PASSIVE: Final = vi_compile(
    r"\bdo\s+(?P<lead>[^;:.]{2,80}?)"
    r"(?:\s+chủ trì(?:,?\s+phối hợp với\s+(?P<partners>[^;:.]{2,120}?))?)?"
    r"\s+thực hiện(?:\s+(?P<time>[^;:]{2,80}?))?\s*\.?\s*$"
)


def _is_body(words: str) -> bool:
    """Whether ``words`` name a body or a post, by the words bodies and posts open with."""
    words = words.strip()
    if not words or " do " in f" {words} ":
        return False
    return subject_party(words[:1].upper() + words[1:] + " chủ trì") is not None


def given_sentence(sentence: str) -> Assignment | None:
    """The lead, partners and time of a "Giao … thực hiện …" sentence after a task, or None.

    >>> a = given_sentence("Giao Phòng Tư pháp chủ trì, phối hợp với Phòng Nội vụ thực hiện trong quý I/2017.")
    >>> [p.label for p in a.lead], [p.label for p in a.coordinating], a.time
    (['Phòng Tư pháp'], ['Phòng Nội vụ'], 'trong quý I/2017')
    >>> given_sentence("Giao Văn phòng UBND huyện thực hiện thường xuyên.").time
    'thường xuyên'
    >>> [p.label for p in given_sentence("Giao cho Phòng Nội vụ tham mưu, thực hiện trong quý II.").lead]
    ['Phòng Nội vụ']
    >>> given_sentence("Giao đất, cho thuê đất đúng quy định.") is None
    True
    """
    found = _GIVEN.match(sentence.strip())
    if found is None or not _is_body(found["lead"]):
        return None
    lead = parse_parties(found["lead"])
    if not lead:
        return None
    partners = parse_parties(found["partners"]) if found["partners"] else []
    time = found["time"].strip(" .") if found["time"] else None
    return Assignment(lead=lead, coordinating=partners, time=time or None)


def passive_doer(text: str) -> Assignment | None:
    """The doer (the body after the last "do") and the time of a task written in the passive, or None.

    The task's sentence stays whole: this only says who leads it and when.

    >>> a = passive_doer("Rà soát văn bản do HĐND ban hành do công chức Tư pháp - Hộ tịch thực hiện trong quý II.")
    >>> [p.label for p in a.lead], a.time
    (['công chức Tư pháp - Hộ tịch'], 'trong quý II')
    >>> passive_doer("Rà soát các văn bản quy phạm pháp luật do HĐND, UBND xã ban hành.") is None
    True
    """
    sentence = re.split(r"(?<=[.;])\s+", text.strip())[-1]
    found = None
    for found in _PASSIVE.finditer(sentence):  # noqa: B007 - the last "do" is the doer's
        pass
    if found is None:
        return None
    who = found["lead"]
    last_do = who.rfind(" do ")
    if last_do >= 0:
        who = who[last_do + 4 :]
    if not _is_body(who) or fold(who).startswith(("viec ", "nhiem vu")):
        return None
    lead = parse_parties(who)
    if not lead:
        return None
    partners = parse_parties(found["partners"]) if found["partners"] else []
    time = found["time"].strip(" .") if found["time"] else None
    return Assignment(lead=lead, coordinating=partners, time=time or None)
