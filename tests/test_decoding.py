"""Decoding: every encoding a county news file comes in, and the files we refuse."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from loaders.decoding import DecodingError, decode_bytes

PAGES = Path(__file__).parent / "fixtures" / "pages"

SIMPLIFIED = (
    "南岗区召开安全生产工作会议\n\n本报讯 5月5日，南岗区召开安全生产工作会议。"
    "区委常委、副区长丁文博出席会议并讲话。会议要求，各部门要压紧压实安全生产责任。\n"
)
TRADITIONAL = (
    "東河縣召開鄉村振興工作會議\n\n本報訊 3月8日，東河縣召開鄉村振興工作會議。"
    "縣委書記馬志遠出席會議並講話，縣長孫立平主持會議。\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
    ],
)
def test_simplified_text_decodes_in_every_encoding(data: bytes, encoding: str) -> None:
    text, used = decode_bytes(data)
    assert text == SIMPLIFIED
    assert used == encoding


def test_big5_traditional_text_is_read_as_big5() -> None:
    text, used = decode_bytes(TRADITIONAL.encode("big5"))
    assert text == TRADITIONAL
    assert used == "big5"


def test_traditional_text_in_gb18030_is_not_mistaken_for_big5() -> None:
    text, used = decode_bytes(TRADITIONAL.encode("gb18030"))
    assert (text, used) == (TRADITIONAL, "gb18030")


def test_traditional_text_in_utf8_stays_traditional() -> None:
    text, _ = decode_bytes(TRADITIONAL.encode("utf-8"))
    assert "東河縣" in text


def test_utf16_without_bom_is_still_recognised() -> None:
    text, used = decode_bytes(SIMPLIFIED.encode("utf-16-le"))
    assert (text, used) == (SIMPLIFIED, "utf-16")


def test_windows_and_old_mac_newlines_become_unix() -> None:
    text, _ = decode_bytes(SIMPLIFIED.replace("\n", "\r\n").encode("gb18030"))
    assert "\r" not in text
    assert text == SIMPLIFIED
    text, _ = decode_bytes(SIMPLIFIED.replace("\n", "\r").encode("utf-8"))
    assert text == SIMPLIFIED


def test_gb18030_fixture_file() -> None:
    data = (PAGES / "gb18030_page.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, used = decode_bytes(data)
    assert used == "gb18030"
    assert "南岗日报" in text


def test_seed_pages_decode_from_gb18030_not_big5() -> None:
    seeds = Path(__file__).parents[2] / "shared" / "seeds"
    files = sorted(seeds.glob("*.txt"))
    if not files:
        pytest.skip("seed pages not present")
    for path in files:
        original = path.read_text(encoding="utf-8")
        text, used = decode_bytes(original.encode("gb18030"))
        assert used == "gb18030"
        assert text == original.replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\r\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "NUL"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "NUL"),
        (b"Minutes of the meeting, 26 July 2022.\nNo Chinese here.\n", "no Chinese"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodingError) as info:
        decode_bytes(data)
    message = str(info.value)
    assert reason in message
    assert "\n" not in message


def test_random_high_bytes_are_refused() -> None:
    # Bytes that every multi-byte codec can read, but only as gibberish.
    junk = bytes((i * 37 + 129) % 126 + 129 for i in range(3000))
    with pytest.raises(DecodingError):
        decode_bytes(junk)


def test_decoding_error_is_a_value_error() -> None:
    assert issubclass(DecodingError, ValueError)


def test_gb18030_with_crlf_and_a_rare_name_character() -> None:
    # 䶮 (CJK Extension A) is outside GBK; only GB18030 encodes it.
    page = "柘溪县召开工作会议\r\n\r\n3月8日，副县长韩䶮出席会议。\r\n"
    text, encoding = decode_bytes(page.encode("gb18030"))
    assert encoding == "gb18030"
    assert text == page.replace("\r\n", "\n")
