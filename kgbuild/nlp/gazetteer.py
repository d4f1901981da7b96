"""The gazetteer: entity-ruler patterns from kgbuild's knowledge, put before the entity recogniser so
countries, their seats and demonyms, known places, organisations, regions and known people are
found as written, whatever the small model thinks of them."""

from __future__ import annotations

from ..names import without_article
from ..rules import Rules

ENTITY_LABELS = {"Person": "PERSON", "Country": "GPE", "Organization": "ORG", "Place": "GPE"}


def gazetteer_patterns(rules: Rules) -> list[dict]:
    """Entity-ruler patterns from the (checked) data files: countries, seats, places, organisations,
    regions, people."""
    forms = [*rules.country_forms, *rules.place_forms, *rules.org_forms]
    forms += [(label, text, region) for text, region, label in rules.region_names]
    forms += [(ENTITY_LABELS[etype], alias, name) for alias, name, etype in rules.known_names]
    return [{"label": label, "pattern": without_article(text), "id": canonical} for label, text, canonical in forms]
