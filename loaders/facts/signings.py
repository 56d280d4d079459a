"""Agreements: who the parties were, who signed, and for which project.

Two shapes are read. A ceremony or agreement sentence 'A与B举行…项目签约仪式'
/ 'A同B签订合作协议' gives the parties. A signing clause 'X与Y代表双方签署'
/ 'X代表县政府与…总经理Y签约' gives the signers, and with '代表<organ>' and the
signers' companies, more parties. Clauses about the same project are merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from loaders.facts.lexicon import lexicon
from loaders.facts.organizations import ORG_AFTER, Company, company_for, org_kind
from loaders.facts.sentences import Sentence
from loaders.facts.titles import trim_left

SIGN_WORD = re.compile(r"签约|签署|签订|签下|签字")
PAIR = re.compile(r"与|(?<!共)同(?!时|步|意|等|志)|和")  # not 同时, 共同, 同意
ON_BEHALF = re.compile(
    # '代表某市委、市人民政府': the party committee beside the government; the government signs.
    r"代表(?:[\u4e00-\u9fff]{0,8}?(?:市委|县委|区委|党委|党工委)、)?([\u4e00-\u9fff]{0,20}?(?:人民政府|政府|管委会|办事处|公司|集团|委员会|局|医院|大学|学校|中心))(?=与|和|同|签|分别|,|$)"
)
TRAILING_ADVERB = re.compile(r"(?:同时|也|还|又|正式|当天|随后|现场|分别)+$")
GENERIC_ORGAN = re.compile(r"^(县|区|市|镇|乡|街道)?(人民政府|政府|管委会|办事处|党委)$")
PLACE_PREFIX = re.compile(r"^((?:(?!副|常务|委)[\u4e00-\u9fff]){2,6}?(?:镇|乡|街道|县|区|市))(?!长)")


# '某县与某市某区签署框架协议': two places sign for their governments.
PLACE_SIGNS = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:省|市|区|县|旗|州))(?=签|就|达成|举行)")


class Party(NamedTuple):
    """A signing party as written, and its matching form."""

    name: str
    key: str


@dataclass
class SigningFact:
    project: str | None  # project key
    parties: list[str] = field(default_factory=list)  # as written
    party_keys: list[str] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)  # person keys
    sentence: str = ""
    rule: str = ""

    def add_party(self, name: str, key: str, first: bool = False) -> None:
        if key not in self.party_keys:
            at = 0 if first else len(self.parties)
            self.party_keys.insert(at, key)
            self.parties.insert(at, name)


def _is_org(key: str) -> bool:
    return len(key) >= 2 and (org_kind(key) != "other" or bool(re.search(r"医院|大学|学院|学校|中心|协会|商会", key)))


HOME = re.compile(r"我(市|县|区|镇|乡)$")


def home_governments(sentences: list[Sentence]) -> dict[str, Party]:
    """'安澜市人民政府' named anywhere in the article: what '我市' stands for, by level."""
    homes: dict[str, Party] = {}
    for sent in sentences:
        for m in re.finditer("人民政府", sent.match):
            a = max(0, m.start() - 12)
            a += max((p.end() for p in re.finditer(r"[^\u4e00-\u9fff]", sent.match[a : m.start()])), default=0)
            start = a + trim_left(sent.match[a : m.start()])
            place = sent.match[start : m.start()]
            if 2 <= len(place) <= 8 and place[-1] in "市县区镇乡" and not place.startswith("我"):
                homes.setdefault(place[-1], Party(sent.text[start : m.end()], sent.match[start : m.end()]))
    return homes


def ceremony_parties(
    sent: Sentence, companies: list[Company], person_keys: set[str],
    homes: dict[str, Party] | None = None,
) -> tuple[list[Party], tuple[int, int]]:
    """'A与B举行…签约仪式' / 'A同B签订合作协议' -> ([(name, key) of A, of B], clause span).

    'A' written '我市' is the city's government when the article names it.
    """
    text = sent.match
    if not SIGN_WORD.search(text) and "协议" not in text:
        return [], (0, 0)
    for clause in re.finditer(r"[^,;:。!?]+", text):
        c = clause.group()
        if not (SIGN_WORD.search(c) or "协议" in c):
            continue
        for pm in PAIR.finditer(c):
            signed = [w.end() for w in SIGN_WORD.finditer(c, 0, pm.start())]
            # '…代表双方签署A与B战略合作协议': the parties are named after the verb
            lead = signed[-1] if signed else 0
            left = c[lead : pm.start()]
            if any(k in left for k in person_keys):
                later = SIGN_WORD.search(c, pm.end())
                if later and PAIR.search(c, later.end()):
                    continue  # the signers first, then what they signed: 'A与B…协议'
                break  # 'X代表区政府与…签约': a signing clause, read by its signers
            left = TRAILING_ADVERB.sub("", left)  # '河西区同时与…': the party stands before the adverb
            lstart = trim_left(left)
            a_key = left[lstart:]
            home = HOME.search(left)
            if home and homes and home.group(1) in homes and lstart >= home.start():
                a_key = homes[home.group(1)].key
            else:
                home = None
            if not _is_org(a_key) and not a_key.startswith("我"):
                listed = _listed_companies(left, companies)
                zone = ZONE_SIGNS.match(c[pm.end() :])
                if len(listed) >= 2 and zone:
                    base = clause.start()
                    z_name = sent.text[base + pm.end() : base + pm.end() + len(zone.group(1))]
                    return [Party(z_name, zone.group(1)), *listed], clause.span()
                if len(listed) >= 2 and _LIST_TAIL.search(TRAILING_ADVERB.sub("", left)):
                    # 'A、B、C9家企业代表分别与副县长某某签订协议': the companies sign with officials,
                    # whose government the signing clause names if anything does.
                    return listed, clause.span()
            if not a_key or a_key.startswith("我") or a_key in person_keys or not _is_org(a_key) or "项目" in a_key \
                    or "、" in a_key:  # 'A公司、B公司分别与…': a list is read pair by pair (agreements.py)
                continue
            right = c[pm.end() :]
            b_key = None
            for comp in companies:
                for k in sorted(comp.keys, key=len, reverse=True):
                    if right.startswith(k) and (b_key is None or len(k) > len(b_key)):
                        b_key = k
            if b_key is None:
                m = ORG_AFTER.match(right) or PLACE_SIGNS.match(right)
                b_key = m.group(1) if m else None
            if not b_key or "项目" in b_key or "仪式" in b_key or b_key in person_keys or b_key == a_key:
                continue
            base = clause.start()
            a_name = sent.text[base + lead + lstart : base + lead + len(left)]
            if home and homes:
                a_name = homes[home.group(1)].name
            b_name = sent.text[base + pm.end() : base + pm.end() + len(b_key)]
            # ('…分别签署' pairs each company with its own project: agreements.py reads that)
            more = [] if "分别" in c else _listed_after(c, pm.end() + len(b_key), companies, base, sent.text)
            return [Party(a_name, a_key), Party(b_name, b_key), *more], clause.span()
    return [], (0, 0)


def _listed_after(c: str, pos: int, companies: list[Company], base: int, written: str) -> list[Party]:
    """'某区政府同A公司、B公司、C公司等8家企业举行签约仪式': the companies listed after the first."""
    out: list[Party] = []
    while c[pos : pos + 1] == "、":
        pos += 1
        key = max((k for comp in companies for k in comp.keys if c.startswith(k, pos)), key=len, default=None)
        if key is None:
            break
        out.append(Party(written[base + pos : base + pos + len(key)], key))
        pos += len(key)
    return out


# 'A、B、C等13家企业与开发区签订合作': the companies listed each sign with the zone.
# ('…等7家企业代表现场与某县政府进行项目签约': the government signs with each too.)
ZONE_SIGNS = re.compile(
    r"([\u4e00-\u9fff]{0,12}?(?:开发区|高新区|园区|新区|经开区|管委会|人民政府|政府))(?=(?:进行)?(?:项目)?签|就|达成|举行|正式|成功)"
)
_LIST_TAIL = re.compile(
    r"等?[0-9一二三四五六七八九十百]*家[\u4e00-\u9fff]{0,6}(?:企业|公司)(?:代表|负责人)?(?:现场|分别|共同)*$"
)


def _listed_companies(left: str, companies: list[Company]) -> list[Party]:
    """The known companies of a '、' list that ends ``left`` ('A、B、C等13家企业')."""
    items = _LIST_TAIL.sub("", left).split("、")
    found = []
    for item in items:
        comp = next((cm for cm in companies if any(item.endswith(k) for k in cm.keys)), None)
        if comp is not None:
            found.append(Party(comp.name, comp.key))
    return found if len(found) >= len(items) - 1 else []

GENERIC_ZONE = re.compile(r"^(?:开发区|高新区|园区|新区|经开区|管委会)$")


def full_zone(party: Party, sentences: list[Sentence]) -> Party:
    """'开发区' as the article names it in full where it does ('某某经济开发区')."""
    if not GENERIC_ZONE.match(party.key):
        return party
    named = []
    for sent in sentences:
        for m in re.finditer(party.key, sent.match):
            a = max(0, m.start() - 12)
            a += max((p.end() for p in re.finditer(r"[^\u4e00-\u9fff]", sent.match[a : m.start()])), default=0)
            start = a + trim_left(sent.match[a : m.start()])
            if m.start() - start >= 2:
                named.append(Party(sent.text[start : m.end()], sent.match[start : m.end()]))
    return max(named, key=lambda p: len(p.key), default=party)


def on_behalf(sent_match: str, sent_text: str, clause: tuple[int, int]) -> list[Party]:
    out = []
    a, b = clause
    for m in ON_BEHALF.finditer(sent_match, a, b):
        if m.group(1).startswith("双方") or SIGN_WORD.search(m.group(1)):
            continue  # '代表双方签署某区人民政府与某集团协议': the parties follow the verb
        if len(m.group(1)) >= 3 or GENERIC_ORGAN.match(m.group(1)):  # not '代表公司'
            out.append(Party(sent_text[m.start(1) : m.end(1)], m.group(1)))
    return out


def resolve_generic(party_key: str, party_name: str, signer_titles: list[tuple[str, str]]) -> Party:
    """'镇政府' signed by '石桥镇镇长' -> '石桥镇政府'; '管委会' -> the 管委会 in the title.

    ``signer_titles``: (as written, matching form) of each signer's titles, so a name built from a
    traditional-script title stays as written.
    """
    m = GENERIC_ORGAN.match(party_key)
    if not m:
        return Party(party_name, party_key)
    organ = m.group(2)
    level = m.group(1) or ""
    for written, title in signer_titles:
        same = len(written) == len(title)
        if organ in title:
            end = title.index(organ) + len(organ)
            if end > len(party_key):
                return Party(written[:end] if same else title[:end], title[:end])
        pm = PLACE_PREFIX.match(title)
        if level and pm and pm.group(1).endswith(level) and len(pm.group(1)) > len(level):
            place = written[: pm.end(1)] if same else pm.group(1)
            return Party(place + party_name[len(level) :], pm.group(1) + party_key[len(level) :])
    return Party(party_name, party_key)


def company_party(key: str, companies: list[Company]) -> Party:
    comp = company_for(key, companies)
    return Party(comp.name, comp.key) if comp else Party(key, key)


# '与A公司签订总投资15亿元的X项目、与B公司签订…的Y项目': each company signs for the project
# its own clause names.
WITH_COMPANY_SIGNS = re.compile(r"(?:与|同|和)([^,;:。!?、]{2,40}?)(?:签订|签署|签约|签下)")
SUBJECT_PLACE = re.compile(
    r"(?:[0-9一二三四五六七八九十]{1,4}月[0-9一二三四五六七八九十]{1,3}日(?:上午|下午|晚)?)?"
    # '山西长治市潞城区举行…': a province and city written in front of the county that acts.
    r"(?:[\u4e00-\u9fff]{2,3}省?[\u4e00-\u9fff]{2,3}市(?=[\u4e00-\u9fff]{2,4}?(?:县|区|旗)))?"
    r"([\u4e00-\u9fff]{2,6}?(?:县|市|区|旗|镇|乡)(?:人民政府|政府)?)(?=在|与|同|和|于|分别|先后|举行)"
)


def company_clauses(sent: Sentence, companies: list[Company]) -> list[tuple[int, int, Company]]:
    """(start, end, company) of what follows the verb of each '与<company>签订…' clause of the
    sentence, up to the next clause or ';'."""
    found: list[tuple[int, int, Company]] = []
    for m in WITH_COMPANY_SIGNS.finditer(sent.match):
        head = m.group(1)
        comp = next((c for c in companies for k in c.keys if head.startswith(k)), None)
        if comp is not None:
            found.append((m.start(), m.end(), comp))
    out = []
    for i, (_, verb_end, comp) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(sent.match)
        semicolon = sent.match.find(";", verb_end, end)
        # The project follows the verb ('签订…的X项目'), within the clause.
        out.append((verb_end, semicolon if semicolon >= 0 else end, comp))
    return out


def subject_place(sent: Sentence, before: int) -> Party | None:
    """'9月7日,从…传来喜讯,遂平县在…上与…签订': the place or government that leads a clause
    before the first '与', and signs with each company."""
    starts = [0] + [m.end() for m in re.finditer(r"[,;:]", sent.match[:before])]
    for start in reversed(starts):
        m = SUBJECT_PLACE.match(sent.match, start, before)
        if m and "代表" not in m.group(1) and not lexicon().head_re.search(m.group(1)):
            return Party(sent.text[m.start(1) : m.end(1)], m.group(1))
    return None
