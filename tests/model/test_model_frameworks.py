"""The bundled index frameworks and their point sums (DOMAIN.md §2.3 and §4)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import attrs
import pytest

from parplan import (
    FRAMEWORKS,
    PAPI_2018,
    PAR_INDEX_2017_PROVINCE,
    SIPAS_2017,
    SIPAS_2022,
    FrameworkScope,
    IndexFramework,
    InvariantError,
    NodeKind,
    ReformArea,
)
from parplan.frameworks import framework

# QĐ 2948/QĐ-BNV (2017), provincial index: area, maximum points, criteria, sub-criteria
PAR_2017 = [
    (ReformArea.CHI_DAO_DIEU_HANH, "10.00", 6, 6),
    (ReformArea.THE_CHE, "10.00", 4, 6),
    (ReformArea.THU_TUC_HANH_CHINH, "14.50", 5, 16),
    (ReformArea.TO_CHUC_BO_MAY, "11.00", 4, 10),
    (ReformArea.CONG_VU, "16.00", 9, 16),
    (ReformArea.TAI_CHINH_CONG, "7.00", 3, 6),
    (ReformArea.CHINH_QUYEN_SO, "16.00", 5, 18),
    (ReformArea.TAC_DONG, "15.50", 3, 3),
]


def test_par_index_2017_areas_points_and_counts() -> None:
    rows = [(n.area, n.max_points, n.criteria_count, n.sub_criteria_count) for n in PAR_INDEX_2017_PROVINCE.nodes]
    assert rows == [(area, Decimal(points), tc, tctp) for area, points, tc, tctp in PAR_2017]
    assert [n.code for n in PAR_INDEX_2017_PROVINCE.nodes] == [str(i) for i in range(1, 9)]
    assert all(n.kind is NodeKind.AREA for n in PAR_INDEX_2017_PROVINCE.nodes)


def test_par_index_2017_area_maxima_sum_to_100() -> None:
    points = [n.max_points for n in PAR_INDEX_2017_PROVINCE.nodes]
    assert sum((p for p in points if p is not None), Decimal(0)) == Decimal(100)
    assert PAR_INDEX_2017_PROVINCE.total_points == Decimal("100.00")


def test_par_index_2017_counts_and_the_noted_mismatch() -> None:
    # the source states 38 criteria and 81 sub-criteria; its per-area criteria add up to 39
    nodes = PAR_INDEX_2017_PROVINCE.nodes
    assert sum(n.criteria_count or 0 for n in nodes) == 39
    assert sum(n.sub_criteria_count or 0 for n in nodes) == 81
    assert PAR_INDEX_2017_PROVINCE.notes is not None
    assert "38" in PAR_INDEX_2017_PROVINCE.notes
    assert "39" in PAR_INDEX_2017_PROVINCE.notes


def test_par_index_2017_metadata() -> None:
    index = PAR_INDEX_2017_PROVINCE
    assert (index.code, index.scope, index.legal_basis) == (
        "par_index_2017_province",
        FrameworkScope.PROVINCE,
        "2948/QĐ-BNV",
    )
    assert (index.first_year, index.last_year) == (2017, 2021)
    for area, *_ in PAR_2017:
        found = index.for_area(area)
        assert found is not None
        assert found.name_en == area.title_en


@pytest.mark.parametrize(
    ("index", "names"),
    [
        (
            SIPAS_2017,
            [
                "Tiếp cận dịch vụ",
                "Thủ tục hành chính",
                "Công chức trực tiếp giải quyết công việc",
                "Kết quả dịch vụ",
                "Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị",
            ],
        ),
        (
            SIPAS_2022,
            [
                "Ban hành, tổ chức thực hiện chính sách",
                "Cung ứng dịch vụ hành chính công",
                "Cung ứng dịch vụ công cơ bản, thiết yếu",
            ],
        ),
        (
            PAPI_2018,
            [
                "Tham gia của người dân ở cấp cơ sở",
                "Công khai, minh bạch trong việc ra quyết định ở địa phương",
                "Trách nhiệm giải trình với người dân",
                "Kiểm soát tham nhũng trong khu vực công",
                "Thủ tục hành chính công",
                "Cung ứng dịch vụ công",
                "Quản trị môi trường",
                "Quản trị điện tử",
            ],
        ),
    ],
)
def test_survey_indices_and_their_dimensions(index: IndexFramework, names: list[str]) -> None:
    assert index.scope is FrameworkScope.CITIZENS
    assert [n.name for n in index.nodes] == names
    assert all(n.max_points is None for n in index.walk())


def test_sipas_2022_first_aspect_has_four_factors() -> None:
    first = SIPAS_2022.nodes[0]
    assert [c.name for c in first.children] == [
        "Trách nhiệm giải trình của cơ quan",
        "Sự tham gia của người dân",
        "Chất lượng chính sách",
        "Kết quả, tác động",
    ]
    assert all(c.kind is NodeKind.CRITERION for c in first.children)


def test_framework_registry() -> None:
    assert dict(FRAMEWORKS) == {
        "par_index_2017_province": PAR_INDEX_2017_PROVINCE,
        "sipas_2017": SIPAS_2017,
        "sipas_2022": SIPAS_2022,
        "papi_2018": PAPI_2018,
    }
    assert framework("sipas_2022") is SIPAS_2022
    with pytest.raises(TypeError):
        FRAMEWORKS["x"] = SIPAS_2017  # type: ignore[index]


def test_unknown_framework() -> None:
    with pytest.raises(InvariantError) as caught:
        framework("par_index_2030")
    assert str(caught.value) == (
        "framework: must be one of ['papi_2018', 'par_index_2017_province', 'sipas_2017', 'sipas_2022'], "
        "got 'par_index_2030'"
    )


def test_bundled_frameworks_obey_the_point_sums() -> None:
    with pytest.raises(InvariantError) as caught:
        attrs.evolve(PAR_INDEX_2017_PROVINCE, total_points=Decimal("99.50"))
    assert str(caught.value) == "IndexFramework.nodes: maximum points must sum to 99.50, got '100.00'"
    shifted = (
        attrs.evolve(PAR_INDEX_2017_PROVINCE.nodes[0], max_points=Decimal("10.50")),
        *PAR_INDEX_2017_PROVINCE.nodes[1:],
    )
    with pytest.raises(InvariantError):
        attrs.evolve(PAR_INDEX_2017_PROVINCE, nodes=shifted)
    moved = (
        attrs.evolve(PAR_INDEX_2017_PROVINCE.nodes[0], max_points=Decimal("10.50")),
        *PAR_INDEX_2017_PROVINCE.nodes[1:6],
        attrs.evolve(PAR_INDEX_2017_PROVINCE.nodes[6], max_points=Decimal("15.50")),
        PAR_INDEX_2017_PROVINCE.nodes[7],
    )
    assert attrs.evolve(PAR_INDEX_2017_PROVINCE, nodes=moved).total_points == Decimal(100)


def test_bundled_nodes_are_nfc_and_unique() -> None:
    for index in FRAMEWORKS.values():
        codes = [n.code for n in index.walk()]
        assert len(codes) == len(set(codes))
        assert all(unicodedata.is_normalized("NFC", n.name) for n in index.walk())
