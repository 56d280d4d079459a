"""ArticleText -> Article: the extractor's passes, in order, over one ArticleReading.

Each pass reads what the earlier ones found and adds its part; ``PASSES`` is the order, and
``extract_article`` runs it and turns the reading into the shared ``Article`` model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from guanxi.facts import (
    ROLES,
    Article,
    Attendee,
    Event,
    Organization,
    Project,
    Publication,
    Signing,
)
from guanxi.simplified import to_traditional
from loaders.article_text import ArticleText
from loaders.facts.agreements import read_signings
from loaders.facts.attendance import collective_witness, named_in_lead, read_roles
from loaders.facts.division_codes import place_code
from loaders.facts.events import event_name, event_place, event_type
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
from loaders.facts.people import BAD_NAME_CHARS, PersonMention, find_people, is_dictionary_word
from loaders.facts.projects import (
    ProjectFact,
    attach_aliases,
    drop_place_prefixes,
    find_projects,
    link_investors,
    merge_projects,
)
from loaders.facts.reading import ArticleReading, PlacedProject
from loaders.facts.script import to_matching
from loaders.facts.sentences import Sentence, split_sentences


def read_companies(reading: ArticleReading) -> None:
    """Companies by their legal endings, lists of short forms and a newsroom's own names."""
    for sent in reading.sentences:
        reading.company_mentions.extend(find_companies(sent))
    reading.companies = merge_companies(reading.company_mentions)


def read_projects(reading: ArticleReading) -> None:
    """Named projects; the company written in front of one ('X公司年产…项目') is a company too."""
    for sent in reading.sentences:
        reading.project_mentions.extend(PlacedProject(sent, pm) for pm in find_projects(sent, reading.companies))
    drop_place_prefixes([pm for _, pm in reading.project_mentions], [s.match for s in reading.sentences],
                        reading.companies, reading.publication.name)
    reading.project_companies = [
        OrgMention(pm.full[: len(pm.company_key)], pm.company_key, sent.text, "company-project-prefix")
        for sent, pm in reading.project_mentions
        if pm.company_key and company_for(pm.company_key, reading.companies) is None
    ]
    if reading.project_companies:
        reading.companies = merge_companies(reading.company_mentions + reading.project_companies)
    reading.projects, reading.alias_mentions = merge_projects([pm for _, pm in reading.project_mentions])


def _whole_married_names(sentences: list[Sentence], mentions: list[PersonMention]) -> None:
    """'行政长官林郑月娥今日…': a woman's married name puts her husband's surname before her own, and
    no word of ours closes it; where the article writes the same four characters again, they are her
    name, and the two surnames alone ('林郑访问…') are what the headline calls her."""
    lex = lexicon()
    surnames = lex.get("surnames")
    text = "".join(s.match for s in sentences)
    written = "".join(s.text for s in sentences)  # the same length: matching forms keep every character
    whole: dict[str, tuple[str, str]] = {}
    for men in mentions:
        if len(men.key) != 2 or men.key[0] not in surnames or men.key[1] not in surnames:
            continue
        at = text.find(men.key)
        while at >= 0:
            rest = text[at + 2 : at + 4]
            if (len(rest) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in rest) and text.count(men.key + rest) >= 2
                    and not lex.follower_re.match(rest) and not lex.head_re.match(rest)
                    and not any(ch in BAD_NAME_CHARS for ch in rest) and not is_dictionary_word(rest)):
                whole[men.key] = (men.key + rest, written[at : at + 4])
                break
            at = text.find(men.key, at + 1)
    for men in mentions:
        if men.key in whole:
            men.key, men.name = whole[men.key]


def read_people(reading: ArticleReading) -> None:
    """Officials and executives with their titles; the company in front of an executive's title
    ('鑫华锂电董事长') is a company too."""
    found = [(sent, men) for sent in reading.sentences for men in find_people(sent)]
    known = reading.company_keys()
    title_orgs = [
        OrgMention(t.org, to_matching(t.org), sent.text, "company-before-title")
        for sent, men in found
        for t in men.titles
        if t.org and org_kind(to_matching(t.org)) == "company" and to_matching(t.org) not in known
    ]
    if title_orgs:
        reading.company_mentions += title_orgs
        reading.companies = merge_companies(reading.company_mentions + reading.project_companies)
    _whole_married_names(reading.sentences, [men for _, men in found])
    for sent, men in found:
        reading.people.add(sent, men, reading.companies)


_SAR_TITLE = re.compile(r"行政长官|司司长$|^(?:署理)?司长$")
# (short name, full name, the name its own government's pages use: '澳门特别行政区政府', '香港特区政府')
_SAR = (("澳门", "澳门特别行政区", "澳门特别行政区"), ("香港", "香港特别行政区", "香港"))
# '环境局局长' in a story written in a region's own (traditional) script: the head of one of its bureaux.
_SAR_BUREAU_HEAD = re.compile(r"局局长$")


def _special_region(text: str) -> str | None:
    """The special administrative region a story is about: the one it names more often, by its
    full name where the story writes that, else by the name its own government uses."""
    counts = [(text.count(short), full, usual) for short, full, usual in _SAR]
    best = max(counts)
    if not best[0]:
        return None
    return best[1] if best[1] in text else best[2]


def _in_traditional_script(text: str) -> bool:
    """A story written in traditional characters: more than one in fifty of its characters differ
    from their simplified form (a simplified story quoting one traditional name has far fewer)."""
    sample = text[:2000]
    changed = sum(1 for a, b in zip(sample, to_matching(sample), strict=True) if a != b and "\u4e00" <= a <= "\u9fff")
    return changed * 50 > max(1, len(sample))


_DIVISION_ONLY = re.compile(r"[\u4e00-\u9fff]{1,6}[县縣市乡鄉镇鎮]")


def place_offices(reading: ArticleReading) -> None:
    """Each official's post gets the division it belongs to ('区长' -> the story's district)."""
    people = reading.people.people.values()
    if not any(p.kind == "official" and p.positions for p in people):
        return  # nothing to place: spare the scan for division names
    # A person's name is no place: '卓永兴' names no 永兴县, '陈金山' no 金山区.
    company_names = [k for c in reading.companies for k in c.keys] + list(reading.people.people)
    named_by = [reading.publication.name or "", reading.article.dateline or ""]
    homes = find_homes(reading.sentences, company_names, named_by)
    page_homes = reading.page_homes
    if page_homes is not None and not all(lvl in homes.written for lvl in ("county", "city", "province")):
        homes = merged(homes, page_homes.get() if isinstance(page_homes, PageHomes) else page_homes,
                       list(reading.people.people))
    written_text = "".join(sent.text for sent in reading.sentences)
    traditional = _in_traditional_script(written_text)
    sar = _special_region(to_matching(written_text))
    for person in people:
        if person.kind != "official":
            continue
        # '永春县政府' + '县长': the government the title follows names the place.
        # '苗栗县' + '县长' (the county written before the name): the division itself names the place.
        written = [(p.org or "") + p.title if (p.org or "").endswith("政府") or _DIVISION_ONLY.fullmatch(p.org or "")
                   else p.title for p in person.positions]
        for pos, full in zip(person.positions, written, strict=True):
            pos.place = office_place(to_matching(full), full, homes)
            if pos.place is None and _DIVISION_ONLY.fullmatch(pos.org or ""):
                pos.place = pos.org  # a division the table does not hold is still the one the text names
        # '杭州市委副书记、市长': the 市长 is of the city the person's other post names.
        explicit = [explicit_level(to_matching(full)) for full in written]
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
        for pos in person.positions:
            if sar and (_SAR_TITLE.search(to_matching(pos.title))
                        or traditional and _SAR_BUREAU_HEAD.search(to_matching(pos.title))):
                pos.place = sar  # '行政长官', '经济财政司司长': the posts of a special administrative region
            pos.place_code = place_code(pos.place, homes)
            if traditional and pos.place and pos.place not in written_text:
                pos.place = to_traditional(pos.place)  # '香港特别行政区' of the table, in the story's script


_HIGHER_DIVISION = re.compile(r"[\u4e00-\u9fff]{2,6}?[省市州]")
_LEVEL_AFTER_NAME = re.compile(r"([省市区县镇乡州旗])(.{2,})$")


def without_place(title: str, place: str | None) -> str:
    """'沙坪坝区委书记' of 沙坪坝区 is its 区委书记, '潢川县县长' its 县长, '苏州市政协副主席' its
    市政协副主席: the post's place is kept
    apart, so one post reads alike in every story ('区委书记' of 沙坪坝区).

    Compared in the matching form, so '臺兒莊區區長' of 台儿庄区 is its '區長' as written."""
    if not place:
        return title
    match, place = to_matching(title), to_matching(place)
    above = _HIGHER_DIVISION.match(match)
    if above and not place.startswith(above.group()) and match[above.end() :].startswith(place[:2]):
        title, match = title[above.end() :], match[above.end() :]  # '商丘市梁园区委副书记' of 梁园区
    for n in range(min(len(place), len(match) - 2), 0, -1):
        if not place.startswith(match[:n]) or (n < 2 and len(place) > 2):
            continue
        m = _LEVEL_AFTER_NAME.match(match, n)
        if m is None:
            continue
        rest = m.group(2)
        if rest.startswith(("委", "人大", "政协", "党委", "党工委")):
            return title[m.start(1) :]  # '区委书记', '市政协副主席', '镇党委书记'
        if title_level(rest) is not None:
            return title[m.start(2) :]  # '县长', '副县长'
    return title


def read_event(reading: ArticleReading) -> None:
    """The article's event, named from its headline, with everyone who had a role in it."""
    people = reading.people.people
    attendees = [
        Attendee(
            name=people[key].name,
            roles=sorted(rs, key=ROLES.index) or ["attended"],
            sentence=reading.role_sentence.get(key), rule=reading.role_rule.get(key, "role-verb"),
        )
        for key, rs in reading.roles.items()
        if key in people
    ]
    if not attendees:
        return
    sentences = reading.sentences
    first = next((s for s in sentences if s.paragraph >= 0), sentences[0])
    reading.events.append(Event(
        name=event_name(reading.article.title),
        type=event_type(sentences[0].match, first.match),
        date=reading.article.date, place=event_place([s.text for s in sentences[:4]]),
        attendees=attendees, sentence=first.text, rule="event-from-headline",
    ))


def link_project_investors(reading: ArticleReading) -> None:
    link_investors(reading.sentences, reading.projects, reading.companies)


def invested_project_aliases(reading: ArticleReading) -> None:
    """'某某新材料项目预计投资2亿元': a project named by its company alone, known before signings
    are read so that it can be what was signed."""
    attach_aliases(reading.projects, reading.alias_mentions, reading.companies, invested_only=True)


def attach_project_aliases(reading: ArticleReading) -> None:
    attach_aliases(reading.projects, reading.alias_mentions, reading.companies)


def read_organizations(reading: ArticleReading) -> None:
    """The companies, then every other body that signed something."""
    reading.organizations = [
        Organization(name=c.name, kind="company", aliases=c.aliases, sentence=c.sentence, rule=c.rule)
        for c in reading.companies
    ]
    seen = reading.company_keys()
    for s in reading.signings:
        for name, key in zip(s.parties, s.party_keys, strict=True):
            if key not in seen:
                seen.add(key)
                reading.organizations.append(
                    Organization(name=name, kind=org_kind(key), sentence=s.sentence, rule="signing-party")
                )


PASSES: tuple[Callable[[ArticleReading], None], ...] = (
    read_companies,
    read_projects,
    read_people,
    place_offices,
    read_roles,
    named_in_lead,
    collective_witness,
    read_event,
    link_project_investors,
    invested_project_aliases,
    read_signings,
    attach_project_aliases,
    read_organizations,
)


def extract_article(article: ArticleText, publication: Publication,
                    page_homes: Homes | PageHomes | None = None) -> Article:
    headlines = [article.title] + ([article.subtitle] if article.subtitle else [])
    reading = ArticleReading(article, publication, page_homes, split_sentences(headlines, article.paragraphs))
    for step in PASSES:
        step(reading)
    return _article(reading)


def _article(reading: ArticleReading) -> Article:
    article, people, projects = reading.article, reading.people.people, reading.projects
    for person in people.values():
        for pos in person.positions:
            # Signings read the titles whole ('石桥镇镇长' signs for 石桥镇政府); what is shown keeps
            # the place apart.
            pos.title = without_place(pos.title, pos.place)
    return Article(
        title=article.title,
        subtitle=article.subtitle,
        date=article.date,
        bylines=article.bylines,
        people=list(people.values()),
        organizations=reading.organizations,
        events=reading.events,
        projects=[_project(p, reading.companies) for p in projects],
        signings=[
            Signing(
                project=_project_name(s.project, projects), parties=s.parties,
                signers=[people[k].name for k in s.signers if k in people],
                date=article.date, sentence=s.sentence, rule=s.rule,
            )
            for s in reading.signings
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
