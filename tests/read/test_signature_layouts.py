"""Signature blocks as copies flatten them: one "|" cell run together, a lone post over a name."""

from __future__ import annotations

import pytest

from parplan import SigningCapacity
from parplan.read.layout import read_tail, signature_run
from parplan.read.lines import TextLine


def _lines(texts: list[str]) -> list[TextLine]:
    return [TextLine(text, number) for number, text in enumerate(texts, start=1)]


def test_a_block_run_together_in_one_cell_is_cut_at_capacities_post_and_name() -> None:
    tail, _ = read_tail(
        _lines(
            [
                "Nơi nhận: | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Ka Sô Liễng |",
                "- Sở Nội vụ; - Lưu: VT. | |",
            ]
        )
    )
    signature = tail.signature
    assert signature is not None
    assert [a.capacity for a in signature.authorities] == [SigningCapacity.TM, SigningCapacity.KT]
    assert [a.of for a in signature.authorities] == ["ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert signature.position == "PHÓ CHỦ TỊCH"
    assert signature.name == "Ka Sô Liễng"
    assert tail.recipients == ("Sở Nội vụ;", "Lưu: VT.")


def test_a_run_with_its_name_in_the_next_row() -> None:
    tail, _ = read_tail(_lines(["Nơi nhận: | KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC |", "- Như trên; - Lưu: VT. | Vũ Đình Nam |"]))
    assert tail.signature is not None
    assert tail.signature.position == "PHÓ GIÁM ĐỐC"
    assert tail.signature.name == "Vũ Đình Nam"


def test_a_capacity_line_alone_is_not_cut() -> None:
    assert signature_run("TM. ỦY BAN NHÂN DÂN") is None
    assert signature_run("KT. CHỦ TỊCH") is None


def test_a_sentence_is_no_signature_run() -> None:
    assert signature_run("Trên đây là Kế hoạch của UBND phường") is None
    assert signature_run("TM. Ban chỉ đạo đề nghị các đơn vị thực hiện") is None


def test_an_unknown_post_is_left_whole_rather_than_guessed() -> None:
    # no post the reader knows at the end: the capacity keeps its words, no position is made up
    assert signature_run("TM. HỘI ĐỒNG THI ĐUA KHEN THƯỞNG Trần Văn Bình") == [
        "TM. HỘI ĐỒNG THI ĐUA KHEN THƯỞNG",
        "Trần Văn Bình",
    ]


def _split(texts: list[str]) -> list[object]:
    from parplan.read.reader import _split_regions

    _, _, tails = _split_regions(_lines(texts), 0)
    return [tail for tail, _ in tails]


def test_a_lone_post_over_a_name_is_a_signature_with_a_doubt() -> None:
    from parplan.read.layout import LONE_POST_DOUBT, Tail

    tails = _split(["Các bộ phận thực hiện./.", "", "CHÁNH VĂN PHÒNG", "(Đã ký)", "", "Đinh Văn Toàn", "", "Nơi nhận:"])
    assert len(tails) == 1
    tail = tails[0]
    assert isinstance(tail, Tail)
    assert tail.signature is not None
    assert tail.signature.authorities == ()
    assert tail.signature.position == "CHÁNH VĂN PHÒNG"
    assert tail.signature.name == "Đinh Văn Toàn"
    assert LONE_POST_DOUBT in tail.doubts  # read from a lone post: not claimed as sure as a TM. block


def test_a_post_over_a_body_or_inside_a_sentence_is_no_signature() -> None:
    assert _split(["", "GIÁM ĐỐC", "Sở Tư pháp chủ trì thẩm định.", ""]) == []
    assert _split(["Báo cáo kết quả về", "HIỆU TRƯỞNG", "Nguyễn Văn Hải", ""]) == []
    assert _split(["", "Hiệu trưởng", "Nguyễn Văn Hải", ""]) == []  # a post in capitals only


def test_a_lone_principal_after_the_recipients_is_read_as_before() -> None:
    tail, _ = read_tail(_lines(["Nơi nhận:", "- Phòng GDĐT;", "- Lưu: VT.", "HIỆU TRƯỞNG", "", "Vi Thị Nga"]))
    assert tail.signature is not None
    assert tail.signature.position == "HIỆU TRƯỞNG"
    assert tail.signature.name == "Vi Thị Nga"
    assert not tail.doubts


@pytest.mark.parametrize(
    "name", ["H'Len Niê", "Ksor H'Bơ", "Y Moan Êban", "Rơ Mah H’Lim", "K' Bình Điểu", "K’ Văn Điệp"]
)
def test_a_signer_named_with_an_apostrophe(name: str) -> None:
    """Names of the Central Highlands keep an apostrophe inside ("H'Len"): the signer is read all the same."""
    tail, _ = read_tail(_lines(["Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", name]))
    assert tail.signature is not None
    assert tail.signature.name == name


@pytest.mark.parametrize(
    ("rows", "name"),
    [
        (
            ["- Lưu: VT, NV. | TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Trần Minh Đức |"],
            "Trần Minh Đức",
        ),
        (["- Lưu: VT. | TM. UBND XÃ", "CHỦ TỊCH", "Hoàng Thị Yến |"], "Hoàng Thị Yến"),
        (["- Lưu: VT. | KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký) |", "Lò Văn Sơn |"], "Lò Văn Sơn"),
    ],
)
def test_a_signer_in_a_row_closed_by_a_bar(rows: list[str], name: str) -> None:
    """A copy of a two-column tail as rows keeps the closing "|" after the signer's name: it is no part of it."""
    tail, _ = read_tail(_lines(["Nơi nhận:", "- Sở Nội vụ;", *rows]))
    assert tail.signature is not None
    assert tail.signature.name == name
