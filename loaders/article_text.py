"""The text of one article, as the page splitter hands it to the fact extractors."""

from __future__ import annotations

from pydantic import BaseModel, Field

from guanxi.facts import Byline, Publication


class ArticleText(BaseModel):
    index: int  # position in the document, from 0
    title: str  # whole headline, rejoined where the page broke it
    subtitle: str | None = None
    # Body paragraphs with column breaks mended; mastheads, page labels,
    # captions and closing bylines are already removed.
    paragraphs: list[str] = Field(default_factory=list)
    bylines: list[Byline] = Field(default_factory=list)
    date: str | None = None  # ISO date of the reported news, None for 近日/日前
    # What opened the lead before the news ('本报讯', '某某新闻网讯 12月24日'): a site's name there
    # says where the story is from.
    dateline: str | None = None


class DocumentText(BaseModel):
    source: str
    encoding: str
    text: str  # the whole decoded text, normalised (used for the document id)
    publication: Publication = Field(default_factory=Publication)
    articles: list[ArticleText] = Field(default_factory=list)
    # Division names the page's header or breadcrumb gives for its site ('某市人民政府', '某县要闻'):
    # where a story that says only '我市' is from.
    site: list[str] = Field(default_factory=list)
