"""Loaders: bytes → text → articles → facts.

decoding.py reads bytes into text, pages.py splits a page or web article into
ArticleText items, and facts/ reads the facts out of each article.
pipeline.py ties them together.
"""
