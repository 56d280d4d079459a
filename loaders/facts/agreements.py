"""The article's signings, gathered by project: each rule below reads one shape of sentence and
files its parties and signers under the project it names (or the article's one project).

The shapes, in the order they are read:
1. a ceremony or agreement, 'A与B举行…项目签约仪式' / 'A同B签订合作协议' (parties);
2. a list of company projects signed together, 'A有限公司X项目、B集团Y项目…成功签约', with the
   government each list follows ('甲镇政府与A公司X项目、…和乙镇政府与…签约');
3. clauses that each name a company and its project, '与A公司签订…的X项目、与B公司签订…的Y项目';
4. clauses where people sign, 'X代表县政府与…总经理Y签约' (signers, and the bodies they act for).
"""

from __future__ import annotations

import re
from collections import Counter

from loaders.facts.organizations import Company, company_for
from loaders.facts.projects import AGREEMENT_AFTER, ProjectFact
from loaders.facts.reading import ArticleReading, SigningClause
from loaders.facts.script import to_matching
from loaders.facts.sentences import Sentence
from loaders.facts.signings import (
    SIGN_WORD,
    Party,
    SigningFact,
    ceremony_parties,
    company_clauses,
    company_party,
    full_zone,
    home_governments,
    on_behalf,
    resolve_generic,
    subject_place,
)
from loaders.facts.titles import trim_left

PLACE_SIGNED_LIST = re.compile(
    r"([\u4e00-\u9fff]{2,6}?(?:县|市|区|旗|镇|乡))(?:共|共计|此次|本次)?(?:签约|签下)(?:的|了)?"
    r"[0-9一二三四五六七八九十]+个(?:重点|招商)?项目(?:分别)?(?:是|为|包括|有)"
)

# '甲县、乙县和丙县分别与相关企业签订A项目、B项目和C项目': the n-th place signs the n-th project.
PLACES_EACH = re.compile(
    r"((?:[\u4e00-\u9fff]{2,6}?(?:县|区|市|旗|镇|乡)[、和及])+[\u4e00-\u9fff]{2,6}?(?:县|区|市|旗|镇|乡))"
    r"分别(?:与|同|和)[^,;:。!?]{0,20}?(?:签订|签署|签约|签下)"
)

MY_PLACE = re.compile(r"我(市|县|区)(?=分别|与|同|和|先后|在)")

THIS_SIGNING = re.compile(r"(?:此次|本次|这次|今天的|这一)?(?:签约|签署|合作)")

# '…见证了甲镇政府与投资1.5亿元的A公司X项目、投资6000万元的B公司Y项目和乙镇政府与C公司…正式签约':
# each government signs for the company projects listed after it.
GOVERNMENT_WITH = re.compile(
    r"(?:(?<=了)|(?<=[和及、,;:])|^)((?:(?!见证|了|并|与|和|代表)[\u4e00-\u9fff]){2,8}?(?:人民政府|政府|管委会|办事处))(?:与|同)"
)
CLAUSE_END = re.compile(r"[,;:。!?]")
GOVERNMENT_WORD = re.compile(r"政府|管委会|办事处")
HEAD_OF_GOVERNMENT = re.compile(r"(?:常务)?副?([县区市镇乡旗])长$")
# 'A公司、B公司、C公司分别与甲镇、乙镇、丙镇签约' and 'A公司、B公司分别与县人民政府签约《X项目》和《Y项目》':
# the n-th of the first list signs with the n-th of the second (or with its one party), for the
# n-th project named after the verb.
PAIRED_LISTS = re.compile(
    r"((?:[^,;:。!?、]{2,40}、)+[^,;:。!?、]{2,40}?)分别(?:与|同|和)((?:[^,;:。!?、]{2,24}、)*[^,;:。!?、]{2,24}?)"
    r"(?:签约|签订|签署|签下)"
)
PLACE_PARTY = re.compile(r"(?:省|市|县|区|镇|乡|街道|旗|政府|管委会|开发区|高新区|园区|边合区|新区|办事处)$")
# '某镇政府与A公司、B公司分别签订投资协议': the government signs with each, for each one's project.
GOVERNMENT_EACH = re.compile(
    r"((?:(?!见证|了|并|与|和|代表)[\u4e00-\u9fff]){2,12}?(?:人民政府|政府|管委会|办事处))(?:与|同|和)"
    r"([^,;:。!?]{4,160}?)分别(?:签署|签订|签约|签下)"
)

# '甲园区、乙产业园、县商务局主要负责人分别与客商签约': the bodies their heads sign for.
BODIES_SIGN = re.compile(
    r"(?:^|(?<=[,;:]))((?:[^,;:。!?、]{2,20}、)*[^,;:。!?、]{2,20}?)(?:主要)?负责人(?:分别)?(?:与|同|和)"
    r"[^,;:。!?]{0,12}?(?:签约|签订|签署)"
)
BODY_END = re.compile(r"(?:园区|产业园|工业园|开发区|高新区|新区|管委会|政府|局|办|委员会|中心)$")

# '5月19日,某管理区举行产业招商项目集中签约仪式': the body that holds a group signing signs with
# each company, whether or not a clause names it again.
HOST_SIGNS = re.compile(
    r"(?:^|[,;:。!?])((?:(?!我|本)[\u4e00-\u9fff]){2,12}?(?:管理区|开发区|高新区|经开区|新区|园区|区|县|市|镇|乡|旗))"
    r"(?:在[^,;:。!?]{1,20}?)?(?:举行|举办|召开)[^,;:。!?]{0,30}?(?:签约|签订|签署)"
)
STARTED = re.compile(r"开工|竣工|投产")
HOST_LEAD = 3  # the headline and the lead say who held it

WITH_LISTED = re.compile(
    r"(?:与|同|和)((?:[^,;:。!?、与和同]{2,30}、)+[^,;:。!?、与和同]{2,30}?)(?:进行|正式|现场|成功)?(?:签署|签订|签约|签下)"
)


def read_signings(reading: ArticleReading) -> None:
    book = _Agreements(reading)
    for rule in (book.ceremonies, book.company_projects, book.government_lists, book.government_each, book.paired_lists, book.company_clauses, book.place_lists,
                 book.places_each, book.company_lists, book.bodies_sign, book.signing_clauses, book.host_signs):
        rule()
    reading.signings = _without_restatements(book.facts)


def _post_place(place: str | None, title: str, level: str) -> str | None:
    """A post's division at ``level``: its place, or the division its title opens with ('河东市委书记')."""
    lead = re.match(rf"[\u4e00-\u9fff]{{2,6}}?{level}", title)
    found = place or (lead.group() if lead else None)
    return found if found and found.endswith(level) else None


def _without_restatements(facts: list[SigningFact]) -> list[SigningFact]:
    """'与A、B签订了X项目和Y项目': the list read without its projects restates the signings that
    name them, and says nothing of its own."""
    named = {k for f in facts if f.project is not None for k in f.party_keys}
    return [f for f in facts if f.project is not None or f.signers or not set(f.party_keys) <= named]


# '此次签约项目…', '今天签约的项目有三个': the sentence before a list of the projects signed.
SIGNED_PROJECTS = re.compile(r"签约的?项目")


class _Agreements:
    def __init__(self, reading: ArticleReading) -> None:
        self.reading = reading
        self.facts: list[SigningFact] = []

    # What the rules share ------------------------------------------------------------------

    @property
    def companies(self) -> list[Company]:
        return self.reading.companies

    @property
    def projects(self) -> list[ProjectFact]:
        return self.reading.projects

    def fact_for(self, project: str | None, sentence: str, rule: str) -> SigningFact:
        """The signing of ``project`` (or of no named project): clauses about one project merge."""
        for f in self.facts:
            if f.project == project:
                return f
        f = SigningFact(project=project, sentence=sentence, rule=rule)
        self.facts.append(f)
        return f

    def project_of_company(self, key: str) -> str | None:
        comp = company_for(key, self.companies)
        owned = [p for p in self.projects
                 if comp and any(company_for(c, self.companies) is comp for c in p.companies)]
        return owned[0].key if len(owned) == 1 else None

    def project_in(self, sent: Sentence, span: tuple[int, int]) -> str | None:
        for s, pm in self.reading.project_mentions:
            if s.index == sent.index and pm.key in sent.match[span[0] : span[1]]:
                fact = next((p for p in self.projects if pm.key in p.keys), None)
                if fact:
                    return fact.key
        return None

    def agreements_in(self, sent: Sentence, span: tuple[int, int]) -> list[str]:
        """Keys of the projects in ``span`` each written with its own agreement ('X项目意向协议')."""
        found: list[tuple[int, str]] = []
        for s, pm in self.reading.project_mentions:
            if s.index != sent.index:
                continue
            at = sent.match.find(pm.key, span[0], span[1])
            fact = next((p for p in self.projects if pm.key in p.keys), None)
            if at < 0 or fact is None or not AGREEMENT_AFTER.match(sent.match, at + len(pm.key)):
                continue
            if all(key != fact.key for _, key in found):
                found.append((at, fact.key))
        return [key for _, key in sorted(found)]

    def project_after(self, sent: Sentence) -> str | None:
        """'…在合约上签字。此次签约,标志着…X项目正式落地': the next sentence names what was signed."""
        nxt = next((s for s in self.reading.sentences if s.index == sent.index + 1), None)
        if nxt is None or not THIS_SIGNING.match(nxt.match):
            return None
        return self.project_in(nxt, (0, len(nxt.match)))

    def projects_listed_after(self, sent: Sentence) -> list[ProjectFact]:
        """'…与到会客商签约。本次签约项目为:A公司…X项目;B公司…Y项目': each one signed."""
        nxt = next((s for s in self.reading.sentences if s.index == sent.index + 1), None)
        if nxt is None or not THIS_SIGNING.match(nxt.match):
            return []
        found: list[ProjectFact] = []
        for s, pm in self.reading.project_mentions:
            fact = next((p for p in self.projects if pm.key in p.keys), None) if s.index == nxt.index else None
            if fact is not None and fact not in found:
                found.append(fact)
        return found

    def home_subject(self, sent: Sentence, before: int) -> Party | None:
        """'我市分别与A签订…': the city its officials' posts are in, where the article places them."""
        m = MY_PLACE.search(sent.match, 0, before)
        if m is None:
            return None
        level = m.group(1)
        places: Counter[str] = Counter()
        for person in self.reading.people.people.values():
            for pos in person.positions:
                place = _post_place(pos.place, pos.title, level)
                if place:
                    places[place] += 1
        if not places:
            return None
        # '某市委常委、某县级市市委书记': of the cities the posts name, the one the article keeps naming.
        text = "".join(x.match for x in self.reading.sentences)
        place = max(places, key=lambda p: (text.count(to_matching(p)[:-1]), places[p]))
        return Party(place, to_matching(place))

    def link(self, project: str | None, party_keys: list[str]) -> None:
        """The company that signs for a project invests in it."""
        fact = next((p for p in self.projects if project is not None and project in p.keys), None)
        if fact is None:
            return
        for key in party_keys:
            comp = company_for(key, self.companies)
            if comp and not any(company_for(c, self.companies) is comp for c in fact.companies):
                fact.companies.append(comp.key)

    # The rules -----------------------------------------------------------------------------

    def ceremonies(self) -> None:
        """'A与B举行…签约仪式': the parties, for the project the clause (or its sentence) names."""
        reading = self.reading
        person_keys = set(reading.people.people)
        homes = home_governments(reading.sentences)
        body_first = sorted(reading.sentences, key=lambda s: s.paragraph < 0)
        found_in_body = False
        for sent in body_first:
            if sent.paragraph < 0 and found_in_body:
                break  # the headline restates the body's parties, often in short form
            parties, span = ceremony_parties(sent, self.companies, person_keys, homes)
            if not parties:
                continue
            found_in_body = found_in_body or sent.paragraph >= 0
            several = self.agreements_in(sent, span)
            if len(several) >= 2:
                # 'A与B签订X项目意向协议、Y项目意向协议及Z项目意向协议': one agreement each.
                for key in several:
                    f = self.fact_for(key, sent.text, "signing-parties")
                    for party in parties:
                        f.add_party(*party)
                    self.link(key, [p.key for p in parties])
                continue
            project = self.project_in(sent, span)
            if project is None:
                # 'A与B签约仪式举行,总投资…的X项目正式落户': the project of the
                # ceremony is named in a later clause of the same sentence.
                project = self.project_in(sent, (span[1], len(sent.match)))
            if project is None:
                for party in parties:
                    project = project or self.project_of_company(party.key)
            f = self.fact_for(project, sent.text, "signing-parties")
            for party in parties:
                if company_for(party.key, self.companies):
                    party = company_party(party.key, self.companies)
                f.add_party(*full_zone(party, reading.sentences))
            self.link(project, [p.key for p in parties])

    def company_projects(self) -> None:
        """'共有A有限公司X项目、B集团Y项目等16个项目成功签约': each company signs for its
        own project, with the government written in front of it where there is one."""
        order = {id(sent): i for i, sent in enumerate(self.reading.sentences)}
        for sent, pm in self.reading.project_mentions:
            listed = self._signed_list(sent, order)
            if not pm.company_key or not (pm.bare or listed) or not (SIGN_WORD.search(sent.match) or listed):
                continue
            comp = company_for(pm.company_key, self.companies)
            fact = next((p for p in self.projects if pm.key in p.keys), None)
            if comp is None or fact is None:
                continue
            f = self.fact_for(fact.key, sent.text, "signing-company-project")
            if pm.government:
                f.add_party(pm.government, to_matching(pm.government))
            f.add_party(comp.name, comp.key)

    def _signed_list(self, sent: Sentence, order: dict[int, int]) -> bool:
        """'此次签约项目涉及…。其中…分别是:A公司建设X项目、…': the list after a sentence about the
        projects signed names them, unless it is a list of projects started."""
        i = order.get(id(sent))
        if not i or STARTED.search(sent.match):
            return False
        return SIGNED_PROJECTS.search(self.reading.sentences[i - 1].match) is not None

    def government_lists(self) -> None:
        """'甲镇政府与A公司X项目、B公司Y项目和乙镇政府与C公司、D公司的项目签约': the government
        is a party to each company project listed after it; companies without a project named sign
        with it all the same."""
        for sent in self.reading.sentences:
            if not SIGN_WORD.search(sent.match) or not GOVERNMENT_WORD.search(sent.match):
                continue
            govs = list(GOVERNMENT_WITH.finditer(sent.match))
            listed_before = False
            for i, g in enumerate(govs):
                brk = CLAUSE_END.search(sent.match, g.end())
                clause_end = brk.start() if brk else len(sent.match)
                if not SIGN_WORD.search(sent.match, g.end(), clause_end):
                    continue
                scope = (g.end(), min(govs[i + 1].start() if i + 1 < len(govs) else clause_end, clause_end))
                gov = Party(sent.text[g.start(1) : g.end(1)], g.group(1))
                listed = [pm for s, pm in self.reading.project_mentions if s.index == sent.index and pm.company_key
                          and scope[0] <= sent.match.find(pm.key, scope[0]) < scope[1]]
                for pm in listed:
                    fact = next((p for p in self.projects if pm.key in p.keys), None)
                    comp = company_for(pm.company_key or "", self.companies)
                    if fact is None or comp is None:
                        continue
                    f = self.fact_for(fact.key, sent.text, "signing-government-list")
                    f.add_party(*gov, first=True)
                    f.add_party(comp.name, comp.key)
                if listed:
                    listed_before = True
                    continue
                named = [c for c in self.companies if any(k in sent.match[scope[0] : scope[1]] for k in c.keys)]
                if named and listed_before:  # the list's last government, its companies' projects unnamed
                    f = self.fact_for(None, sent.text, "signing-government-list")
                    f.add_party(*gov, first=True)
                    for comp in named:
                        f.add_party(comp.name, comp.key)

    def government_each(self) -> None:
        """'某镇政府与A公司、B公司分别签订投资协议': one signing each, for the project each company
        has in the article."""
        for sent in self.reading.sentences:
            if "分别" not in sent.match or not GOVERNMENT_WORD.search(sent.match):
                continue  # the scan below is slow; most sentences lack its words
            for m in GOVERNMENT_EACH.finditer(sent.match):
                found = [company_for(item, self.companies) for item in re.split(r"[、和及]", m.group(2))]
                if len(found) < 2 or any(comp is None for comp in found):
                    continue
                gov = Party(sent.text[m.start(1) : m.end(1)], m.group(1))
                for comp in found:
                    if comp is None:
                        continue
                    project = self.project_of_company(comp.key)
                    f = self.fact_for(project, sent.text, "signing-government-each")
                    f.add_party(*gov, first=True)
                    f.add_party(comp.name, comp.key)

    def paired_lists(self) -> None:
        """'A公司、B公司分别与甲镇、乙镇签约': the n-th of one list with the n-th of the other (or the
        one party named), for the n-th project the clause names after the verb."""
        for sent in self.reading.sentences:
            if "分别" not in sent.match or "、" not in sent.match:
                continue
            for m in PAIRED_LISTS.finditer(sent.match):
                first = self.parties_of(sent, m.start(1), m.group(1))
                second = self.parties_of(sent, m.start(2), m.group(2))
                if first is None or second is None or len(first) < 2 or len(second) not in (1, len(first)):
                    continue
                brk = re.compile(r"[;。!?]").search(sent.match, m.end())
                stop = brk.start() if brk else len(sent.match)
                named = sorted({sent.match.find(pm.key, m.end()): pm for s, pm in self.reading.project_mentions
                                if s.index == sent.index and 0 <= sent.match.find(pm.key, m.end()) < stop}.items())
                facts = [next((p for p in self.projects if pm.key in p.keys), None) for _, pm in named]
                keys = [f.key for f in facts if f is not None]
                for i, party in enumerate(first):
                    other = second[i] if len(second) == len(first) else second[0]
                    # ('…分别与A、B签订了某某项目合作协议': one project all the pairs sign for)
                    project = keys[i] if len(keys) == len(first) else (keys[0] if len(keys) == 1 else None)
                    if project is None and company_for(party.key, self.companies):
                        project = self.project_of_company(party.key)
                    f = (self.fact_for(project, sent.text, "signing-paired-lists") if project is not None
                         else self.new_fact(sent.text, "signing-paired-lists"))
                    for p in (party, other):
                        f.add_party(*p)
                    self.link(project, [party.key, other.key])

    def parties_of(self, sent: Sentence, at: int, listed: str) -> list[Party] | None:
        """Each item of a '、' list as a party (a known company, or a place or body), or None where one
        is neither."""
        out: list[Party] = []
        pos = at
        for item in listed.split("、"):
            start = pos + trim_left(item)
            key = sent.match[start : pos + len(item)]
            comp = company_for(key, self.companies)
            if comp is not None:
                out.append(Party(comp.name, comp.key))
            elif PLACE_PARTY.search(key) and 2 <= len(key) <= 16:
                out.append(Party(sent.text[start : pos + len(item)], key))
            else:
                return None
            pos += len(item) + 1
        return out

    def new_fact(self, sentence: str, rule: str) -> SigningFact:
        """A signing of no named project that stands apart from the others (one pair of a list)."""
        f = SigningFact(project=None, sentence=sentence, rule=rule)
        self.facts.append(f)
        return f

    def company_clauses(self) -> None:
        """'某县…与A公司签订总投资15亿元的X项目、与B公司签订…的Y项目': A signs for X, B for Y,
        each with the place that leads the sentence."""
        for sent in self.reading.sentences:
            clauses = company_clauses(sent, self.companies)
            if len(clauses) < 2:
                continue
            subject = subject_place(sent, clauses[0][0]) or self.home_subject(sent, clauses[0][0])
            for start, end, comp in clauses:
                named = [
                    (sent.match.find(pm.key, start), pm) for s, pm in self.reading.project_mentions
                    if s.index == sent.index and 0 <= sent.match.find(pm.key, start) < end
                ]
                if not named:
                    continue
                # '与A集团签订X项目和Y项目': every project of the clause, the first wherever it stands.
                first_at = min(at for at, _ in named)
                brk = CLAUSE_END.search(sent.match, first_at)
                stop = brk.start() if brk else end
                for at, pm in sorted(named, key=lambda n: n[0]):
                    if at != first_at and at >= stop:
                        continue
                    fact = next((p for p in self.projects if pm.key in p.keys), None)
                    if fact is None:
                        continue
                    f = self.fact_for(fact.key, sent.text, "signing-company-clause")
                    if subject:
                        f.add_party(*subject, first=True)  # the home side first, as the other rules file it
                    f.add_party(comp.name, comp.key)
                    self.link(fact.key, [comp.key])

    def place_lists(self) -> None:
        """'某县签约的7个项目分别是:A项目…;B项目…': the county signed for each project listed."""
        for sent in self.reading.sentences:
            m = PLACE_SIGNED_LIST.search(sent.match)
            if m is None:
                continue
            party = Party(sent.text[m.start(1) : m.end(1)], m.group(1))
            for s, pm in self.reading.project_mentions:
                if s.index != sent.index or sent.match.find(pm.key, m.end()) < 0:
                    continue
                fact = next((p for p in self.projects if pm.key in p.keys), None)
                if fact is not None:
                    self.fact_for(fact.key, sent.text, "signing-place-list").add_party(*party, first=True)

    def places_each(self) -> None:
        """'甲县、乙县和丙县分别与相关企业签订A项目、B项目和C项目': each place for its own project."""
        for sent in self.reading.sentences:
            if "分别" not in sent.match:
                continue
            for m in PLACES_EACH.finditer(sent.match):
                names = re.split(r"[、和及]", m.group(1))
                end = next((c.start() for c in re.finditer(r"[;。!?]", sent.match[m.end() :])), None)
                stop = len(sent.match) if end is None else m.end() + end
                found: list[tuple[int, str]] = []
                for s, pm in self.reading.project_mentions:
                    at = sent.match.find(pm.key, m.end(), stop) if s.index == sent.index else -1
                    fact = next((p for p in self.projects if pm.key in p.keys), None) if at >= 0 else None
                    if fact is not None and all(key != fact.key for _, key in found):
                        found.append((at, fact.key))
                if len(found) != len(names):
                    continue
                offset = m.start(1)
                for name, (_, key) in zip(names, sorted(found), strict=True):
                    party = Party(sent.text[offset : offset + len(name)], name)
                    offset += len(name) + 1
                    self.fact_for(key, sent.text, "signing-places-each").add_party(*party, first=True)

    def company_lists(self) -> None:
        """'第一轮与A公司、B公司签署项目合作协议': each company listed after 与 is a party."""
        for sent in self.reading.sentences:
            for m in WITH_LISTED.finditer(sent.match):
                items = m.group(1).split("、")
                found = [company_for(item, self.companies) for item in items]
                if any(comp is None for comp in found):
                    continue
                f = self.fact_for(self.project_in(sent, m.span()), sent.text, "signing-company-list")
                # '某区举行集中签约仪式,分别与A公司、B公司进行签约': the place that holds it signs with each.
                subject = subject_place(sent, m.start())
                if subject is not None:
                    f.add_party(*subject, first=True)
                for comp in found:
                    if comp is not None:
                        f.add_party(comp.name, comp.key)

    def bodies_sign(self) -> None:
        """'甲园区、乙局负责人分别与客商签约': each body listed is a party."""
        for sent in self.reading.sentences:
            if "负责人" not in sent.match:
                continue
            for m in BODIES_SIGN.finditer(sent.match):
                pos, bodies = m.start(1), []
                for item in m.group(1).split("、"):
                    if BODY_END.search(item) and item[:1] not in "的和及与":
                        bodies.append(Party(sent.text[pos : pos + len(item)], item))
                    pos += len(item) + 1
                if len(bodies) != m.group(1).count("、") + 1:
                    continue
                f = self.fact_for(self.project_in(sent, m.span()), sent.text, "signing-bodies")
                for body in bodies:
                    f.add_party(*full_zone(body, self.reading.sentences))

    def signing_clauses(self) -> None:
        """'X代表县政府与…总经理Y签约': the signers, the bodies they act for and their companies."""
        people = self.reading.people.people
        real = [p for p in self.projects if p.rule == "project-name"]
        for clause in self.reading.signing_clauses:
            sent, seg, signers = clause
            seg_text = sent.match[seg[0] : seg[1]]
            party_list: list[Party] = []
            titles_m = [(pos.title, to_matching(pos.title)) for k in signers for pos in people[k].positions]
            for party in on_behalf(sent.match, sent.text, seg):
                party_list.append(resolve_generic(party.key, party.name, titles_m))
            if self.each_its_own(clause, party_list):
                continue
            for k in signers:
                for pos in people[k].positions:
                    if pos.org:
                        party_list.append(company_party(to_matching(pos.org), self.companies))
            for comp in self.companies:
                if any(k in seg_text for k in comp.keys):
                    party_list.append(Party(comp.name, comp.key))
            project = self.project_in(sent, seg)
            listed = self.projects_listed_after(sent) if project is None else []
            if len(listed) >= 2:
                for fact in listed:
                    f = self.fact_for(fact.key, sent.text, "signing-clause-list")
                    for party in [*party_list, *(company_party(c, self.companies) for c in fact.companies)]:
                        f.add_party(*party)
                    f.signers += [k for k in signers if k not in f.signers]
                continue
            project = project or self.project_after(sent)
            for party in party_list:
                if project is None and company_for(party.key, self.companies):
                    project = self.project_of_company(party.key)
            if project is None and len(real) == 1:
                project = real[0].key
            f = self.fact_for(project, sent.text, "signing-clause")
            for party in party_list:
                f.add_party(*party)
            self.link(project, [p.key for p in party_list])
            for k in signers:
                if k not in f.signers:
                    f.signers.append(k)

    def host_signs(self) -> None:
        if not self.facts or any(PLACE_PARTY.search(k) for f in self.facts for k in f.party_keys):
            return
        for sent in self.reading.sentences[:HOST_LEAD]:
            m = HOST_SIGNS.search(sent.match)
            if m:
                for f in self.facts:
                    f.add_party(sent.text[m.start(1) : m.end(1)], m.group(1), first=True)
                return

    def each_its_own(self, clause: SigningClause, common: list[Party]) -> bool:
        """'X代表管委会,分别与A公司总监甲,B公司经理乙签订投资协议' after a sentence
        listing as many projects: the n-th company signs for the n-th project.

        Returns False (and files nothing) where the sentence is not of that shape.
        """
        sent, seg, signers = clause
        seg_text = sent.match[seg[0] : seg[1]]
        # '…分别与A公司总监甲,B公司经理乙签订' or '与A公司、B公司分别签订了X项目、Y项目'
        if not re.search(r"分别(?:与|同|和)|(?:与|同|和)[^,;:。!?]{4,200}?分别(?:签订|签署|签约)", seg_text):
            return False
        where: list[tuple[int, Company]] = []
        for comp in self.companies:
            hits = [i for i in (seg_text.find(k) for k in comp.keys) if i >= 0]
            if hits:
                where.append((min(hits), comp))
        where.sort(key=lambda w: w[0])
        if len(where) < 2:
            return False
        listed = self.listed_projects(sent, len(where))
        if listed is None:
            return False
        lead = [k for k in signers if 0 <= seg_text.find(k) < where[0][0]]
        if not common:
            common = self.signers_governments(lead)
        for i, (pos, comp) in enumerate(where):
            end = where[i + 1][0] if i + 1 < len(where) else len(seg_text)
            own = [k for k in signers if pos <= seg_text.find(k, pos) < end and k not in lead]
            f = self.fact_for(listed[i], sent.text, "signing-each-its-own")
            for party in [*common, Party(comp.name, comp.key)]:
                f.add_party(*party)
            self.link(listed[i], [comp.key])
            for k in [*lead, *own]:
                if k not in f.signers:
                    f.signers.append(k)
        return True

    def signers_governments(self, keys: list[str]) -> list[Party]:
        """'县长某某与A公司、B公司分别签订…': a head of government signs for it ('某县人民政府')."""
        for k in keys:
            for pos in self.reading.people.people[k].positions:
                title = to_matching(pos.title)
                head = HEAD_OF_GOVERNMENT.search(title)
                place = _post_place(pos.place, title[: head.start()], head.group(1)) if head else None
                if place:
                    name = place + "人民政府"
                    return [Party(name, to_matching(name))]
        return []

    def listed_projects(self, sent: Sentence, count: int) -> list[str] | None:
        """Keys of the projects named, in order, by the nearest sentence up to
        ``sent`` that names exactly ``count`` of them."""
        by_sentence: dict[int, list[tuple[int, str]]] = {}
        for s, pm in self.reading.project_mentions:
            if s.paragraph < 0 or s.index > sent.index:
                continue
            fact = next((p for p in self.projects if pm.key in p.keys), None)
            if fact is None:
                continue
            found = by_sentence.setdefault(s.index, [])
            if all(key != fact.key for _, key in found):
                found.append((s.match.find(pm.key), fact.key))
        for index in sorted(by_sentence, reverse=True):
            found = sorted(by_sentence[index])
            if len(found) == count:
                return [key for _, key in found]
        return None
