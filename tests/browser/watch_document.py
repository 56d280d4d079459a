"""The next issue of the 榆安 weekly, loaded while a watchlist test runs (issue 16, watchlists): the
followed county head at a promotion fair, and a deputy district head appointed in the followed
district. Every name is invented; the district is a real division only because a followed place
must be one."""

from __future__ import annotations

from browser.corrections_document import COUNTY, HEAD
from guanxi.facts import Article, Attendee, Document, Event, Person, Position, Publication
from guanxi.ids import article_id, document_id

FAIR = "榆安县招商引资推介会"
FAIR_SENTENCE = f"县长{HEAD}出席{FAIR}并致辞。"
APPOINTEE = "庞书航"
DISTRICT, DISTRICT_CODE = "台儿庄区", "370405000000"
APPOINTMENT_SENTENCE = f"{APPOINTEE}任{DISTRICT}副区长。"


def next_issue() -> Document:
    doc_id = document_id("browser fixture: 榆安 weekly, the next issue")
    articles = [
        Article(index=0, title=f"{FAIR}举行", date="2023-10-09",
                people=[Person(name=HEAD, kind="official", sentence=FAIR_SENTENCE)],
                events=[Event(name=FAIR, type="activity", date="2023-10-09", place=COUNTY, sentence=FAIR_SENTENCE,
                              attendees=[Attendee(name=HEAD, roles=["spoke"], sentence=FAIR_SENTENCE)])],
                text=FAIR_SENTENCE),
        Article(index=1, title="干部任免", date="2023-10-09",
                people=[Person(name=APPOINTEE, kind="official", sentence=APPOINTMENT_SENTENCE,
                               positions=[Position(title="副区长", place=DISTRICT, place_code=DISTRICT_CODE,
                                                   sentence=APPOINTMENT_SENTENCE)])],
                text=APPOINTMENT_SENTENCE),
    ]
    for art in articles:
        art.id = article_id(doc_id, art.index, art.title)
    return Document(id=doc_id, source="browser_yuan_weekly_next.txt",
                    publication=Publication(name="榆安周刊", date="2023-10-10"), articles=articles)
