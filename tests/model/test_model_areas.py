"""The eight reform areas of the PAR Index and the six contents of Resolution 76."""

from __future__ import annotations

import ast
import inspect
import re
import unicodedata
from pathlib import Path

import pytest

from parplan import InvariantError, Nq76Area, ReformArea
from parplan.text import match_area

# number, code, Vietnamese title, English title (DOMAIN.md §1, canonical table)
AREAS = [
    (
        1,
        "chi_dao_dieu_hanh",
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        "Direction and steering of administrative reform",
    ),
    (2, "the_che", "Cải cách thể chế", "Institutional reform"),
    (3, "thu_tuc_hanh_chinh", "Cải cách thủ tục hành chính", "Administrative procedure reform"),
    (
        4,
        "to_chuc_bo_may",
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        "Reform of the state administrative apparatus",
    ),
    (5, "cong_vu", "Cải cách chế độ công vụ", "Civil service reform"),
    (6, "tai_chinh_cong", "Cải cách tài chính công", "Public finance reform"),
    (
        7,
        "chinh_quyen_so",
        "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
        "E-government and digital government",
    ),
    (
        8,
        "tac_dong",
        "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội",
        "Impact of administrative reform on people, organisations and socio-economic development",
    ),
]


def test_there_are_eight_areas_in_par_index_order() -> None:
    assert [area.number for area in ReformArea] == list(range(1, 9))
    assert [area.code for area in ReformArea] == [code for _, code, _, _ in AREAS]


@pytest.mark.parametrize(("number", "code", "title_vi", "title_en"), AREAS)
def test_area_numbers_codes_and_titles(number: int, code: str, title_vi: str, title_en: str) -> None:
    area = ReformArea(code)
    assert area.number == number
    assert area.code == code == area.value
    assert area.title_vi == title_vi
    assert area.title_en == title_en
    assert area.label("vi") == title_vi
    assert area.label("en") == title_en
    assert ReformArea.from_number(number) is area
    assert unicodedata.is_normalized("NFC", area.title_vi)


@pytest.mark.parametrize("number", [-1, 0, 9, 10])
def test_from_number_outside_one_to_eight_is_refused(number: int) -> None:
    with pytest.raises(InvariantError) as caught:
        ReformArea.from_number(number)
    assert str(caught.value) == f"ReformArea.number: must be between 1 and 8, got {number}"


@pytest.mark.parametrize("locale", ["fr", "vie", "zh_VN", ""])
def test_label_needs_vi_or_en(locale: str) -> None:
    with pytest.raises(InvariantError) as caught:
        ReformArea.THE_CHE.label(locale)
    assert str(caught.value) == (
        "ReformArea.label.locale: must be 'vi' or 'en' (or a region of them, such as 'vi_VN' or 'en_US'), "
        f"got {locale!r}"
    )


def test_match_is_deprecated_and_classifies_the_same() -> None:
    message = "ReformArea.match moved to parplan.text.match_area; it will be removed in 0.3"
    heading = "2. Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật"
    with pytest.warns(DeprecationWarning, match=re.escape(message)):
        assert ReformArea.match(heading) is match_area(heading) is ReformArea.THE_CHE
    with pytest.warns(DeprecationWarning, match="match_area"):
        assert ReformArea.match("I. MỤC ĐÍCH, YÊU CẦU") is None


def test_the_model_imports_the_text_layer_only_in_its_deprecated_wrapper() -> None:
    tree = ast.parse(Path(inspect.getfile(ReformArea)).read_text(encoding="utf-8"))
    text_imports = [
        node
        for node in ast.walk(tree)
        if (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("parplan.text"))
        or (isinstance(node, ast.Import) and any(alias.name.startswith("parplan.text") for alias in node.names))
    ]
    [wrapper] = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name == "match"]
    inside = set(ast.walk(wrapper))
    assert text_imports
    assert all(node in inside for node in text_imports)


# Resolution 76/NQ-CP: content number, code, PAR Index area it maps onto, Vietnamese title
NQ76 = [
    (1, "the_che", ReformArea.THE_CHE, "Cải cách thể chế"),
    (2, "thu_tuc_hanh_chinh", ReformArea.THU_TUC_HANH_CHINH, "Cải cách thủ tục hành chính"),
    (3, "to_chuc_bo_may", ReformArea.TO_CHUC_BO_MAY, "Cải cách tổ chức bộ máy hành chính nhà nước"),
    (4, "cong_vu", ReformArea.CONG_VU, "Cải cách chế độ công vụ"),
    (5, "tai_chinh_cong", ReformArea.TAI_CHINH_CONG, "Cải cách tài chính công"),
    (6, "chinh_phu_so", ReformArea.CHINH_QUYEN_SO, "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số"),
]


@pytest.mark.parametrize(("number", "code", "area", "title_vi"), NQ76)
def test_resolution_76_contents_map_onto_areas_two_to_seven(
    number: int, code: str, area: ReformArea, title_vi: str
) -> None:
    content = Nq76Area(code)
    assert content.number == number
    assert content.reform_area is area
    assert area.number == number + 1
    assert area.nq76 is content
    assert content.title_vi == title_vi
    assert content.title_en


@pytest.mark.parametrize("area", [ReformArea.CHI_DAO_DIEU_HANH, ReformArea.TAC_DONG])
def test_steering_and_impact_are_not_resolution_76_contents(area: ReformArea) -> None:
    assert area.nq76 is None


def test_the_mapping_is_one_to_one() -> None:
    mapped = [content.reform_area for content in Nq76Area]
    assert len(set(mapped)) == len(mapped) == 6
    assert [area for area in ReformArea if area.nq76 is not None] == mapped
