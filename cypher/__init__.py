"""The named Cypher queries (``*.cypher``), read by graph/cypher.py.

A package rather than a plain folder so that a wheel carries the queries and an installed
``guanxi`` reads them from site-packages (importlib.resources), exactly as a clone does.
"""
