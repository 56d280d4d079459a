"""File → Document: decode, split into articles, read the facts of each."""

from __future__ import annotations

from pathlib import Path

from guanxi.facts import Document
from guanxi.ids import article_id, document_id
from loaders.decoding import decode_bytes, normalise_newlines
from loaders.facts import extract_article
from loaders.facts.lexicon import Lexicon, using_lexicon
from loaders.facts.offices import PageHomes
from loaders.html_text import is_saved_page, read_page
from loaders.pages import split_document
from loaders.source_url import original_url


def extract_text(text: str, source: str, encoding: str = "utf-8", lexicon: Lexicon | None = None) -> Document:
    """``lexicon``: a newsroom's (``load_user_lexicon``); None reads with the built-in one."""
    with using_lexicon(lexicon):
        return _extract_text(text, source, encoding)


def _extract_text(text: str, source: str, encoding: str) -> Document:
    if is_saved_page(text):
        page = read_page(text)
        if page is not None:
            # The id is the whole page's, as before: the same file loaded again is the same document.
            doc = _read_articles(page.text, source, encoding, document_id(normalise_newlines(text)))
            if doc.articles:
                doc.url = page.url or original_url(text)
                return doc
    doc = _read_articles(text, source, encoding)
    doc.url = original_url(text)
    return doc


def _read_articles(text: str, source: str, encoding: str, doc_id: str | None = None) -> Document:
    doc_text = split_document(text, source=source, encoding=encoding)
    doc_id = doc_id or document_id(doc_text.text)
    articles = []
    homes = PageHomes(
        [([a.title] + ([a.subtitle] if a.subtitle else []), a.paragraphs) for a in doc_text.articles],
        doc_text.publication.name,
        doc_text.site,
    )
    for art_text in doc_text.articles:
        article = extract_article(art_text, doc_text.publication, homes)
        article.index = art_text.index
        article.id = article_id(doc_id, art_text.index, article.title, article.text)
        articles.append(article)
    return Document(
        id=doc_id,
        source=source,
        encoding=encoding,
        publication=doc_text.publication,
        articles=articles,
    )


def extract_bytes(data: bytes, source: str, lexicon: Lexicon | None = None) -> Document:
    text, encoding = decode_bytes(data)
    return extract_text(text, source=source, encoding=encoding, lexicon=lexicon)


def extract_file(path: Path, lexicon: Lexicon | None = None) -> Document:
    return extract_bytes(path.read_bytes(), source=path.name, lexicon=lexicon)
