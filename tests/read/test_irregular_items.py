"""Items with the slips of real plans: one item without the time line its neighbours carry.

A plan whose items are followed by their field lines ("- Đơn vị chủ trì: …", "- Thời gian hoàn thành: …") may
leave one item without its time line and write the time in the item's sentence instead ("…, hoàn thành trước
ngày 30/9/2025."). The plan's convention is the field line, so that clause is part of the sentence: the title
is kept whole and the time is read from it as a time in a sentence (under 0.9). In a plan whose items all close
with such a clause over lines naming only their leads, the clause is every item's time slot and is cut off.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import parplan
from builders import tasks_as_read

HEAD = """UBND {parent_upper}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
{issuer_upper}\tĐộc lập - Tự do - Hạnh phúc
Số: {number}\t{place}, ngày 15 tháng 01 năm {year}

KẾ HOẠCH
Cải cách hành chính năm {year}

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Thực hiện đồng bộ các nhiệm vụ cải cách hành chính năm {year}.
II. NHIỆM VỤ TRỌNG TÂM
"""

PLACES = [
    {
        "parent_upper": "TỈNH NAM ĐỊNH",
        "issuer_upper": "UBND HUYỆN GIAO THỦY",
        "number": "12/KH-UBND",
        "place": "Giao Thủy",
        "year": 2025,
    },
    {
        "parent_upper": "TỈNH LẠNG SƠN",
        "issuer_upper": "SỞ XÂY DỰNG",
        "number": "08/KH-SXD",
        "place": "Lạng Sơn",
        "year": 2023,
    },
    {
        "parent_upper": "HUYỆN HẬU LỘC",
        "issuer_upper": "UBND XÃ HOA LỘC",
        "number": "03/KH-UBND",
        "place": "Hoa Lộc",
        "year": 2024,
    },
]

# (the lead's label, the time's label, the clause written in the sentence, the time read from it as a time in
# the sentence, and as the items' slot when every item closes so)
WORDINGS = [
    (
        "- Đơn vị chủ trì:",
        "- Thời gian hoàn thành:",
        ", hoàn thành trước ngày 30/9/{year}",
        "hoàn thành trước ngày 30/9/{year}",
        "trước ngày 30/9/{year}",
    ),
    (
        "- Cơ quan chủ trì:",
        "- Thời gian:",
        ", thực hiện trong quý III/{year}",
        "trong quý III/{year}",
        "trong quý III/{year}",
    ),
    ("Chủ trì:", "Thời hạn:", ", triển khai từ tháng 5/{year}", "triển khai từ tháng 5/{year}", "từ tháng 5/{year}"),
]


def _mixed(lead_label: str, time_label: str, clause: str) -> str:
    return f"""1. Cải cách thể chế
1.1. Rà soát văn bản quy phạm pháp luật do cơ quan ban hành.
{lead_label} Phòng Tư pháp.
{time_label} Quý II/{{year}}.
1.2. Kiểm tra việc thi hành pháp luật về xử lý vi phạm hành chính{clause}.
{lead_label} Thanh tra.
2. Cải cách thủ tục hành chính
2.1. Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.
{lead_label} Văn phòng.
{time_label} Thường xuyên.
"""


@pytest.mark.parametrize("place", PLACES, ids=lambda place: place["place"])
@pytest.mark.parametrize(("lead_label", "time_label", "clause", "time"), [w[:4] for w in WORDINGS])
def test_a_time_only_in_one_items_sentence_stays_in_its_title(
    place: dict[str, object], lead_label: str, time_label: str, clause: str, time: str
) -> None:
    year = place["year"]
    text = HEAD.format(**place) + _mixed(lead_label, time_label, clause).format(year=year)
    reading = parplan.read_text(text, name="ke-hoach.txt")
    plan = reading.plan
    assert plan is not None
    read = tasks_as_read(plan)
    sentence = f"Kiểm tra việc thi hành pháp luật về xử lý vi phạm hành chính{clause.format(year=year)}."
    assert read[1] == (sentence, "Thanh tra", time.format(year=year))
    # the others keep their own field lines
    assert read[0] == ("Rà soát văn bản quy phạm pháp luật do cơ quan ban hành.", "Phòng Tư pháp", f"Quý II/{year}")
    assert read[2][2] == "Thường xuyên"
    # a time read inside a sentence: its bounds are a guess, never read as sure
    source = next(s for s in plan.sources if s.path == "$.tasks[1].timeframe")
    assert source.confidence is not None
    assert source.confidence < Decimal("0.9")


@pytest.mark.parametrize("place", PLACES, ids=lambda place: place["place"])
@pytest.mark.parametrize(("lead_label", "clause", "time"), [(w[0], w[2], w[4]) for w in WORDINGS])
def test_when_every_item_closes_with_its_time_the_clause_is_the_time(
    place: dict[str, object], lead_label: str, clause: str, time: str
) -> None:
    year = place["year"]
    items = f"""1. Cải cách thể chế
1.1. Rà soát văn bản quy phạm pháp luật do cơ quan ban hành, hoàn thành trong quý II/{year}.
{lead_label} Phòng Tư pháp.
1.2. Kiểm tra việc thi hành pháp luật về xử lý vi phạm hành chính{clause.format(year=year)}.
{lead_label} Thanh tra.
2. Cải cách thủ tục hành chính
2.1. Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa, thực hiện trong tháng 10/{year}.
{lead_label} Văn phòng.
"""
    plan = parplan.read_text(HEAD.format(**place) + items, name="ke-hoach.txt").plan
    assert plan is not None
    titles = [title for title, _, _ in tasks_as_read(plan)]
    assert titles == [
        "Rà soát văn bản quy phạm pháp luật do cơ quan ban hành",
        "Kiểm tra việc thi hành pháp luật về xử lý vi phạm hành chính",
        "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa",
    ]
    # the clause's time, as the same phrase reads as a field's value
    assert tasks_as_read(plan)[1][2] == time.format(year=year)


@pytest.mark.parametrize("place", PLACES, ids=lambda place: place["place"])
def test_one_time_line_among_closing_clauses_leaves_the_clauses_the_time(place: dict[str, object]) -> None:
    year = place["year"]
    items = f"""1. Cải cách thể chế
1.1. Rà soát văn bản quy phạm pháp luật do cơ quan ban hành, hoàn thành trong quý II/{year}.
Cơ quan chủ trì: Phòng Tư pháp.
1.2. Kiểm tra việc thi hành pháp luật về xử lý vi phạm hành chính.
Cơ quan chủ trì: Thanh tra; thời gian: quý III/{year}.
2. Cải cách thủ tục hành chính
2.1. Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa, thực hiện trong tháng 10/{year}.
Cơ quan chủ trì: Văn phòng.
2.2. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, hoàn thành trước ngày 30/11/{year}.
Cơ quan chủ trì: Văn phòng; cơ quan phối hợp: các phòng chuyên môn.
"""
    plan = parplan.read_text(HEAD.format(**place) + items, name="ke-hoach.txt").plan
    assert plan is not None
    assert tasks_as_read(plan) == [
        ("Rà soát văn bản quy phạm pháp luật do cơ quan ban hành", "Phòng Tư pháp", f"trong quý II/{year}"),
        ("Kiểm tra việc thi hành pháp luật về xử lý vi phạm hành chính.", "Thanh tra", f"quý III/{year}"),
        ("Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa", "Văn phòng", f"trong tháng 10/{year}"),
        ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Văn phòng", f"trước ngày 30/11/{year}"),
    ]
