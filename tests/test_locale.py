"""One locale argument everywhere: "vi", "en", a tag with a region or a babel Locale; anything else refused."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import babel
import pytest

import parplan
from parplan.errors import InvariantError
from parplan.locale import LOCALES, check_locale

ACCEPTED = [
    ("vi", "vi"),
    ("en", "en"),
    ("vi_VN", "vi"),
    ("vi-VN", "vi"),
    ("en_US", "en"),
    ("en-GB", "en"),
    ("VI", "vi"),
    ("EN_us", "en"),
    (babel.Locale.parse("vi_VN"), "vi"),
    (babel.Locale("en"), "en"),
]
REFUSED = ["", "fr", "vie", "zh_VN", "vi_", "v", "en US", None, 1, ["vi"], babel.Locale("fr")]

USES: dict[str, Callable[[object], object]] = {
    "ReformArea.label": parplan.ReformArea.THE_CHE.label,  # type: ignore[dict-item]
    "ReportingPeriod.label": lambda loc: parplan.ReportingPeriod.quarter(2022, 1).label(loc),  # type: ignore[arg-type]
    "format_number": lambda loc: parplan.format_number(Decimal("90.73"), locale=loc),  # type: ignore[arg-type]
    "format_date": lambda loc: parplan.format_date(date(2022, 1, 8), locale=loc),  # type: ignore[arg-type]
    "parse_number": lambda loc: parplan.parse_number("90,73", locale=loc),  # type: ignore[arg-type]
    "WorkCalendar.holidays": lambda loc: parplan.WorkCalendar().holidays(2024, loc),  # type: ignore[arg-type]
    "Severity.label": parplan.Severity.ERROR.label,  # type: ignore[dict-item]
}


@pytest.mark.parametrize(("given", "language"), ACCEPTED, ids=str)
def test_accepted_forms_give_the_language(given: object, language: str) -> None:
    assert check_locale(given) == language


@pytest.mark.parametrize("given", REFUSED, ids=repr)
def test_other_forms_are_refused_with_the_argument_named(given: object) -> None:
    with pytest.raises(InvariantError, match="must be 'vi' or 'en'") as caught:
        check_locale(given, "render.locale")
    assert caught.value.field == "render.locale"
    assert caught.value.value == given


@pytest.mark.parametrize("use", USES.values(), ids=USES.keys())
@pytest.mark.parametrize(("given", "language"), ACCEPTED, ids=str)
def test_every_locale_argument_reads_the_same_forms(
    use: Callable[[object], object], given: object, language: str
) -> None:
    assert use(given) == use(language)


@pytest.mark.parametrize("use", USES.values(), ids=USES.keys())
@pytest.mark.parametrize("given", ["fr", "vie", None], ids=repr)
def test_every_locale_argument_refuses_the_same_forms(use: Callable[[object], object], given: object) -> None:
    with pytest.raises(InvariantError, match="must be 'vi' or 'en'"):
        use(given)


def test_the_languages_vietnamese_first() -> None:
    assert LOCALES == ("vi", "en")
