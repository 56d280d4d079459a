"""guanxi: a knowledge graph of officials, companies, projects and events from Chinese news."""

__version__ = "0.1.0"
