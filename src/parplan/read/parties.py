"""Who does what, as plans write it: cells of parties, "X chủ trì, Y phối hợp", "Đ/c A – title: chủ trì".

:func:`parse_parties` splits a cell ("Văn phòng, các ban ngành có liên quan") into
parties, keeping each name as written; :func:`read_assignment` reads a clause of
roles ("Phòng Nội vụ chủ trì; Văn phòng HĐND và UBND huyện phối hợp. Thời gian:
quý I/2024") into a :class:`~parplan.org.Responsibility` and the time it states.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import attrs

from parplan.errors import InvariantError
from parplan.org import CollectiveParty, JointParty, Official, Organisation, Party, Responsibility, SingleParty
from parplan.read.accents import ViPattern, vi_compile
from parplan.text import fold as _fold_text

fold = functools.lru_cache(maxsize=8192)(_fold_text)

__all__ = [
    "LEAD_MARK",
    "Assignment",
    "marked_leads",
    "parse_parties",
    "party",
    "read_assignment",
    "split_marked",
    "starts_party",
    "subject_party",
]

_BODY_WORDS: Final = (
    "phong",
    "van phong",
    "ban ",
    "ubnd",
    "uy ban",
    "hdnd",
    "hoi dong",
    "so ",
    "bo ",
    "trung tam",
    "dai ",
    "buu dien",
    "cong an",
    "bo phan",
    "dang uy",
    "chi nhanh",
    "thanh tra",
    "mat tran",
    "mttq",
    "ubmttq",
    "doan ",
    "hoi ",
    "truong ",
    "tram ",
    "chi cuc",
    "cuc ",
    "kho bac",
    "quan su",
    "tu phap",
    "van hoa",
    "tai chinh",
    "dia chinh",
    "tt ",
    "thuong truc",
    "huyen uy",
    "tinh uy",
    "huyen doan",
    "tinh doan",
    "thanh doan",
    "thi doan",
    "to ",
    "doi ",
    "ban chi dao",
    "cac phong",
    "ngan hang",
    "vien ",
    "hiep hoi",
    "lien doan",
    "cong doan",
    "bao hiem xa hoi",
    "bhxh",
    "benh vien",
    "khoa ",  # a hospital's department ("Khoa Dược"); "Khoa học …" opens a task (_TASK_OPENINGS)
)
_COLLECTIVE_START: Final = ("cac ", "nhung ", "toan the ", "moi ", "tat ca ")
_OFFICIAL_START: Final = (
    "d/c ",
    "dc ",
    "dong chi ",
    "ong ",
    "ba ",
    "chu tich",
    "pho chu tich",
    "can bo",
    "cong chuc",
    "truong phong",
    "chanh van phong",
    "giam doc",
    "pho giam doc",
    "thu truong",
    "nguoi dung dau",
    "chanh ",
    "pho truong",
    # a commune's civil servant by the abbreviation a note of the plan spells out: "CC VP-TK", "CC TP-HT"
    "cc ",
    # the posts of a school's or a hospital's plan: "Phó Hiệu trưởng", "Giáo viên chủ nhiệm", "Trưởng khoa Nội"
    "hieu truong",
    "pho hieu truong",
    "nhan vien",
    "giao vien",
    "ke toan",
    "thu quy",
    "van thu",
    "tong phu trach",
    "pho khoa",
    "dieu duong",
    "bac si",
    "chuyen vien",
)
_GROUP_NOUNS: Final = frozenset(
    {
        "can bo",
        "cong chuc",
        "vien chuc",
        "nguoi lao dong",
        "ban",
        "so",
        "phong",
        "khoa",
        "nganh",
        "ban nganh",
        "doan the",
        "don vi",
        "co quan",
        "dia phuong",
        "to chuc",
        "hoi",
        "doanh nghiep",
        "thon",
        "ap",
        "to dan pho",
        "khu pho",
    }
)
"""Plain nouns for kinds of bodies or people that plans list with commas as one group ("cán bộ, công chức")."""
_GROUP_TAIL: Final = vi_compile(
    r"\s+(?:có\s+)?liên quan$|\s+thuộc\s.*$|\s+của\s.*$|\s+(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)$",
    re.IGNORECASE,
)
_UNIT_TAIL: Final = re.compile(r"\s+(?:xa|phuong|thi tran|huyen|thi xa|thanh pho|tinh)$")
""":data:`_GROUP_TAIL`'s unit at the end, folded: written without its marks."""
_COMMUNE_POSTS: Final = (
    "van phong - thong ke",
    "van phong-thong ke",
    "tu phap - ho tich",
    "tu phap-ho tich",
    "dia chinh - ",
    "dia chinh-",
    "tai chinh - ke toan",
    "tai chinh-ke toan",
    "van hoa - xa hoi",
    "van hoa-xa hoi",
)
"""The titles of a commune's civil servants, named bare after "Công chức …," ("…, Tư pháp - Hộ tịch")."""
_HONORIFIC: Final = vi_compile(r"^(?P<h>Đ/c|đ/c|Đ/C|Đồng chí|đồng chí|Ông|Bà)\s+(?P<rest>.+)$")
_ABBREVIATED: Final = vi_compile(r"^\s*[A-ZĐ]{1,3}\.?\s?[A-ZĐ]{2,}(?:[&-][A-ZĐ]{2,})*\s*$")
"""A body named by its abbreviation, as universities, hospitals and departments write ("P.TCCB", "P. ĐT",
"TT CNTT", "K.KHXH", "P.KT&ĐBCL"): one after another parted by commas, each is a party."""
_TITLED: Final = vi_compile(
    r"^(?P<h>(?:PGS\.\s?TS|GS\.\s?TS|BSCKII|BSCKI|BS\s?CKII|BS\s?CKI|BS|Bs|ThS|Ths|TS|CN|KS|ĐD|DS|LS"
    r"|P?HT|P?GĐ|PCT|P?TK)\.)\s*(?P<rest>\S.*)$"
)
"""A person named after their degree, profession or post's abbreviation ("BS. …", "ThS. …", "KS. …", "PHT. …",
"GĐ. …"), as hospitals and schools write: kept before the name, as written."""


def _titled_person(text: str) -> bool:
    """Whether ``text`` names a person after a degree or a post's abbreviation ("ThS. Trần Thị Lan, …")."""
    titled = _TITLED.match(text.strip())
    if titled is None:
        return False
    parts = _NAME_TITLE.match(titled["rest"])
    return _personal_name(parts["name"].strip() if parts else titled["rest"].strip())


def _personal_name(text: str) -> bool:
    """Whether ``text`` is a person's name as written: two to five words, each capitalised, no digits."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(word[:1].isupper() and word.isalpha() for word in words)


_NAME_TITLE: Final = re.compile(r"^(?P<name>[^–\-,(]+?)\s*(?:[–\-,]\s*|\()(?P<title>.+?)\)?$")


def party(name: str) -> SingleParty:
    """One party named as written: a person ("Đ/c Lê Văn A – Phó Chủ tịch"), a post, a group or a body.

    >>> party("Các ban ngành liên quan")
    CollectiveParty(name='Các ban ngành liên quan')
    >>> party("Đ/c Lê Văn Bình – Phó Chủ tịch UBND xã").position
    'Phó Chủ tịch UBND xã'
    >>> party("ThS. Trần Thị Lan - Trưởng phòng Đào tạo").honorific
    'ThS.'
    >>> party("PHT. Nguyễn Văn Hùng").label
    'PHT. Nguyễn Văn Hùng'
    """
    name = name.strip(" .;,:")
    folded = fold(name)
    honorific = _HONORIFIC.match(name)
    titled = None if honorific else _TITLED.match(name)
    if titled:
        parts = _NAME_TITLE.match(titled["rest"])
        person = parts["name"].strip() if parts else titled["rest"].strip()
        if _personal_name(person):
            honorific = titled
    if honorific:
        rest = honorific["rest"]
        parts = _NAME_TITLE.match(rest)
        if parts:
            return Official(name=parts["name"].strip(), position=parts["title"].strip(), honorific=honorific["h"])
        return Official(name=rest.strip(), honorific=honorific["h"])
    if folded.startswith(_COLLECTIVE_START) or folded.endswith(("lien quan", "co lien quan")) or _is_group(name):
        return CollectiveParty(name=name)
    if folded.startswith(_COMMUNE_POSTS):
        return Official(position=name)
    if folded.startswith(_OFFICIAL_START) and not folded.startswith(("chanh van phong hdnd",)):
        return Official(position=name)
    return Organisation(name=name)


_GROUP_HEAD: Final = re.compile(r"^(?:thu truong|truong|lanh dao|nguoi dung dau)\s+(?=cac\s)")
"""The heads of a group named by its kinds: "Thủ trưởng các sở, ban, ngành" lists "sở, ban, ngành", "Trưởng các
khoa, phòng" of a hospital "khoa, phòng"."""


def _group_words(name: str, *, headed: bool = False) -> list[str]:
    """The nouns of a comma list ("Các ban, ngành" → ban, ngành), without a closing "liên quan".

    ``headed``: the list may follow its head ("Thủ trưởng các sở, ban, ngành" → sở, ban, ngành).
    """
    bare = _GROUP_TAIL.sub("", name.strip())
    folded = _UNIT_TAIL.sub("", fold(bare))  # the unit's word without its marks ("công chức xa", a scan's)
    if headed:
        folded = _GROUP_HEAD.sub("", folded)
    folded = folded.removeprefix("cac ").removeprefix("toan the ")
    return [word.strip() for word in re.split(r",| va (?:cac )?", folded)]


def _is_group(name: str) -> bool:
    """True for a list of kinds of bodies or people named together ("cán bộ, công chức, viên chức")."""
    words = _group_words(name)
    return len(words) > 1 and all(word in _GROUP_NOUNS for word in words)


def _extends_group(current: str, piece: str) -> bool:
    """True when ``piece`` continues the list of plain nouns ``current`` began ("Cán bộ" + "công chức liên quan")."""
    words = _group_words(current, headed=True)
    head = _group_words(piece)
    return all(word in _GROUP_NOUNS for word in words + head)


_PEOPLE_NOUNS: Final = ("can bo", "cong chuc", "vien chuc", "nguoi lao dong")


def _people_in_name(current: str, piece: str) -> bool:
    """True when ``piece`` ends a body's name that lists the kinds of people it deals with.

    "Phòng Công chức, viên chức" is one office: the name of a body ends with "Công chức" and what
    follows the comma, in lower case, is one more such kind of people. A body's name ending otherwise
    ("Phòng Nội vụ, cán bộ …") is left to the other rules.

    >>> _people_in_name("Phòng Công chức", "viên chức"), _people_in_name("Phòng Nội vụ", "viên chức")
    (True, False)
    """
    folded = fold(current.strip())
    return (
        piece[:1].islower()
        and fold(piece.strip()) in _PEOPLE_NOUNS
        and (folded + " ").startswith(_BODY_WORDS)
        and folded.endswith(tuple(f" {noun}" for noun in _PEOPLE_NOUNS))
    )


_PERSON_ONLY: Final = vi_compile(r"^(?i:đ/c|đồng chí|ông|bà)\.?\s+(?:[A-ZĐÀ-Ỹ][^\s,;()]*\s*){1,5}$")
"""A person named without a post: "đ/c Lò Văn Hùng", "Ông Nguyễn Văn An"."""
_HONORIFICS: Final = ("d/c ", "dc ", "dong chi ", "ong ", "ba ")


def _post_of_person(current: str, piece: str) -> bool:
    """True when ``piece`` is the post of the person ``current`` names ("đ/c Lò Văn Hùng" + "công chức …")."""
    head = fold(piece) + " "
    return (
        _PERSON_ONLY.match(current.strip()) is not None
        and head.startswith(_OFFICIAL_START)
        and not head.startswith(_HONORIFICS)
    )


_POST_AND_BODY: Final = vi_compile(
    r"^(?P<post>(?i:công chức|cán bộ)\s.+?)\s+và\s+"
    r"(?P<body>(?:Công an|Phòng|Văn phòng|Trung tâm|Bộ phận|Trạm|Chi nhánh|Đài|Trường|Ban|Hội|Đoàn"
    r"|(?i:công chức|cán bộ))\s.+)$"
)


def _post_and_body(text: str) -> list[str]:
    """A civil servant's post and a body or a second post joined by "và", as two.

    >>> _post_and_body("công chức Tư pháp - Hộ tịch và Công an xã")
    ['công chức Tư pháp - Hộ tịch', 'Công an xã']
    >>> _post_and_body("công chức Văn phòng - Thống kê và công chức Địa chính - Xây dựng")
    ['công chức Văn phòng - Thống kê', 'công chức Địa chính - Xây dựng']

    A body's own "và" ("Văn phòng HĐND và UBND xã", "Phòng Văn hóa và Thông tin") is left alone.
    """
    found = _POST_AND_BODY.match(text.strip())
    return [found["post"], found["body"]] if found else [text]


_SPLIT_SEMI: Final = vi_compile(
    r"\s*[;\n]\s*|\s+và\s+(?=Đ/c|đ/c|(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+các\b)"
)
""""…; …", "… và Đ/c …" and "các cơ quan, đơn vị và UBND các xã": parties named one after the other."""
_COMMA: Final = re.compile(r",\s*")


def parse_parties(text: str) -> list[SingleParty]:
    """The parties a cell or a clause names, as written, without repeats.

    Semicolons always separate parties; a comma does when what follows starts a
    new name (a capital, or "các …"), not when it continues a list of nouns
    ("Cán bộ, công chức liên quan" is one group).

    >>> [p.label for p in parse_parties("Văn phòng, các ban ngành có liên quan")]
    ['Văn phòng', 'các ban ngành có liên quan']
    >>> [p.label for p in parse_parties("Cán bộ, công chức liên quan")]
    ['Cán bộ, công chức liên quan']
    """
    names: list[str] = []
    for chunk in (piece for part in _SPLIT_SEMI.split(text) for piece in _post_and_body(part)):
        chunk = chunk.strip(" .;,:")  # noqa: PLW2901
        if not chunk:
            continue
        pieces = _COMMA.split(chunk)
        current = pieces[0]
        for piece in pieces[1:]:
            head = fold(piece) + " "
            if _extends_group(current, piece) or _post_of_person(current, piece) or _people_in_name(current, piece):
                current = f"{current}, {piece}"
            elif (
                head.startswith(_BODY_WORDS + _COLLECTIVE_START + _OFFICIAL_START + ("d/c", "nguoi "))
                or (_ABBREVIATED.match(piece) and _ABBREVIATED.match(current))
                or _titled_person(piece)
            ):
                names.append(current)
                current = piece
            else:
                current = f"{current}, {piece}"
        names.append(current)
    result: list[SingleParty] = []
    seen: set[str] = set()
    for name in names:
        cleaned = name.strip(" .;,:")
        if not cleaned or fold(cleaned) in {"-", "nt", "-nt-"}:
            continue
        one = party(cleaned)
        if one.key not in seen:
            seen.add(one.key)
            result.append(one)
    return result


# words that open a party's name but far more often a task ("Tổ chức …", "Đối thoại …", "Hội nghị …")
_TASK_OPENINGS: Final = (
    "khoa hoc",
    "to chuc",
    "doi thoai",
    "doi moi",
    "doi chieu",
    "hoi nghi",
    "ban hanh",
    "bo sung",
    "so hoa",
    "so ket",
    "truong hop",
    "tram tron",
    "doan ket",
    "hoi dap",
)


def starts_party(text: str) -> bool:
    """Whether ``text`` opens with the name of a party (a body, a post, a person, a group), not a task's verb.

    >>> starts_party("Đ/c Lê Văn Bình - công chức"), starts_party("Bộ phận Một cửa")
    (True, True)
    >>> starts_party("Tổ chức tuyên truyền"), starts_party("Rà soát thủ tục")
    (False, False)
    """
    head = fold(text.strip(" -–+•")) + " "
    if head.startswith(_TASK_OPENINGS):
        return False
    return head.startswith(_BODY_WORDS + _COLLECTIVE_START + _OFFICIAL_START + ("d/c", "nguoi ", "tt."))


def lead_of(parties: list[SingleParty]) -> Party | None:
    """One lead, or a joint lead for several."""
    if not parties:
        return None
    if len(parties) == 1:
        return parties[0]
    return JointParty(members=tuple(parties))


@attrs.frozen
class Assignment:
    """Roles read from a clause, and the time the clause states (as written)."""

    lead: list[SingleParty] = attrs.Factory(list)
    coordinating: list[SingleParty] = attrs.Factory(list)
    implementing: list[SingleParty] = attrs.Factory(list)
    reporting: list[SingleParty] = attrs.Factory(list)
    time: str | None = None

    def responsibility(self) -> Responsibility | None:
        """The responsibility, or None when the clause names nobody."""
        lead = lead_of(self.lead)
        implementing = list(self.implementing)
        if lead is None and implementing and not self.coordinating:
            # "X, Y thực hiện" with nobody chủ trì: the doers carry the task
            lead, implementing = lead_of(implementing), []
        lead_keys = {p.key for p in self.lead}
        coordinating = [p for p in self.coordinating if p.key not in lead_keys]
        try:
            return Responsibility(
                lead=lead,
                coordinating=tuple(coordinating),
                implementing=tuple(implementing),
                reporting=tuple(self.reporting),
            )
        except InvariantError:
            return None


LEAD_MARK: Final = vi_compile(r"\s*\((?:\*|chủ trì|CT)\)\s*")
"""A lead's mark after its name in a cell of several bodies: "(*)", "(chủ trì)", "(CT)"."""


def marked_leads(text: str) -> tuple[str, str] | None:
    """The bodies of one "Đơn vị thực hiện" cell or field marked "(*)" (the leads) and the others (the partners).

    None when no body is marked. Bodies are parted by ";" or lines, or by commas before a capital
    before a body's name ("Phòng A (*), Phòng B"): a comma inside a name ("UBND các xã, thị trấn",
    "Phòng Kinh tế, Hạ tầng và Đô thị") is kept.

    >>> marked_leads("Phòng Nội vụ (*); Văn phòng")
    ('Phòng Nội vụ', 'Văn phòng')
    >>> marked_leads("Phòng Nội vụ; Văn phòng") is None
    True
    >>> marked_leads("Khoa Khám bệnh (chủ trì), Phòng Điều dưỡng")
    ('Khoa Khám bệnh', 'Phòng Điều dưỡng')
    """
    if LEAD_MARK.search(text) is None:
        return None
    parts: list[str] = []
    for piece in re.split(r"[;\n]", text):
        opened = True
        for comma in re.split(r",\s*", piece):
            if not opened and not starts_party(comma):
                parts[-1] = f"{parts[-1]}, {comma}"  # "UBND các xã, thị trấn", "Phòng Kinh tế, Hạ tầng …": one body
            else:
                parts.append(comma)
            opened = False
    leads: list[str] = []
    partners: list[str] = []
    for part in (part.strip(" ,.") for part in parts):
        if not part:
            continue
        name = LEAD_MARK.sub(" ", part).strip(" ,.")
        (leads if LEAD_MARK.search(part) else partners).append(name)
    if not leads:
        return None
    return "; ".join(leads), "; ".join(partners)


_TIME_LABEL: Final = vi_compile(
    r"(?:^|[.;,]\s*)(?:thời gian|thời hạn|Thời gian|Thời hạn)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*(?P<time>.+?)\s*$",
    re.DOTALL,
)
_ROLE_WORDS: Final = (
    ("dong chu tri", "lead"),
    ("chu tri", "lead"),
    ("phoi hop", "coordinating"),
    ("thuc hien", "implementing"),
    ("theo doi", "reporting"),
    ("chi dao", "directs"),
    ("tham muu", "lead"),
)
_ROLE_FIRST: Final = vi_compile(
    r"^\s*(?P<role>chủ trì|Chủ trì|phối hợp|Phối hợp|thực hiện|Thực hiện)\s*:\s*(?P<who>.+)$"
)
_PERSON_ROLE: Final = re.compile(r"^(?P<who>.+?)\s*:\s*(?P<role>[^:]+)$")
_ROLE_TAIL: Final = vi_compile(
    r"^(?P<who>.+?)\s+(?P<role>(?:đồng\s+)?chủ trì|phối hợp|thực hiện)(?:\s+(?P<rest>.*))?$", re.IGNORECASE
)


_DOER_TAIL: Final = vi_compile(
    r"(?:,?\s+(?:tham mưu|chủ động|trực tiếp)\b.*|(?<!các)(?<!những)\s+(?:tổ chức|triển khai|tổ chức triển khai)\s*"
    r"|\s+cùng)$"
)
"""What a doer does before the role's verb, not its name: "… tham mưu" of "Giao Phòng Nội vụ tham mưu thực hiện",
"… tổ chức" of "Giao Văn phòng tổ chức thực hiện" (not "các tổ chức", a group), "… cùng" of "Công an xã cùng
phối hợp"."""


def _role_of(words: str) -> str | None:
    folded = fold(words)
    for key, role in _ROLE_WORDS:
        if folded.startswith(key) or f" {key}" in f" {folded}"[:40]:
            return role
    return None


def read_assignment(text: str) -> Assignment | None:
    """The roles and the time in a clause such as "Phòng Nội vụ chủ trì; các phòng phối hợp. Thời gian: quý I/2024".

    Returns None when the clause assigns nobody and states no time.

    >>> a = read_assignment("Phòng Pháp chế chủ trì, các phòng chuyên môn phối hợp; thời gian: quý I - quý III/2026.")
    >>> [p.label for p in a.lead], [p.label for p in a.coordinating], a.time
    (['Phòng Pháp chế'], ['các phòng chuyên môn'], 'quý I - quý III/2026.')
    >>> [p.label for p in read_assignment("Giao: Phòng Kinh tế; thời gian: quý II/2026.").lead]
    ['Phòng Kinh tế']
    >>> a = read_assignment("Phòng Tư pháp chủ trì – Phòng Văn hóa - Xã hội phối hợp")
    >>> [p.label for p in a.lead], [p.label for p in a.coordinating]
    (['Phòng Tư pháp'], ['Phòng Văn hóa - Xã hội'])
    """
    given = re.match(r"^\s*Giao\s*:\s*", text, re.IGNORECASE) is not None
    body = _GROUP_LABEL.sub("", text.strip(), count=1)
    time = None
    found = _TIME_LABEL.search(body)
    if found:
        time = found["time"].strip()
        body = body[: found.start()].strip(" .;")
    assignment = Assignment(time=time)
    body = _read_marked(body, assignment)
    for clause in _CLAUSE_CUT.split(body):
        clause = clause.strip(" .")  # noqa: PLW2901
        if not clause:
            continue
        if time is None and _TIMEISH.match(clause) and not _ROLE_IN.search(clause):
            time = clause
            assignment = attrs.evolve(assignment, time=time)
            continue
        for order, piece in enumerate(_ROLE_SPLIT.split(clause)):
            assignment = _read_piece(piece, assignment, after_role=order > 0)
        time = assignment.time
        if given and not assignment.lead and not _ROLE_IN.search(clause) and starts_party(clause):
            _add(assignment, "lead", clause)  # "Giao: Phòng Kinh tế; thời gian: …": the body given the task leads it
        given = False
    if not (assignment.lead or assignment.coordinating or assignment.implementing or assignment.reporting or time):
        return None
    _sort_marked(assignment)
    return assignment


def split_marked(doers: list[SingleParty]) -> tuple[list[SingleParty], list[SingleParty]]:
    """Doers listed with a lead's mark on some ("Phòng A (chủ trì), Phòng B"): the marked (the leads), the others.

    Doers without any mark are all returned as they were, as leads.

    >>> leads, others = split_marked(parse_parties("Công an xã, Phòng Kinh tế (CT)"))
    >>> [p.label for p in leads], [p.label for p in others]
    (['Phòng Kinh tế'], ['Công an xã'])
    """
    if not any(LEAD_MARK.search(doer.label) for doer in doers):
        return doers, []
    leads = [party(LEAD_MARK.sub(" ", doer.label).strip(" ,.")) for doer in doers if LEAD_MARK.search(doer.label)]
    return leads, [doer for doer in doers if not LEAD_MARK.search(doer.label)]


_MARKED_LABEL: Final = vi_compile(
    r"^(?:(?:đơn vị|cơ quan|bộ phận|khoa, phòng|khoa/phòng)\s+)?(?:thực hiện|phụ trách|tham mưu)?\s*:\s*", re.IGNORECASE
)
"""The label of a field whose bodies carry a lead's mark: "Đơn vị thực hiện: Phòng A (chủ trì), Phòng B"."""


def _marked_clause(body: str) -> tuple[str, str, str] | None:
    """The first clause of ``body`` when it names its bodies with a lead's mark: the rest, the leads, the partners.

    "Đơn vị thực hiện: Văn phòng (chủ trì), Công an xã; thời gian: quý II" marks the lead in the list of doers.
    """
    first, cut, rest = body.partition(";")
    if LEAD_MARK.search(first) is None or _ROLE_IN.search(LEAD_MARK.sub(" ", first)):
        return None
    label = _MARKED_LABEL.match(first.strip())
    names = first.strip()[label.end() :] if label else first.strip()
    if ":" in names:
        return None
    found = marked_leads(names)
    if found is None:
        return None
    return (rest if cut else ""), found[0], found[1]


def _read_marked(body: str, assignment: Assignment) -> str:
    """The leads and partners of a first clause naming its bodies with a lead's mark, added; the rest of ``body``."""
    marked = _marked_clause(body)
    if marked is None:
        return body
    rest, leads, partners = marked
    for name in leads.split("; "):
        _add(assignment, "lead", name)
    for name in partners.split("; ") if partners else ():
        _add(assignment, "coordinating", name)
    return rest


def _sort_marked(assignment: Assignment) -> None:
    """Doers read with a lead's mark on some: the marked lead, the others partner."""
    doers = [*assignment.lead, *assignment.implementing]
    leads, others = split_marked(doers)
    if leads != doers:
        assignment.lead[:], assignment.implementing[:] = leads, []
        assignment.coordinating[:0] = others


def _read_piece(piece: str, assignment: Assignment, *, after_role: bool) -> Assignment:
    """One piece of a clause cut after its role's words: a time closing the lead's clause, its partners, or a clause."""
    text = piece.strip(" .,")
    closing = _CLOSING_VERB.sub("", text, count=1)
    if after_role and assignment.time is None and _TIMEISH.match(closing) and not _ROLE_IN.search(piece):
        return attrs.evolve(assignment, time=closing)  # "Phòng Tư pháp chủ trì, hoàn thành trong quý III": no verb
    partnered = _PARTNERS_AFTER.match(text)
    if after_role and partnered is not None and assignment.lead and starts_party(partnered["who"]):
        # "Phòng Nội vụ chủ trì, phối hợp Phòng Tài chính(, hoàn thành trong quý II)": the lead's partners
        who, _, after = partnered["who"].partition(", ")
        closing = _CLOSING_VERB.sub("", after, count=1)
        if after and assignment.time is None and _TIMEISH.match(closing) and not _ROLE_IN.search(after):
            assignment = attrs.evolve(assignment, time=closing)
        elif after:
            who = partnered["who"]
        _add(assignment, "coordinating", _PARTNERS_VERB.sub("", who) or who)
        return assignment
    _read_clause(text, assignment)
    return assignment


_CLAUSE_CUT: Final = vi_compile(
    r"\s*;\s*|\.\s+(?=[A-ZĐ])"
    # "Phòng Tư pháp chủ trì – Phòng Nội vụ phối hợp": a spaced dash after a role closes its clause
    r"|(?:(?<=chủ trì)|(?<=phối hợp)|(?<=thực hiện))\s+[–—-]\s+(?=\S)"
)
_GROUP_LABEL: Final = vi_compile(
    r"^(?:Trách nhiệm thực hiện|Phân công trách nhiệm|Phân công thực hiện|Phân công|Giao|Trách nhiệm)"
    r"(?:\s*\([^()]*\))?\s*:\s*",
    re.IGNORECASE,
)
_TIMEISH: Final = vi_compile(
    r"^(?:hoàn thành|Hoàn thành|trước|Trước|trong|Trong|thường xuyên|Thường xuyên|quý|Quý|tháng|Tháng|hằng|Hằng|hàng|"
    r"Hàng|định kỳ|Định kỳ|cuối|Cuối|đầu|Đầu|từ|Từ|chậm nhất|Chậm nhất|ngay sau|Ngay sau|theo lộ trình|Theo lộ trình|"
    r"tuần|Tuần|năm \d|Năm \d)"
)
_ROLE_IN: Final = vi_compile(r"chủ trì|phối hợp|Chủ trì|Phối hợp")
_PARTNERS_AFTER: Final = vi_compile(r"^phối hợp(?:\s+với)?\s+(?P<who>[^\W\d].*)$")
"""The partners a lead's clause names after its comma: "…chủ trì, phối hợp (với) Phòng Tài chính"."""
_PARTNERS_VERB: Final = vi_compile(r"\s+(?:cùng\s+)?(?:tổ chức\s+)?(?:thực hiện|triển khai)$")
"""What the partners do after their names: "… phối hợp với Phòng Tư pháp thực hiện"."""
_CLOSING_VERB: Final = vi_compile(r"^(?:hoàn thành|thực hiện|triển khai)\s+(?=\S)")
"""The verb of a time closing a lead's clause after a comma: "… chủ trì, thực hiện thường xuyên"."""
_ROLE_SPLIT: Final = vi_compile(r"(?:(?<=chủ trì)|(?<=phối hợp)|(?<=thực hiện)),\s+(?=\S)")


_ROLE_WORDS_ONLY: Final = vi_compile(
    r"(?:(?:phối hợp|chủ trì|thực hiện|tổ chức|triển khai|tham mưu)\s*)+", re.IGNORECASE
)
"""Words of roles alone, no one's name: "phối hợp" of "…chủ trì, phối hợp thực hiện", "tham mưu thực hiện"."""


def _add(assignment: Assignment, role: str | None, who: str) -> bool:
    if role is None or role == "directs":
        return role == "directs"
    if _ROLE_WORDS_ONLY.fullmatch(who.strip()):
        return False
    parties = parse_parties(who)
    if not parties:
        return False
    getattr(assignment, role).extend(parties)
    return True


def _read_clause(clause: str, assignment: Assignment) -> None:
    if not clause:
        return
    first = _ROLE_FIRST.match(clause)
    if first:
        _add(assignment, _role_of(first["role"]), first["who"])
        return
    person = _PERSON_ROLE.match(clause)
    if person and _role_of(person["role"]) and len(person["role"]) < 40:
        who = person["who"]
        for one in re.split(r"\s+và\s+(?=Đ/c|đ/c)", who):
            _add(assignment, _role_of(person["role"]), one)
        return
    tail = _ROLE_TAIL.match(clause)
    if tail and len(tail["who"]) < 120:
        who = tail["who"]
        if fold(who).startswith("giao "):
            who = who[5:]
        who = _DOER_TAIL.sub("", who) or who
        role = _role_of(tail["role"])
        _add(assignment, role, who)
        rest = tail["rest"] or ""
        if role == "lead" and rest:
            partners = re.match(r"^,?\s*(?:phối hợp(?:\s+với)?)\s+(?P<who>.+)$", rest, re.IGNORECASE)
            if partners:
                _add(assignment, "coordinating", partners["who"])


_DUTY_VERBS: Final = (
    r"chịu trách nhiệm|Chịu trách nhiệm|có trách nhiệm|chủ trì|Chủ trì|tham mưu|theo dõi|Ban hành|ban hành"
)
_SUBJECT: Final = vi_compile(
    rf"^(?:Đề nghị\s+|Giao\s+)?(?P<who>[A-ZĐÀ-Ỹ][^:;.]{{1,80}}?)\s*(?::\s*|\s+)(?:{_DUTY_VERBS})"
)
_ANY_SUBJECT: Final = vi_compile(
    r"^(?:Đề nghị\s+|Giao\s+)?(?P<who>[A-ZĐÀ-Ỹ][^:;.]{1,80}?)(?<!được)(?<!đã)(?<!sẽ)(?<! và)(?<! các)(?<! với)"
    r"\s*(?::\s*|\s+)"
    rf"(?:{_DUTY_VERBS}|xây dựng|tổ chức|triển khai|(?:tự )?kiểm tra|rà soát|hướng dẫn|căn cứ|chủ động|tổng hợp"
    r"|gửi|báo cáo|ký|cập nhật|thực hiện|duy trì|tiếp nhận|nộp|đăng tải|phối hợp|chuẩn bị|lập|đề xuất|trình"
    r"|phát thanh|phát sóng|phát tin|đưa tin|tuyên truyền|phổ biến|biên soạn"
    r"|hoàn thành|công bố|nâng cấp|tập huấn|bồi dưỡng|số hóa|đánh giá|khảo sát|vận hành|sử dụng|thẩm định"
    r"|niêm yết|công khai|trình"
    # not "giải quyết", "theo dõi", "thống kê": nouns' complements as often ("Số hóa kết quả giải quyết …")
    r"|sửa đổi|rút ngắn|đôn đốc|chuẩn hóa|lấy ý kiến|áp dụng|sắp xếp|bố trí|đối thoại|trả lời|giám sát|chỉnh lý"
    r"|quán triệt)\b"
)
_NOT_SUBJECT: Final = vi_compile(
    r"\s+(?:trên cơ sở|theo chức năng|căn cứ)\b.*$"
    # a time between the subject and its verb: "Phòng Văn hóa trong quý II/2024 tổ chức …", "UBND các xã,
    # trước ngày 15/12 hằng năm, báo cáo …"
    r"|,?\s+(?:(?:trong|trước|chậm nhất|từ)\s+(?:ngày|quý|tháng|năm|tuần)"
    r"|(?:định kỳ\s+)?h[àằ]ng\s+(?:ngày|tuần|tháng|quý|năm))\b.*$"
)
_CONTENTS_START: Final = tuple(
    f"{many} {what}" for many in ("cac", "nhung") for what in ("noi dung", "nhiem vu", "cong viec", "viec")
)
"""What a plan's items are called ("các nội dung", "những nhiệm vụ"): a subject so named is the work, no party."""
_APPOSITION: Final = vi_compile(r"(?:,\s+là\s+[^,]{2,60}|,?\s+là\s+(?:cơ quan|đơn vị|bộ phận|đầu mối)\b.*)$")


VERB_STARTS: Final = (
    "ban hanh",
    "ban giao",
    "to chuc",
    "trien khai",
    "thuc hien",
    "doi moi",
    "day manh",
    "tang cuong",
    "nang cao",
    "tiep tuc",
    "hoan thien",
    "bo tri",
    "bo sung",
)


def _subject_words(text: str, pattern: ViPattern = _SUBJECT) -> str | None:
    found = pattern.match(text)
    if not found:
        return None
    if re.search(r"\s(?:đã|đang)\s", found["who"]):
        return None  # "Các khu phố trong năm 2023 đã treo …": what was done, no one assigned
    # "Phòng Nội vụ, là cơ quan thường trực,": the body only
    who = _NOT_SUBJECT.sub("", _APPOSITION.sub("", found["who"])).strip(" ,")
    folded = fold(who)
    if folded.startswith(VERB_STARTS):  # verbs, not a body ("Ban hành …", "Đổi mới …", "Tổ chức …")
        return None
    if folded.startswith(_CONTENTS_START):  # "Các nội dung trên giao Văn phòng …": the work, not who does it
        return None
    if len(who.split()) > 14 or not folded.startswith(_BODY_WORDS + _COLLECTIVE_START + _OFFICIAL_START):
        return None
    return who


def subject_lead(text: str) -> Party | None:
    """The lead a prose item opens with, one body or several ("Thủ trưởng các cơ quan, Chủ tịch UBND các xã …").

    >>> [p.label for p in subject_lead("Thủ trưởng các phòng, Chủ tịch UBND các xã xây dựng kế hoạch").members]
    ['Thủ trưởng các phòng', 'Chủ tịch UBND các xã']
    >>> subject_lead("Phòng Nội vụ, là cơ quan thường trực, tham mưu UBND huyện").label
    'Phòng Nội vụ'
    >>> subject_lead("Các đơn vị được kiểm tra tự kiểm tra, gửi báo cáo").label
    'Các đơn vị được kiểm tra'
    """
    who = _subject_words(text, _ANY_SUBJECT)
    if who is None:
        return None
    return lead_of(parse_parties(who)) or party(who)


def subject_party(text: str) -> SingleParty | None:
    """The party a prose item opens with ("Bộ phận Tư pháp chịu trách nhiệm …", "Đề nghị Đảng ủy Ban hành …").

    >>> subject_party("Phòng Nội vụ có trách nhiệm theo dõi, hướng dẫn").label
    'Phòng Nội vụ'
    >>> subject_party("Tăng cường công tác kiểm tra") is None
    True
    >>> subject_party("Phòng Văn hóa và Thông tin trong quý III/2026 chủ trì tổ chức cuộc thi").label
    'Phòng Văn hóa và Thông tin'
    >>> subject_lead("UBND các xã, trước ngày 20/11 hằng năm, báo cáo kết quả").label
    'UBND các xã'
    >>> subject_party("Phòng Nội vụ trong năm 2026 đã hoàn thành việc sắp xếp.") is None
    True
    """
    who = _subject_words(text)
    return party(who) if who is not None else None
