"""A county weekly for the corrections on the page (issue 16, item 13): a county head whose name one
article misprints (two entries that are one person), and a deputy county head whose namesake, a
township's party secretary, one article puts on his entry. Every name is invented, and no other
browser test reads these people, so a correction made here changes nothing another test sees."""

from __future__ import annotations

from guanxi.facts import Article, Attendee, Document, Event, Person, Position, Publication
from guanxi.ids import article_id, document_id

COUNTY = "榆安县"
HEAD = "闵向东"
MISPRINT = "闵向冬"  # the same county head, misprinted in one article
DEPUTY = "邰振宇"  # deputy county head; the harvest festival's 邰振宇 is a township's party secretary
MEETING = "县政府第十二次常务会议"
SURVEY = "白杨镇乡村振兴工作调研"
FESTIVAL = "白杨镇农民丰收节"
HEAD_SENTENCE = f"县委副书记、县长{HEAD}主持会议，副县长{DEPUTY}出席。"
MISPRINT_SENTENCE = f"县长{MISPRINT}深入白杨镇调研乡村振兴工作。"
FESTIVAL_SENTENCE = f"白杨镇党委书记{DEPUTY}致辞。"


def _official(name: str, title: str, sentence: str) -> Person:
    return Person(name=name, kind="official", sentence=sentence,
                  positions=[Position(title=title, place=COUNTY, sentence=sentence)])


def corrections_document() -> Document:
    doc_id = document_id("browser fixture: 榆安 weekly")
    articles = [
        Article(index=0, title=f"{MEETING}召开", date="2023-07-03",
                people=[_official(HEAD, "县长", HEAD_SENTENCE), _official(DEPUTY, "副县长", HEAD_SENTENCE)],
                events=[Event(name=MEETING, type="meeting", date="2023-07-03", sentence=HEAD_SENTENCE,
                              attendees=[Attendee(name=HEAD, roles=["presided"], sentence=HEAD_SENTENCE),
                                         Attendee(name=DEPUTY, roles=["attended"], sentence=HEAD_SENTENCE)])],
                text=HEAD_SENTENCE),
        Article(index=1, title="县领导调研乡村振兴工作", date="2023-07-15",
                people=[_official(MISPRINT, "县长", MISPRINT_SENTENCE)],
                events=[Event(name=SURVEY, type="inspection", date="2023-07-15", sentence=MISPRINT_SENTENCE,
                              attendees=[Attendee(name=MISPRINT, roles=["attended"], sentence=MISPRINT_SENTENCE)])],
                text=MISPRINT_SENTENCE),
        Article(index=2, title=f"{FESTIVAL}开幕", date="2023-09-23",
                people=[Person(name=DEPUTY, kind="official", sentence=FESTIVAL_SENTENCE)],
                events=[Event(name=FESTIVAL, type="activity", date="2023-09-23", sentence=FESTIVAL_SENTENCE,
                              attendees=[Attendee(name=DEPUTY, roles=["spoke"], sentence=FESTIVAL_SENTENCE)])],
                text=FESTIVAL_SENTENCE),
    ]
    for art in articles:
        art.id = article_id(doc_id, art.index, art.title)
    return Document(id=doc_id, source="browser_yuan_weekly.txt",
                    publication=Publication(name="榆安周刊", date="2023-09-25"), articles=articles)
