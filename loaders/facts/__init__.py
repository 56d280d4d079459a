"""Article text -> facts: people and titles, events and roles, companies, projects, signings.

    from loaders.facts import extract_article, load_user_lexicon
"""

from loaders.facts.extract import extract_article
from loaders.facts.lexicon import load_user_lexicon

__all__ = ["extract_article", "load_user_lexicon"]
