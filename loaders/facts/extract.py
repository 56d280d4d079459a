"""ArticleText -> Article: run the rules over the sentences and gather the facts."""

from __future__ import annotations

import re
from collections.abc import Callable

from guanxi.facts import (
    ROLES,
    Article,
    Attendee,
    Event,
    Organization,
    Person,
    Position,
    Project,
    Publication,
    Signing,
)
from loaders.article_text import ArticleText
from loaders.facts.events import (
    REPORTED,
    Mention,
    assign_roles,
    event_name,
    event_place,
    event_type,
    has_strong_verb,
)
from loaders.facts.lexicon import lexicon
from loaders.facts.offices import (
    Homes,
    PageHomes,
    explicit_level,
    find_homes,
    merged,
    office_place,
    title_level,
)
from loaders.facts.organizations import (
    Company,
    OrgMention,
    company_for,
    find_companies,
    merge_companies,
    org_kind,
)
from loaders.facts.people import PersonMention, find_people
from loaders.facts.projects import (
    ProjectFact,
    ProjectMention,
    attach_aliases,
    drop_place_prefixes,
    find_projects,
    link_investors,
    merge_projects,
)
from loaders.facts.script import to_matching
from loaders.facts.sentences import Sentence, split_sentences
from loaders.facts.signings import (
    SIGN_WORD,
    SigningFact,
    ceremony_parties,
    company_clauses,
    company_party,
    home_governments,
    on_behalf,
    resolve_generic,
    subject_place,
)


class _People:
    """People of one article, merged by name."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.title_keys: dict[str, set[str]] = {}
        self.by_sentence: dict[int, list[PersonMention]] = {}

    def add(self, sent: Sentence, men: PersonMention, companies: list[Company]) -> None:
        self.by_sentence.setdefault(sent.index, []).append(men)
        person = self.people.get(men.key)
        if person is None:
            person = Person(name=men.name, kind="official", sentence=sent.text, rule=men.rule)
            self.people[men.key] = person
            self.title_keys[men.key] = set()
        for t in men.titles:
            tkey = to_matching(t.title)
            if any(_same_post(tkey, seen) for seen in self.title_keys[men.key]):
                continue
            self.title_keys[men.key].add(tkey)
            org = None
            if t.org:
                comp = company_for(to_matching(t.org), companies)
                org = comp.name if comp else t.org
            person.positions.append(Position(title=t.title, org=org, sentence=sent.text, rule=men.rule))
            if t.executive:
                person.kind = "executive"


def _same_post(a: str, b: str) -> bool:
    """One post written with and without its place ('宁川市委书记' in a headline, '市委书记' in the
    body). A deputy is another post: '副区长' is not '区长'."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    prefix = long[: len(long) - len(short)]
    return long.endswith(short) and not prefix.endswith(("副", "常务", "常务副"))


def _place_offices(people: _People, sentences: list[Sentence], companies: list[Company],
                   publication: Publication, page_homes: Homes | PageHomes | None) -> None:
    """Each official's post gets the division it belongs to ('区长' -> the story's district)."""
    if not any(p.kind == "official" and p.positions for p in people.people.values()):
        return  # nothing to place: spare the scan for division names
    homes = find_homes(sentences, [k for c in companies for k in c.keys], [publication.name or ""])
    if page_homes is not None and not all(lvl in homes.written for lvl in ("county", "city", "province")):
        homes = merged(homes, page_homes.get() if isinstance(page_homes, PageHomes) else page_homes)
    for person in people.people.values():
        if person.kind != "official":
            continue
        for pos in person.positions:
            pos.place = office_place(to_matching(pos.title), pos.title, homes)
        # '杭州市委副书记、市长': the 市长 is of the city the person's other post names.
        explicit = [explicit_level(to_matching(p.title)) for p in person.positions]
        named = {lvl: p.place for p, lvl in zip(person.positions, explicit, strict=True) if lvl}
        for pos, own in zip(person.positions, explicit, strict=True):
            level = title_level(to_matching(pos.title))
            if level in named and own is None:
                pos.place = named[level]
        # '宣传部部长', '管委会主任' name no level: the post sits where the person's other posts
        # do ('区委常委、宣传部部长'), or in the story's own division.
        fallback = next((p.place for p in person.positions if p.place), None) or homes.lowest()
        for pos in person.positions:
            if pos.place is None and title_level(to_matching(pos.title)) is None:
                pos.place = fallback


# A lead that reports something happening: '县委书记甲,县长乙等四大班子领导与干部群众一起植树'.
LEAD_EVENT = re.compile(r"举行|召开|举办|开展|会见|会谈|座谈|调研|考察|视察|走访|参加|出席|植树|签约|签署|开工|慰问|看望|观摩|收看|督导|检查")


def _named_in_lead(sentences: list[Sentence], people: _People, roles: dict[str, list[str]],
                   role_sentence: dict[str, str], role_rule: dict[str, str]) -> None:
    """Officials named with their titles in the lead of an event report were there, whatever verb
    the lead uses: the lead is the event."""
    lead = [s for s in sentences if s.paragraph == 0][:2]
    if not roles or not any(LEAD_EVENT.search(s.match) for s in lead):
        return
    for sent in lead:
        if REPORTED.search(sent.match):
            continue
        for men in people.by_sentence.get(sent.index, []):
            if men.key not in roles and men.titles:
                roles[men.key] = ["attended"]
                role_sentence.setdefault(men.key, sent.text)
                role_rule[men.key] = "named-in-lead"


# '与会县领导共同见证签约', '我县领导一行见证了签约': the officials present witnessed it. Not
# '在与会领导的共同见证下' (the shared answers give that phrase to nobody).
COLLECTIVE_WITNESS = re.compile(r"(?<!在)(?:与会|领导|一行)[^,;。的]{0,8}?见证(?![^,;。]{0,12}下)")


def _collective_witness(sentences: list[Sentence], people: _People, roles: dict[str, list[str]],
                        role_sentence: dict[str, str]) -> None:
    for sent in sentences:
        m = COLLECTIVE_WITNESS.search(sent.match)
        if m is None or any(m.start() <= men.start < m.end() for men in people.by_sentence.get(sent.index, [])):
            continue
        for key, rs in roles.items():
            person = people.people.get(key)
            if person is None or person.kind != "official" or "signed" in rs or "witnessed" in rs:
                continue
            rs.append("witnessed")
            role_sentence.setdefault(key, sent.text)


def _bare_mentions(sent: Sentence, known: set[str], taken: list[PersonMention]) -> list[Mention]:
    """Known names written without a title in this sentence ('彭照辉代表区委…')."""
    lex = lexicon()
    out: list[Mention] = []
    spans = [(m.start, m.end) for m in taken]
    for key in known:
        for m in re.finditer(re.escape(key), sent.match):
            a, b = m.span()
            if any(a < y and x < b for x, y in spans):
                continue
            rest = sent.match[b:]
            if rest[:1] and not re.match(r"[,;:。!?、]", rest[:1]) and not lex.follower_re.match(rest):
                continue
            prev = sent.match[a - 1 : a]
            if prev and "\u4e00" <= prev <= "\u9fff" and prev not in "在由与和及同、请对向为给陪":
                continue
            out.append(Mention(key, a, b))
            spans.append((a, b))
    return out


def _segments(text: str) -> list[tuple[int, int]]:
    """Parts of a sentence that each hold one signing: cut at ';' and at the
    first clause break after every signing verb ('A与B签约,C与D签约')."""
    cuts = {m.end() for m in re.finditer(r";", text)}
    for m in SIGN_WORD.finditer(text):
        brk = re.compile(r"[,;。]").search(text, m.end())
        if brk:
            cuts.add(brk.end())
    out, start = [], 0
    for cut in sorted(cuts):
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def extract_article(article: ArticleText, publication: Publication,
                    page_homes: Homes | PageHomes | None = None) -> Article:
    headlines = [article.title] + ([article.subtitle] if article.subtitle else [])
    sentences = split_sentences(headlines, article.paragraphs)

    company_mentions: list[OrgMention] = []
    for sent in sentences:
        company_mentions.extend(find_companies(sent))
    companies = merge_companies(company_mentions)

    project_mentions: list[tuple[Sentence, ProjectMention]] = []
    for sent in sentences:
        project_mentions.extend((sent, pm) for pm in find_projects(sent, companies))
    drop_place_prefixes([pm for _, pm in project_mentions], [s.match for s in sentences], companies, publication.name)
    extra = [
        OrgMention(pm.full[: len(pm.company_key)], pm.company_key, sent.text, "company-project-prefix")
        for sent, pm in project_mentions
        if pm.company_key and company_for(pm.company_key, companies) is None
    ]
    if extra:
        companies = merge_companies(company_mentions + extra)
    projects, alias_mentions = merge_projects([pm for _, pm in project_mentions])

    found_people = [(sent, men) for sent in sentences for men in find_people(sent)]
    # Company names in front of executive titles ('鑫华锂电董事长') are companies too.
    title_orgs = [
        OrgMention(t.org, to_matching(t.org), sent.text, "company-before-title")
        for sent, men in found_people
        for t in men.titles
        if t.org and org_kind(to_matching(t.org)) == "company"
        and to_matching(t.org) not in {k for c in companies for k in c.keys}
    ]
    if title_orgs:
        company_mentions += title_orgs
        companies = merge_companies(company_mentions + extra)
    people = _People()
    for sent, men in found_people:
        people.add(sent, men, companies)
    _place_offices(people, sentences, companies, publication, page_homes)
    known = set(people.people)

    roles: dict[str, list[str]] = {}
    role_sentence: dict[str, str] = {}
    signing_clauses: list[tuple[Sentence, tuple[int, int], list[str]]] = []
    strong_article = False
    weak_only: dict[str, list[str]] = {}
    weak_sentence: dict[str, str] = {}
    for sent in sentences:
        titled = people.by_sentence.get(sent.index, [])
        mentions = [Mention(m.key, m.start, m.end) for m in titled]
        mentions += _bare_mentions(sent, known, titled)
        mentions.sort(key=lambda m: m.start)
        if not mentions:
            continue
        sent_roles = assign_roles(sent, mentions)
        if sent_roles and has_strong_verb(sent.match):
            strong_article = True
        elif sent_roles:
            weak_only.update(sent_roles)
            for key in sent_roles:
                weak_sentence.setdefault(key, sent.text)
            continue
        for key, rs in sent_roles.items():
            bucket = roles.setdefault(key, [])
            role_sentence.setdefault(key, sent.text)
            for r in rs:
                if r not in bucket:
                    bucket.append(r)
        if SIGN_WORD.search(sent.match):
            for seg in _segments(sent.match):
                signers = [
                    m.key for m in mentions
                    if seg[0] <= m.start < seg[1] and "signed" in sent_roles.get(m.key, [])
                ]
                if signers and SIGN_WORD.search(sent.match[seg[0] : seg[1]]):
                    signing_clauses.append((sent, seg, signers))

    if strong_article:
        for key, rs in weak_only.items():
            roles.setdefault(key, []).extend(r for r in rs if r not in roles.get(key, []))
            role_sentence.setdefault(key, weak_sentence[key])
    role_rule: dict[str, str] = {}
    _named_in_lead(sentences, people, roles, role_sentence, role_rule)
    _collective_witness(sentences, people, roles, role_sentence)
    events: list[Event] = []
    attendees = [
        Attendee(
            name=people.people[key].name,
            roles=sorted(rs, key=ROLES.index) or ["attended"],  # type: ignore[arg-type]
            sentence=role_sentence.get(key), rule=role_rule.get(key, "role-verb"),
        )
        for key, rs in roles.items()
        if key in people.people
    ]
    if attendees:
        first = next((s for s in sentences if s.paragraph >= 0), sentences[0])
        events.append(Event(
            name=event_name(article.title),
            type=event_type(sentences[0].match, first.match),  # type: ignore[arg-type]
            date=article.date, place=event_place([s.text for s in sentences[:4]]),
            attendees=attendees, sentence=first.text, rule="event-from-headline",
        ))

    link_investors(sentences, projects, companies)
    signings = _signings(sentences, signing_clauses, companies, projects, project_mentions, people)
    attach_aliases(projects, alias_mentions, companies)

    organizations = [
        Organization(name=c.name, kind="company", aliases=c.aliases, sentence=c.sentence, rule=c.rule)
        for c in companies
    ]
    seen = {k for c in companies for k in c.keys}
    for s in signings:
        for name, key in zip(s.parties, s.party_keys, strict=True):
            if key not in seen:
                seen.add(key)
                organizations.append(Organization(name=name, kind=org_kind(key), sentence=s.sentence,  # type: ignore[arg-type]
                                                  rule="signing-party"))

    return Article(
        title=article.title,
        subtitle=article.subtitle,
        date=article.date,
        bylines=article.bylines,
        people=list(people.people.values()),
        organizations=organizations,
        events=events,
        projects=[_project(p, companies) for p in projects],
        signings=[
            Signing(
                project=_project_name(s.project, projects), parties=s.parties,
                signers=[people.people[k].name for k in s.signers if k in people.people],
                date=article.date, sentence=s.sentence, rule=s.rule,
            )
            for s in signings
        ],
        text="\n".join(article.paragraphs),
    )


def _project(p: ProjectFact, companies: list[Company]) -> Project:
    names = []
    for key in p.companies:
        comp = company_for(key, companies)
        name = comp.name if comp else key
        if name not in names:
            names.append(name)
    aliases = [a for a in dict.fromkeys(p.aliases) if a != p.name]
    return Project(name=p.name, aliases=aliases, companies=names, place=p.place, sentence=p.sentence, rule=p.rule)


def _project_name(key: str | None, projects: list[ProjectFact]) -> str | None:
    if key is None:
        return None
    for p in projects:
        if key in p.keys:
            return p.name
    return None


def _project_in(sent: Sentence, seg: tuple[int, int], mentions: list[tuple[Sentence, ProjectMention]],
                projects: list[ProjectFact]) -> str | None:
    for s, pm in mentions:
        if s.index == sent.index and pm.key in sent.match[seg[0] : seg[1]]:
            fact = next((p for p in projects if pm.key in p.keys), None)
            if fact:
                return fact.key
    return None


def _signings(
    sentences: list[Sentence],
    clauses: list[tuple[Sentence, tuple[int, int], list[str]]],
    companies: list[Company],
    projects: list[ProjectFact],
    project_mentions: list[tuple[Sentence, ProjectMention]],
    people: _People,
) -> list[SigningFact]:
    facts: list[SigningFact] = []
    real = [p for p in projects if p.rule == "project-name"]

    def project_of_company(key: str) -> str | None:
        comp = company_for(key, companies)
        owned = [p for p in projects if comp and any(company_for(c, companies) is comp for c in p.companies)]
        return owned[0].key if len(owned) == 1 else None

    def fact_for(project: str | None, sentence: str, rule: str) -> SigningFact:
        for f in facts:
            if f.project == project:
                return f
        f = SigningFact(project=project, sentence=sentence, rule=rule)
        facts.append(f)
        return f

    person_keys = set(people.people)
    homes = home_governments(sentences)
    body_first = sorted(sentences, key=lambda s: s.paragraph < 0)
    found_in_body = False
    for sent in body_first:
        if sent.paragraph < 0 and found_in_body:
            break  # the headline restates the body's parties, often in short form
        parties, span = ceremony_parties(sent, companies, person_keys, homes)
        if not parties:
            continue
        found_in_body = found_in_body or sent.paragraph >= 0
        project = _project_in(sent, span, project_mentions, projects)
        if project is None:
            # 'A与B签约仪式举行,总投资…的X项目正式落户': the project of the
            # ceremony is named in a later clause of the same sentence.
            project = _project_in(sent, (span[1], len(sent.match)), project_mentions, projects)
        if project is None:
            for _, key in parties:
                project = project or project_of_company(key)
        f = fact_for(project, sent.text, "signing-parties")
        for name, key in parties:
            if company_for(key, companies):
                name, key = company_party(key, companies)
            f.add_party(name, key)
        _link(project, [key for _, key in parties], projects, companies)
    _company_projects_signed(project_mentions, projects, companies, fact_for)
    _each_company_its_clause(sentences, project_mentions, projects, companies, fact_for)
    for sent, seg, signers in clauses:
        seg_text = sent.match[seg[0] : seg[1]]
        party_list: list[tuple[str, str]] = []
        titles = [pos.title for k in signers for pos in people.people[k].positions]
        titles_m = [to_matching(t) for t in titles]
        for name, key in on_behalf(sent.match, sent.text, seg):
            party_list.append(resolve_generic(key, name, titles_m))
        if _each_its_own(sent, seg, signers, party_list, companies, projects, project_mentions, fact_for):
            continue
        for k in signers:
            for pos in people.people[k].positions:
                if pos.org:
                    party_list.append(company_party(to_matching(pos.org), companies))
        for comp in companies:
            if any(k in seg_text for k in comp.keys):
                party_list.append((comp.name, comp.key))
        project = _project_in(sent, seg, project_mentions, projects)
        for _, key in party_list:
            if project is None and company_for(key, companies):
                project = project_of_company(key)
        if project is None and len(real) == 1:
            project = real[0].key
        f = fact_for(project, sent.text, "signing-clause")
        for name, key in party_list:
            f.add_party(name, key)
        _link(project, [key for _, key in party_list], projects, companies)
        for k in signers:
            if k not in f.signers:
                f.signers.append(k)
    return facts


def _company_projects_signed(
    project_mentions: list[tuple[Sentence, ProjectMention]], projects: list[ProjectFact],
    companies: list[Company], fact_for: Callable[[str | None, str, str], SigningFact],
) -> None:
    """'共有A有限公司X项目、B集团Y项目等16个项目成功签约': each company signs for its
    own project, with the government written in front of it where there is one."""
    for sent, pm in project_mentions:
        if not pm.bare or not pm.company_key or not SIGN_WORD.search(sent.match):
            continue
        comp = company_for(pm.company_key, companies)
        fact = next((p for p in projects if pm.key in p.keys), None)
        if comp is None or fact is None:
            continue
        f = fact_for(fact.key, sent.text, "signing-company-project")
        if pm.government:
            f.add_party(pm.government, to_matching(pm.government))
        f.add_party(comp.name, comp.key)


def _each_company_its_clause(
    sentences: list[Sentence], project_mentions: list[tuple[Sentence, ProjectMention]],
    projects: list[ProjectFact], companies: list[Company],
    fact_for: Callable[[str | None, str, str], SigningFact],
) -> None:
    """'某县…与A公司签订总投资15亿元的X项目、与B公司签订…的Y项目': A signs for X, B for Y,
    each with the place that leads the sentence."""
    for sent in sentences:
        clauses = company_clauses(sent, companies)
        if len(clauses) < 2:
            continue
        subject = subject_place(sent, clauses[0][0])
        for start, end, comp in clauses:
            named = [
                (sent.match.find(pm.key, start), pm) for s, pm in project_mentions
                if s.index == sent.index and 0 <= sent.match.find(pm.key, start) < end
            ]
            if not named:
                continue
            pm = min(named, key=lambda n: n[0])[1]
            fact = next((p for p in projects if pm.key in p.keys), None)
            if fact is None:
                continue
            f = fact_for(fact.key, sent.text, "signing-company-clause")
            if subject:
                f.add_party(*subject, first=True)  # the home side first, as the other rules file it
            f.add_party(comp.name, comp.key)
            _link(fact.key, [comp.key], projects, companies)


def _each_its_own(
    sent: Sentence, seg: tuple[int, int], signers: list[str], common: list[tuple[str, str]],
    companies: list[Company], projects: list[ProjectFact],
    project_mentions: list[tuple[Sentence, ProjectMention]], fact_for: Callable[[str | None, str, str], SigningFact],
) -> bool:
    """'X代表管委会,分别与A公司总监甲,B公司经理乙签订投资协议' after a sentence
    listing as many projects: the n-th company signs for the n-th project.

    Returns False (and files nothing) where the sentence is not of that shape.
    """
    seg_text = sent.match[seg[0] : seg[1]]
    if not re.search(r"分别(?:与|同|和)", seg_text):
        return False
    where: list[tuple[int, Company]] = []
    for comp in companies:
        hits = [i for i in (seg_text.find(k) for k in comp.keys) if i >= 0]
        if hits:
            where.append((min(hits), comp))
    where.sort(key=lambda w: w[0])
    if len(where) < 2:
        return False
    listed = _listed_projects(sent, project_mentions, projects, len(where))
    if listed is None:
        return False
    lead = [k for k in signers if 0 <= seg_text.find(k) < where[0][0]]
    for i, (pos, comp) in enumerate(where):
        end = where[i + 1][0] if i + 1 < len(where) else len(seg_text)
        own = [k for k in signers if pos <= seg_text.find(k, pos) < end and k not in lead]
        f = fact_for(listed[i], sent.text, "signing-each-its-own")
        for name, key in [*common, (comp.name, comp.key)]:
            f.add_party(name, key)
        _link(listed[i], [comp.key], projects, companies)
        for k in [*lead, *own]:
            if k not in f.signers:
                f.signers.append(k)
    return True


def _listed_projects(
    sent: Sentence, project_mentions: list[tuple[Sentence, ProjectMention]],
    projects: list[ProjectFact], count: int,
) -> list[str] | None:
    """Keys of the projects named, in order, by the nearest sentence up to
    ``sent`` that names exactly ``count`` of them."""
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for s, pm in project_mentions:
        if s.paragraph < 0 or s.index > sent.index:
            continue
        fact = next((p for p in projects if pm.key in p.keys), None)
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


def _link(project: str | None, party_keys: list[str], projects: list[ProjectFact], companies: list[Company]) -> None:
    """The company that signs for a project invests in it."""
    fact = next((p for p in projects if project is not None and project in p.keys), None)
    if fact is None:
        return
    for key in party_keys:
        comp = company_for(key, companies)
        if comp and not any(company_for(c, companies) is comp for c in fact.companies):
            fact.companies.append(comp.key)
