"""The Vietnamese and English words of rendered plans: one catalogue, two languages.

Every fixed phrase a rendered plan or a formatted value uses lives here, keyed
by a dotted name, with its Vietnamese and its English wording side by side so
that the two cannot drift apart. Placeholders use :meth:`str.format` syntax and
each language of an entry names the same placeholders (a test checks it).
Plan text (titles, outputs, names of bodies) is never translated: it is data.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from parplan.locale import LOCALES, Locale, check_locale

__all__ = ["CATALOGUE", "LOCALES", "Locale", "check_locale", "message"]

_ENTRIES: dict[str, tuple[str, str]] = {
    # Masthead (Decree 30/2020/NĐ-CP: quốc hiệu, tiêu ngữ, số và ký hiệu, địa danh và thời gian)
    "doc.country": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "doc.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "doc.number": ("Số: {symbol}", "No.: {symbol}"),
    "doc.place_date": ("{place}, {date}", "{place}, {date}"),
    "doc.undated": ("ngày {blank} tháng {blank} năm {blank}", "date not filled in"),
    "doc.committee": ("UBND {unit}", "{unit} People's Committee"),
    "doc.committee_of": ("ỦY BAN NHÂN DÂN {unit}", "People's Committee of {unit}"),
    "doc.english_note": (
        "",
        (
            "English rendering of a Vietnamese plan: the plan's own text (titles, tasks, outputs, bodies) "
            "is kept in Vietnamese as written."
        ),
    ),
    "doc.original_title": ("{title}", "Vietnamese title: {title}"),
    "doc.plan_title": (
        "{title}",
        "Administrative reform plan of {unit} for {period}",
    ),
    "doc.remedial_title": ("{title}", "Plan to remedy shortcomings in administrative reform of {unit}, {period}"),
    "doc.programme_title": ("{title}", "Administrative reform programme of {unit}, {period}"),
    "doc.thematic_title": ("{title}", "Thematic administrative reform plan of {unit}, {period}"),
    "doc.legal_basis": ("Căn cứ {reference};", "Pursuant to {reference};"),
    "doc.implements": ("Thực hiện {reference};", "Implementing {reference};"),
    "doc.adopted_by": ("(Ban hành kèm theo {reference})", "(Adopted by {reference})"),
    # Sections of the body
    "section.purposes_requirements": ("MỤC ĐÍCH, YÊU CẦU", "PURPOSES AND REQUIREMENTS"),
    "section.purposes": ("Mục đích", "Purposes"),
    "section.requirements": ("Yêu cầu", "Requirements"),
    "section.results": ("KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ", "INDEX RESULTS"),
    "section.objectives": ("MỤC TIÊU, CHỈ TIÊU", "OBJECTIVES AND TARGETS"),
    "section.tasks": ("NHIỆM VỤ VÀ GIẢI PHÁP", "TASKS AND MEASURES"),
    "section.other_tasks": ("Nhiệm vụ khác", "Other tasks"),
    "section.funding": ("KINH PHÍ THỰC HIỆN", "FUNDING"),
    "section.implementation": ("TỔ CHỨC THỰC HIỆN", "IMPLEMENTATION"),
    "section.reporting": ("Chế độ báo cáo", "Reporting"),
    "section.recipients": ("Nơi nhận:", "Recipients:"),
    "objective.targets": ("Chỉ tiêu: {targets}", "Targets: {targets}"),
    "funding.total": (
        "Tổng kinh phí các nhiệm vụ có dự toán: {amount}.",
        "Total budget of the costed tasks: {amount}.",
    ),
    # Index results
    "result.generic_index": ("Chỉ số cải cách hành chính", "PAR Index"),
    "result.line": ("{index} năm {year}: {value}", "{index} {year}: {value}"),
    "result.rank": ("xếp thứ {rank}/{out_of}", "ranked {rank_en} of {out_of}"),
    "result.rank_alone": ("xếp thứ {rank}", "ranked {rank_en}"),
    "result.up": ("tăng {places} hạng", "up {places} {noun}"),
    "result.down": ("giảm {places} hạng", "down {places} {noun}"),
    "result.same": ("giữ nguyên thứ hạng", "unchanged"),
    # Reporting lines
    "report.line": ("Báo cáo {period}: {details}.", "Report for {period}: {details}."),
    "report.data": (
        "thời gian chốt số liệu từ ngày {start} đến ngày {end}",
        "data from {start} to {end}",
    ),
    "report.data_from": ("thời gian chốt số liệu từ ngày {start}", "data from {start}"),
    "report.data_to": ("thời gian chốt số liệu đến ngày {end}", "data up to {end}"),
    "report.estimate": ("ước đạt số liệu từ ngày {start} đến ngày {end}", "estimates from {start} to {end}"),
    "report.due": ("thời hạn nhận báo cáo chậm nhất là ngày {day}", "due by {day}"),
    "report.recipient": ("gửi {recipient}", "to {recipient}"),
    "report.none": ("theo quy định", "as required"),
    # Appendix
    "appendix.label": ("PHỤ LỤC", "APPENDIX"),
    "appendix.title": (
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {unit} {period}",
        "ADMINISTRATIVE REFORM TASKS OF {unit}, {period}",
    ),
    "appendix.attached": ("(Kèm theo {reference})", "(Attached to {reference})"),
    "appendix.reference": ("{kind} số {symbol}{date} của {issuer}", "{kind} No. {symbol}{date}, issued by {issuer}"),
    "appendix.reference_unnumbered": ("{kind}{date} của {issuer}", "{kind}{date}, issued by {issuer}"),
    "appendix.reference_date": (", ngày {date}", ", dated {date}"),
    "column.number": ("TT", "No."),
    "column.task": ("Nhiệm vụ", "Task"),
    "column.output": ("Kết quả đầu ra", "Output"),
    "column.lead": ("Cơ quan chủ trì", "Lead"),
    "column.coordinating": ("Cơ quan phối hợp", "Coordinating"),
    "column.timeframe": ("Thời gian thực hiện", "Timeframe"),
    "column.budget": ("Kinh phí (triệu đồng)", "Budget (million VND)"),
    # Signature (thẩm quyền ký)
    "capacity.TM": ("TM. {body}", "ON BEHALF OF {body}"),
    "capacity.KT": ("KT. {body}", "FOR {body}"),
    "capacity.Q": ("Q. {body}", "ACTING {body}"),
    "capacity.TL": ("TL. {body}", "BY ORDER OF {body}"),
    "capacity.TUQ": ("TUQ. {body}", "BY AUTHORISATION OF {body}"),
    "title.uy ban nhan dan": ("ỦY BAN NHÂN DÂN", "THE PEOPLE'S COMMITTEE"),
    "title.chu tich": ("CHỦ TỊCH", "CHAIRPERSON"),
    "title.pho chu tich": ("PHÓ CHỦ TỊCH", "VICE-CHAIRPERSON"),
    "title.chanh van phong": ("CHÁNH VĂN PHÒNG", "CHIEF OF OFFICE"),
    "title.giam doc": ("GIÁM ĐỐC", "DIRECTOR"),
    "title.pho giam doc": ("PHÓ GIÁM ĐỐC", "DEPUTY DIRECTOR"),
    "title.truong phong": ("TRƯỞNG PHÒNG", "HEAD OF OFFICE"),
    "admin.ca_nuoc": ("{name}", "{name}"),
    "admin.tinh": ("tỉnh {name}", "{name} province"),
    "admin.thanh_pho_truc_thuoc_trung_uong": ("thành phố {name}", "{name} city"),
    "admin.huyen": ("huyện {name}", "{name} district"),
    "admin.quan": ("quận {name}", "{name} district"),
    "admin.thi_xa": ("thị xã {name}", "{name} town"),
    "admin.thanh_pho_thuoc_tinh": ("thành phố {name}", "{name} city"),
    "admin.thanh_pho_thuoc_thanh_pho": ("thành phố {name}", "{name} city"),
    "admin.xa": ("xã {name}", "{name} commune"),
    "admin.phuong": ("phường {name}", "{name} ward"),
    "admin.thi_tran": ("thị trấn {name}", "{name} township"),
    "admin.dac_khu": ("đặc khu {name}", "{name} special zone"),
    "kind.plan": ("Kế hoạch", "Plan"),
    # Period names
    # Periods inside a sentence: "Trong tháng 01/2022", "Within the first half of 2022". Standalone names
    # ("Quý I/2022", "First half of 2022") are ReportingPeriod.label(locale).
    "period.year": ("năm {year}", "{year}"),
    "period.half.1": ("6 tháng đầu năm {year}", "the first half of {year}"),
    "period.half.2": ("6 tháng cuối năm {year}", "the second half of {year}"),
    "period.quarter": ("Quý {roman}/{year}", "Q{index} {year}"),
    "period.quarters": ("Quý {romans}/{year}", "{quarters} {year}"),
    "period.month": ("tháng {month:02d}/{year}", "{month_name} {year}"),
    "period.nine_months": ("9 tháng năm {year}", "the nine months of {year}"),
    # Timeframes
    "timeframe.before": ("Trước ngày {day}", "By {day}"),
    "timeframe.on_date": ("Ngày {day}", "On {day}"),
    "timeframe.between": ("Từ ngày {start} đến ngày {end}", "From {start} to {end}"),
    "timeframe.within": ("Trong {period}", "Within {period}"),
    "timeframe.within_year": ("Trong năm {year}", "During {year}"),
    "timeframe.span": ("Giai đoạn {start} - {end}", "Over {start}-{end}"),
    "timeframe.term": ("Nhiệm kỳ {start} - {end}", "Over the {start}-{end} term"),
    "timeframe.open_ended": ("Từ năm {year} trở đi", "From {year} onwards"),
    "timeframe.since": ("Từ ngày {day}", "From {day} on"),
    "timeframe.part.start": ("Đầu {period}", "Early in {period}"),
    "timeframe.part.middle": ("Giữa {period}", "In the middle of {period}"),
    "timeframe.part.end": ("Cuối {period}", "At the end of {period}"),
    "timeframe.part.first_half": ("Nửa đầu {period}", "In the first half of {period}"),
    "timeframe.part.second_half": ("Nửa cuối {period}", "In the second half of {period}"),
    "timeframe.part.week": ("Tuần thứ {number} của {period}", "In week {number} of {period}"),
    "timeframe.part.last_week": ("Tuần cuối {period}", "In the last week of {period}"),
    "timeframe.part.first_days": ("{number} ngày đầu {period}", "In the first {number} days of {period}"),
    "timeframe.part.last_days": ("{number} ngày cuối {period}", "In the last {number} days of {period}"),
    "timeframe.recurring_within": ("{frequency} trong {period}", "{frequency} within {period}"),
    "timeframe.recurring_within_year": ("{frequency} trong năm {year}", "{frequency} during {year}"),
    "timeframe.on_event": ("{event}", "On an event: {event}"),
    "timeframe.on_event_prefix": ("Khi {event}", "On an event: {event}"),
    "timeframe.per_schedule": ("{schedule}", "Per schedule: {schedule}"),
    "timeframe.per_schedule_prefix": ("Theo {schedule}", "Per schedule: {schedule}"),
    "timeframe.per_schedule_within": ("{within} ({schedule})", "{within} (per schedule: {schedule})"),
    "timeframe.working_days_after": (
        "Trong {days} ngày làm việc kể từ ngày {day}",
        "Within {days_en} working {noun} after {day}",
    ),
    "timeframe.working_days_cutoff": (
        "Trong {days} ngày làm việc kể từ ngày chốt số liệu báo cáo {period}",
        "Within {days_en} working {noun} after the data cut-off for {period}",
    ),
    "timeframe.step": ("{action} {timeframe}", "{action}: {timeframe}"),
    "frequency.continuous": ("Thường xuyên", "Continuously"),
    "frequency.daily": ("Hằng ngày", "Daily"),
    "frequency.weekly": ("Hằng tuần", "Weekly"),
    "frequency.monthly": ("Hằng tháng", "Monthly"),
    "frequency.quarterly": ("Hằng quý", "Quarterly"),
    "frequency.half_yearly": ("Định kỳ 6 tháng", "Half-yearly"),
    "frequency.yearly": ("Hằng năm", "Yearly"),
    "frequency.ad_hoc": ("Đột xuất", "Ad hoc"),
    "list.and": ("{head} và {last}", "{head} and {last}"),
    # Money
    "money.million": ("{amount} triệu đồng", "VND {amount} million"),
    "money.dong": ("{amount} đồng", "VND {amount}"),
    # Targets
    "target.ge": ("đạt tối thiểu {value}", "at least {value}"),
    "target.gt": ("đạt trên {value}", "more than {value}"),
    "target.eq": ("bằng {value}", "exactly {value}"),
    "target.none": ("không có", "none"),
    "target.le": ("không quá {value}", "at most {value}"),
    "target.lt": ("dưới {value}", "less than {value}"),
    "target.increase": ("tăng {value}", "up {value}"),
    "target.increase_any": ("tăng", "higher"),
    "target.decrease": ("giảm {value}", "down {value}"),
    "target.decrease_any": ("giảm", "lower"),
    "target.maintain": ("giữ vững", "maintained"),
    "target.baseline_year": ("{target} so với năm {year}", "{target} compared with {year}"),
    "target.baseline_period": ("{target} so với {period}", "{target} compared with {period}"),
    "target.baseline_value": ("{target} so với mức {value}", "{target} compared with {value}"),
    "target.baseline_text": ("{target} so với {text}", "{target} compared with “{text}”"),
    "target.baseline_unknown": ("{target} so với kỳ trước", "{target} compared with the previous period"),
    "target.horizon": ("{target} (đến {day})", "{target} (by {day})"),
    "target.subject": ("{subject}: {target}", "{subject}: {target}"),
    "target.counted": ("{target} {subject}", "{subject}: {target}"),
    "target.none_of": ("không có {subject}", "{subject}: none"),
    "rank.eq": ("xếp thứ {rank}", "ranked {rank_en}"),
    "rank.le": ("xếp trong nhóm {rank} dẫn đầu", "in the top {rank} of {out_of}"),
    "rank.le_open": ("xếp trong nhóm {rank} dẫn đầu", "in the top {rank}"),
    "rank.lt": ("xếp trên thứ {rank}", "ranked above {rank_en}"),
    "rank.ge": ("xếp từ thứ {rank} trở xuống", "ranked {rank_en} or lower"),
    "rank.gt": ("xếp dưới thứ {rank}", "ranked below {rank_en}"),
    "rank.of": ("{rank}/{out_of}", "{rank} of {out_of}"),
    "rank.places": ("{value} bậc", "{value} places"),
    "rank.place": ("{value} bậc", "{value} place"),
    "quantity.points": ("{value} điểm", "{value} points"),
    "quantity.point": ("{value} điểm", "{value} point"),
    "quantity.days": ("{value} ngày", "{value} days"),
    "quantity.day": ("{value} ngày", "{value} day"),
    # The review report of a reading (parplan read --report)
    "review.title": ("Kết quả đọc văn bản: {file}", "Reading of {file}"),
    "review.not_plan": ("Không đọc được kế hoạch từ văn bản này.", "No plan could be read from this document."),
    "review.summary": (
        "{fields} trường đã đọc, {tasks} nhiệm vụ, {unplaced} dòng chưa xếp chỗ; độ tin cậy trung bình {confidence}.",
        "{fields} fields read, {tasks} tasks, {unplaced} lines without a place; mean confidence {confidence}.",
    ),
    "review.doubts": ("Điểm cần xem lại", "Doubts"),
    "review.fields": ("Các trường (ít chắc chắn nhất trước)", "Fields (least certain first)"),
    "review.field": ("Trường", "Field"),
    "review.value": ("Giá trị", "Value"),
    "review.source": ("Nguồn", "Source"),
    "review.confidence": ("Độ tin cậy", "Confidence"),
    "review.field_doubts": ("Nghi vấn", "Doubts"),
    "review.unplaced": ("Dòng chưa xếp chỗ", "Lines without a place"),
    "review.none": ("Không có.", "None."),
    "quantity.percentage_points": ("{value} điểm phần trăm", "{value} percentage points"),
    "quantity.percentage_point": ("{value} điểm phần trăm", "{value} percentage point"),
}

CATALOGUE: Mapping[str, Mapping[Locale, str]] = MappingProxyType(
    {key: MappingProxyType({"vi": vi, "en": en}) for key, (vi, en) in _ENTRIES.items()}
)
"""Every message by key, each with its ``"vi"`` and ``"en"`` wording."""


def message(key: str, locale: Locale, /, **values: object) -> str:
    """The message ``key`` in ``locale`` with ``values`` filled in."""
    return CATALOGUE[key][locale].format(**values)
