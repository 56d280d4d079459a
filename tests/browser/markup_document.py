"""A document whose names and sentences look like HTML: the page must show them as plain text."""

from __future__ import annotations

from guanxi.facts import Article, Attendee, Document, Event, Person, Publication
from guanxi.ids import article_id, document_id

MARKUP_TITLE = "<script>window.__injected=1</script>座谈会召开"
MARKUP_EVENT = '<img src=x onerror="window.__injected=1">座谈会'
MARKUP_SENTENCE = '<b>吴测试</b>参加<img src=x onerror="window.__injected=1">座谈会。'


def markup_document() -> Document:
    doc_id = document_id("browser fixture with markup-like text")
    article = Article(
        index=0,
        title=MARKUP_TITLE,
        date="2023-06-01",
        people=[Person(name="吴测试", kind="official", sentence=MARKUP_SENTENCE)],
        events=[Event(name=MARKUP_EVENT, type="meeting", date="2023-06-01", sentence=MARKUP_SENTENCE,
                      attendees=[Attendee(name="吴测试", roles=["attended"], sentence=MARKUP_SENTENCE)])],
        text=MARKUP_SENTENCE,
    )
    article.id = article_id(doc_id, article.index, article.title)
    return Document(id=doc_id, source="browser_markup.txt", publication=Publication(name="测试报"),
                    articles=[article])
