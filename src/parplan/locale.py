"""The languages parplan writes in, and the one place that reads a locale argument.

parplan speaks Vietnamese (``"vi"``) and English (``"en"``). Every public
function that takes a ``locale`` accepts the language code, a code with a
region (``"vi_VN"``, ``"en_US"``, ``"en-GB"``) or a :class:`babel.core.Locale`,
and refuses anything else with an :class:`~parplan.errors.InvariantError` that
names the argument. Nothing reads the environment's locale.

>>> check_locale("vi_VN")
'vi'
>>> check_locale("fr")
Traceback (most recent call last):
...
parplan.errors.InvariantError: locale: must be 'vi' or 'en' (or a region of them, such as 'vi_VN' or 'en_US'), got 'fr'
"""

from __future__ import annotations

import re
from typing import Literal, TypeAlias

from parplan.errors import InvariantError

__all__ = ["DEFAULT_LOCALE", "LOCALES", "Locale", "check_locale"]

Locale: TypeAlias = Literal["vi", "en"]
"""A language parplan writes: Vietnamese or English."""

LOCALES: tuple[Locale, ...] = ("vi", "en")
"""Every language parplan writes, Vietnamese first."""

DEFAULT_LOCALE: Locale = "vi"
"""The language of messages when none is given: plans, their readers and their checks are Vietnamese."""

_LANGUAGES: dict[str, Locale] = {"vi": "vi", "en": "en"}
_TAG = re.compile(r"(vi|en)(?:[_-][A-Za-z0-9]{2,8})*\Z", re.ASCII | re.IGNORECASE)


def check_locale(locale: object, where: str = "locale") -> Locale:
    """The language of ``locale`` as ``"vi"`` or ``"en"``; :class:`InvariantError` naming ``where`` otherwise.

    Accepts ``"vi"``, ``"en"``, a tag with a region (``"vi_VN"``, ``"en-US"``, any case)
    and a babel ``Locale`` of either language.
    """
    if isinstance(locale, str):
        if locale in _LANGUAGES:  # the common case, first
            return _LANGUAGES[locale]
        found = _TAG.match(locale)
        if found is not None:
            return _LANGUAGES[found[1].lower()]
    elif type(locale).__module__.startswith("babel"):  # a babel Locale, read without importing babel
        language = getattr(locale, "language", None)
        if isinstance(language, str) and language in _LANGUAGES:
            return _LANGUAGES[language]
    raise InvariantError(where, locale, "must be 'vi' or 'en' (or a region of them, such as 'vi_VN' or 'en_US')")
