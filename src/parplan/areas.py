"""The eight reform areas of the PAR Index and the six contents of Resolution 76.

Local CCHC plans follow the eight areas of the provincial PAR Index (Chỉ số
CCHC, Bộ Nội vụ, since 2017): steering comes first and impact last. Resolution
76/NQ-CP (2021) names six reform contents, which are areas 2 to 7.
"""

from __future__ import annotations

import warnings
from enum import StrEnum

from parplan.errors import InvariantError
from parplan.locale import check_locale

__all__ = ["Nq76Area", "ReformArea"]


class ReformArea(StrEnum):
    """One of the eight reform areas (lĩnh vực CCHC), in official order.

    The value is a stable code used in files; ``number`` is the position 1-8 in
    the PAR Index. Plans number their sections in their own way (huyện Mang Yang
    2021, ``examples/mang-yang-2021.json``, puts steering last), so classify headings
    with :func:`parplan.text.match_area`, never by number.
    """

    CHI_DAO_DIEU_HANH = "chi_dao_dieu_hanh"
    THE_CHE = "the_che"
    THU_TUC_HANH_CHINH = "thu_tuc_hanh_chinh"
    TO_CHUC_BO_MAY = "to_chuc_bo_may"
    CONG_VU = "cong_vu"
    TAI_CHINH_CONG = "tai_chinh_cong"
    CHINH_QUYEN_SO = "chinh_quyen_so"
    TAC_DONG = "tac_dong"

    @property
    def number(self) -> int:
        """Position in the PAR Index, 1 to 8."""
        return _AREA_ORDER.index(self) + 1

    @property
    def code(self) -> str:
        """The stable code (same as the value)."""
        return self.value

    @property
    def title_vi(self) -> str:
        """Canonical Vietnamese title."""
        return _AREA_TITLES[self][0]

    @property
    def title_en(self) -> str:
        """English title."""
        return _AREA_TITLES[self][1]

    def label(self, locale: str) -> str:
        """The title in ``"vi"`` or ``"en"``."""
        return self.title_vi if check_locale(locale, "ReformArea.label.locale") == "vi" else self.title_en

    @property
    def nq76(self) -> Nq76Area | None:
        """The Resolution 76 content this area corresponds to (None for 1 and 8)."""
        for content in Nq76Area:
            if content.reform_area is self:
                return content
        return None

    @classmethod
    def from_number(cls, number: int) -> ReformArea:
        """The area at position ``number`` (1-8) of the PAR Index."""
        if not 1 <= number <= len(_AREA_ORDER):
            raise InvariantError("ReformArea.number", number, "must be between 1 and 8")
        return _AREA_ORDER[number - 1]

    @classmethod
    def match(cls, heading: str) -> ReformArea | None:
        """Deprecated: use :func:`parplan.text.match_area`, which reads headings the same way.

        Classifying headings is the text layer's work; the model does not
        import it. This wrapper will be removed in 0.3.
        """
        warnings.warn(
            "ReformArea.match moved to parplan.text.match_area; it will be removed in 0.3",
            DeprecationWarning,
            stacklevel=2,
        )
        from parplan.text.areas import match_area  # the text layer depends on the model, not the reverse

        return match_area(heading)


_AREA_ORDER: tuple[ReformArea, ...] = tuple(ReformArea)

_AREA_TITLES: dict[ReformArea, tuple[str, str]] = {
    ReformArea.CHI_DAO_DIEU_HANH: (
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        "Direction and steering of administrative reform",
    ),
    ReformArea.THE_CHE: ("Cải cách thể chế", "Institutional reform"),
    ReformArea.THU_TUC_HANH_CHINH: ("Cải cách thủ tục hành chính", "Administrative procedure reform"),
    ReformArea.TO_CHUC_BO_MAY: (
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        "Reform of the state administrative apparatus",
    ),
    ReformArea.CONG_VU: ("Cải cách chế độ công vụ", "Civil service reform"),
    ReformArea.TAI_CHINH_CONG: ("Cải cách tài chính công", "Public finance reform"),
    ReformArea.CHINH_QUYEN_SO: (
        "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
        "E-government and digital government",
    ),
    ReformArea.TAC_DONG: (
        "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội",
        "Impact of administrative reform on people, organisations and socio-economic development",
    ),
}


class Nq76Area(StrEnum):
    """One of the six reform contents of Resolution 76/NQ-CP (2021-2030)."""

    THE_CHE = "the_che"
    THU_TUC_HANH_CHINH = "thu_tuc_hanh_chinh"
    TO_CHUC_BO_MAY = "to_chuc_bo_may"
    CONG_VU = "cong_vu"
    TAI_CHINH_CONG = "tai_chinh_cong"
    CHINH_PHU_SO = "chinh_phu_so"

    @property
    def number(self) -> int:
        """Position in Resolution 76, 1 to 6."""
        return tuple(Nq76Area).index(self) + 1

    @property
    def reform_area(self) -> ReformArea:
        """The PAR Index area this content maps onto (areas 2-7)."""
        return _NQ76_TO_AREA[self]

    @property
    def title_vi(self) -> str:
        """Vietnamese title as in the resolution."""
        return _NQ76_TITLES[self][0]

    @property
    def title_en(self) -> str:
        """English title."""
        return _NQ76_TITLES[self][1]


_NQ76_TO_AREA: dict[Nq76Area, ReformArea] = {
    Nq76Area.THE_CHE: ReformArea.THE_CHE,
    Nq76Area.THU_TUC_HANH_CHINH: ReformArea.THU_TUC_HANH_CHINH,
    Nq76Area.TO_CHUC_BO_MAY: ReformArea.TO_CHUC_BO_MAY,
    Nq76Area.CONG_VU: ReformArea.CONG_VU,
    Nq76Area.TAI_CHINH_CONG: ReformArea.TAI_CHINH_CONG,
    Nq76Area.CHINH_PHU_SO: ReformArea.CHINH_QUYEN_SO,
}

_NQ76_TITLES: dict[Nq76Area, tuple[str, str]] = {
    Nq76Area.THE_CHE: ("Cải cách thể chế", "Institutional reform"),
    Nq76Area.THU_TUC_HANH_CHINH: ("Cải cách thủ tục hành chính", "Administrative procedure reform"),
    Nq76Area.TO_CHUC_BO_MAY: (
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        "Organisational reform of the state administrative apparatus",
    ),
    Nq76Area.CONG_VU: ("Cải cách chế độ công vụ", "Civil service reform"),
    Nq76Area.TAI_CHINH_CONG: ("Cải cách tài chính công", "Public finance reform"),
    Nq76Area.CHINH_PHU_SO: (
        "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
        "E-government and digital government development",
    ),
}
