"""kgbuild: news articles in, a knowledge graph of diplomacy out."""

__version__ = "0.1.0"
