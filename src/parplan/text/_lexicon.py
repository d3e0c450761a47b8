"""The syllables of plan Vietnamese, folded: words the OCR repair must never take for damaged ones.

Every folded syllable written with its diacritics in the project's own plan text
(the example plans, the phrase corpora, the documentation of the domain), checked
to be a well-formed Vietnamese syllable, and the number words. A token of a scanned
phrase that is one of these is a word as written, even where it would also be a
scanned form of a keyword ("truc" is "trực" as in "trực tuyến", not only a damaged
"trước"); such tokens are repaired only where the keyword's context says so (see
:data:`parplan.text.normalize.KEYWORDS`).
"""

from __future__ import annotations

from typing import Final

__all__ = ["ABBREVIATIONS", "PLAN_SYLLABLES"]

ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    (
        "ubnd", "hdnd", "ubmttq", "mttq", "cchc", "tthc", "cntt", "cbcc", "cbccvc", "vbqppl", "qppl", "dvc",
        "dvctt", "htqlcl", "snv", "pnv", "ubtvqh", "ttg", "bnv", "vpcp", "cqhc", "dvsncl", "kt", "xh", "ct",
    )
)  # fmt: skip
"""Abbreviations of plan text, folded ("UBND", "CCHC", "TTHC")."""

PLAN_SYLLABLES: Final[frozenset[str]] = frozenset(
    (
    "am", "an", "anh", "ap", "ba", "bac", "bach", "bai", "bam", "ban", "bang", "bao", "bat", "bau", "bay", "ben",
    "bi", "bien", "biet", "bieu", "binh", "bo", "boi", "bon", "bu", "buoc", "buu", "ca", "cac", "cach", "cai",
    "can", "canh", "cao", "cap", "cat", "cau", "chac", "cham", "chan", "chanh", "chap", "chat", "chau", "che",
    "cheo", "chi", "chien", "chieu", "chin", "chinh", "chiu", "chong", "chot", "chu", "chua", "chuan", "chuc",
    "chung", "chuong", "chuyen", "co", "con", "cong", "cot", "cu", "cua", "cuc", "cung", "cuoc", "cuoi", "cuong",
    "cuu", "da", "dac", "dai", "dam", "dan", "dang", "danh", "dao", "dap", "dat", "dau", "day", "de", "den", "deu",
    "di", "dia", "dich", "diem", "dien", "dieu", "dinh", "do", "doan", "doc", "doi", "don", "dong", "dot", "du",
    "dua", "duc", "dung", "duoc", "duoi", "duong", "dut", "duyet", "gach", "gan", "gay", "gia", "giai", "giam",
    "gian", "giao", "giay", "gio", "gioi", "giu", "giua", "goi", "gom", "gon", "gop", "gui", "guong", "ha", "hai",
    "han", "hang", "hanh", "he", "hen", "het", "hien", "hieu", "hinh", "ho", "hoa", "hoac", "hoach", "hoan",
    "hoat", "hoc", "hoi", "hon", "hop", "huan", "hue", "hung", "huong", "hut", "huu", "huyen", "i", "ich", "inh",
    "it", "ke", "kem", "keo", "ket", "kha", "khac", "khan", "khanh", "khao", "khau", "khia", "khich", "khieu",
    "kho", "khoa", "khoan", "khoang", "khoi", "khong", "khuyen", "kiem", "kien", "kinh", "kip", "ky", "la", "lai",
    "lam", "lan", "lanh", "lap", "lay", "le", "len", "lenh", "lich", "lien", "liet", "lieu", "linh", "lo", "loai",
    "loi", "long", "lop", "luan", "luat", "luc", "luong", "luu", "ly", "ma", "mac", "mang", "manh", "mat", "mau",
    "may", "me", "mem", "minh", "mo", "moc", "moi", "mon", "mot", "muc", "mung", "muoi", "muon", "muu", "nai",
    "nam", "nang", "nao", "nay", "nen", "neu", "ngach", "ngai", "ngan", "nganh", "ngay", "nghe", "nghi", "nghia",
    "nghiem", "nghien", "nghiep", "nghin", "ngoai", "ngoc", "ngu", "ngung", "nguoi", "nguon", "nguyen", "nha",
    "nham", "nhan", "nhap", "nhat", "nhiem", "nhieu", "nhin", "nho", "nhom", "nhu", "nhung", "niem", "no", "noi",
    "nong", "nop", "nua", "nuoc", "o", "pha", "phai", "pham", "phan", "phap", "phat", "phe", "phep", "phi",
    "phien", "phieu", "pho", "phoi", "phong", "phu", "phuc", "phung", "phuong", "qua", "quan", "quang", "quoc",
    "quy", "quyen", "quyet", "ra", "rieng", "ro", "roi", "rong", "rut", "sac", "sach", "san", "sang", "sanh",
    "sap", "sat", "sau", "se", "so", "soan", "soat", "som", "son", "sot", "su", "sua", "suot", "tac", "tai", "tam",
    "tang", "tao", "tap", "tat", "tay", "te", "ten", "tep", "tet", "thac", "thai", "tham", "than", "thang",
    "thanh", "thao", "thap", "that", "the", "thi", "thien", "thiet", "thieu", "thinh", "tho", "thoa", "thoai",
    "thoat", "thoi", "thong", "thu", "thua", "thuan", "thuc", "thuoc", "thuong", "thuy", "ti", "tich", "tien",
    "tiep", "tiet", "tieu", "tim", "tin", "tinh", "to", "toan", "toi", "ton", "tong", "top", "tot", "tra", "trach",
    "trai", "tram", "tran", "trang", "tranh", "tre", "tren", "tri", "trich", "trien", "triet", "trieu", "trinh",
    "tro", "tron", "trong", "tru", "truc", "trung", "truoc", "truong", "truyen", "tu", "tuan", "tuc", "tung",
    "tuong", "tuyen", "ty", "ung", "uoc", "uong", "uy", "va", "van", "vao", "vat", "ve", "vi", "viec", "vien",
    "viet", "voi", "von", "vong", "vu", "vua", "vuc", "vung", "vuong", "vuot", "xa", "xac", "xay", "xep", "xet",
    "xiet", "xu", "xuan", "xuat", "xuong", "xuyen", "y", "yen", "yet", "yeu",
    )
)
"""452 folded syllables of plan text ("ban", "hanh", "ke", "hoach" …)."""
