"""Builders shared by the tests of loaders.facts."""

from __future__ import annotations

from guanxi.facts import Article, Publication
from loaders.article_text import ArticleText
from loaders.facts import extract_article


def extract(title: str, *paragraphs: str, date: str | None = "2023-05-10") -> Article:
    text = ArticleText(index=0, title=title, paragraphs=list(paragraphs), date=date)
    return extract_article(text, Publication(name="测试周刊", date="2023-05-12"))


def titles(article: Article) -> dict[str, list[str]]:
    return {p.name: [pos.title for pos in p.positions] for p in article.people}


def roles(article: Article) -> dict[str, list[str]]:
    return {a.name: list(a.roles) for e in article.events for a in e.attendees}
