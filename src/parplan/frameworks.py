"""Bundled index frameworks: the 2017 provincial PAR Index, SIPAS and PAPI.

Only sourced figures are bundled. The 2017 provincial PAR Index (QĐ
2948/QĐ-BNV) lists the eight areas with their maximum points, criteria and
sub-criteria counts; the source states "38 tiêu chí" while its per-area counts
add up to 39, so the per-area counts are kept and the difference noted. SIPAS
and PAPI are survey indices: their dimensions are bundled without points.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

from parplan.areas import ReformArea
from parplan.errors import InvariantError
from parplan.indicators import FrameworkScope, IndexFramework, IndexNode, NodeKind

__all__ = ["FRAMEWORKS", "PAPI_2018", "PAR_INDEX_2017_PROVINCE", "SIPAS_2017", "SIPAS_2022", "framework"]


_PAR_2017_AREAS = (
    # code, name as in the source, area, max points, criteria, sub-criteria
    ("1", "Công tác chỉ đạo, điều hành CCHC", ReformArea.CHI_DAO_DIEU_HANH, "10.00", 6, 6),
    ("2", "Xây dựng và tổ chức thực hiện văn bản QPPL tại tỉnh", ReformArea.THE_CHE, "10.00", 4, 6),
    ("3", "Cải cách thủ tục hành chính", ReformArea.THU_TUC_HANH_CHINH, "14.50", 5, 16),
    ("4", "Cải cách tổ chức bộ máy hành chính", ReformArea.TO_CHUC_BO_MAY, "11.00", 4, 10),
    ("5", "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức", ReformArea.CONG_VU, "16.00", 9, 16),
    ("6", "Cải cách tài chính công", ReformArea.TAI_CHINH_CONG, "7.00", 3, 6),
    ("7", "Hiện đại hóa hành chính", ReformArea.CHINH_QUYEN_SO, "16.00", 5, 18),
    ("8", "Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH của tỉnh", ReformArea.TAC_DONG, "15.50", 3, 3),
)

PAR_INDEX_2017_PROVINCE = IndexFramework(
    code="par_index_2017_province",
    name="Chỉ số cải cách hành chính của UBND tỉnh, thành phố trực thuộc Trung ương",
    name_en="Provincial Public Administration Reform Index",
    scope=FrameworkScope.PROVINCE,
    legal_basis="2948/QĐ-BNV",
    first_year=2017,
    last_year=2021,
    total_points=Decimal("100.00"),
    nodes=tuple(
        IndexNode(
            code=code,
            name=name,
            name_en=area.title_en,
            area=area,
            max_points=Decimal(points),
            criteria_count=criteria,
            sub_criteria_count=sub_criteria,
        )
        for code, name, area, points, criteria, sub_criteria in _PAR_2017_AREAS
    ),
    notes="The source states 38 criteria and 81 sub-criteria; its per-area criteria counts add up to 39.",
)
"""The provincial PAR Index under QĐ 2948/QĐ-BNV (28/12/2017): eight areas, 100 points."""


def _dimension(code: str, name: str, name_en: str) -> IndexNode:
    return IndexNode(code=code, name=name, name_en=name_en)


SIPAS_2017 = IndexFramework(
    code="sipas_2017",
    name="Chỉ số hài lòng về sự phục vụ hành chính",
    name_en="Satisfaction Index of Public Administrative Services",
    scope=FrameworkScope.CITIZENS,
    legal_basis="2640/QĐ-BNV",
    first_year=2017,
    last_year=2020,
    nodes=(
        _dimension("1", "Tiếp cận dịch vụ", "Access to services"),
        _dimension("2", "Thủ tục hành chính", "Administrative procedures"),
        _dimension("3", "Công chức trực tiếp giải quyết công việc", "Civil servants handling the case"),
        _dimension("4", "Kết quả dịch vụ", "Service results"),
        _dimension(
            "5",
            "Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị",
            "Handling of comments, feedback and petitions",
        ),
    ),
)
"""SIPAS 2017-2020 (QĐ 2640/QĐ-BNV): five factors, each measured as perception, satisfaction and expectation."""

SIPAS_2022 = IndexFramework(
    code="sipas_2022",
    name="Chỉ số hài lòng về sự phục vụ hành chính",
    name_en="Satisfaction Index of Public Administrative Services",
    scope=FrameworkScope.CITIZENS,
    first_year=2022,
    last_year=2030,
    nodes=(
        IndexNode(
            code="1",
            name="Ban hành, tổ chức thực hiện chính sách",
            name_en="Making and implementing policy",
            children=(
                IndexNode(
                    code="1.1",
                    kind=NodeKind.CRITERION,
                    name="Trách nhiệm giải trình của cơ quan",
                    name_en="Accountability of the agency",
                ),
                IndexNode(
                    code="1.2",
                    kind=NodeKind.CRITERION,
                    name="Sự tham gia của người dân",
                    name_en="Participation of citizens",
                ),
                IndexNode(
                    code="1.3", kind=NodeKind.CRITERION, name="Chất lượng chính sách", name_en="Quality of policy"
                ),
                IndexNode(code="1.4", kind=NodeKind.CRITERION, name="Kết quả, tác động", name_en="Results and impact"),
            ),
        ),
        _dimension("2", "Cung ứng dịch vụ hành chính công", "Delivery of public administrative services"),
        _dimension("3", "Cung ứng dịch vụ công cơ bản, thiết yếu", "Delivery of basic, essential public services"),
    ),
    notes="The factors of aspects 2 and 3 after 2022 are not bundled: they could not be verified.",
)
"""SIPAS 2022-2030: three aspects; the four factors of the first are listed."""

PAPI_2018 = IndexFramework(
    code="papi_2018",
    name="Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
    name_en="Provincial Governance and Public Administration Performance Index",
    scope=FrameworkScope.CITIZENS,
    first_year=2018,
    nodes=(
        _dimension("1", "Tham gia của người dân ở cấp cơ sở", "Participation at Local Levels"),
        _dimension(
            "2", "Công khai, minh bạch trong việc ra quyết định ở địa phương", "Transparency in Local Decision-making"
        ),
        _dimension("3", "Trách nhiệm giải trình với người dân", "Vertical Accountability Towards Citizens"),
        _dimension("4", "Kiểm soát tham nhũng trong khu vực công", "Control of Corruption in the Public Sector"),
        _dimension("5", "Thủ tục hành chính công", "Public Administrative Procedures"),
        _dimension("6", "Cung ứng dịch vụ công", "Public Service Delivery"),
        _dimension("7", "Quản trị môi trường", "Environmental Governance"),
        _dimension("8", "Quản trị điện tử", "E-Governance"),
    ),
    notes="Each dimension is scored 1-10; 28 sub-dimensions and more than 120 indicators are not bundled.",
)
"""PAPI since 2018 (UNDP): eight dimensions."""

FRAMEWORKS: Mapping[str, IndexFramework] = MappingProxyType(
    {f.code: f for f in (PAR_INDEX_2017_PROVINCE, SIPAS_2017, SIPAS_2022, PAPI_2018)}
)
"""The bundled frameworks by code."""


def framework(code: str) -> IndexFramework:
    """The bundled framework with ``code`` (see :data:`FRAMEWORKS`)."""
    try:
        return FRAMEWORKS[code]
    except KeyError:
        raise InvariantError("framework", code, f"must be one of {sorted(FRAMEWORKS)}") from None
