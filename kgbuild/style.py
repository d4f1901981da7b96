"""One colour per label and per relationship type, used by `kgbuild view` and by the Neo4j Browser
style (`kgbuild.grass`, written by `kgbuild db status`): the same type has the same colour
everywhere.  Predicates take theirs from the registry (kgbuild/predicates.py)."""

from __future__ import annotations

from .predicates import PREDICATES

NODE_COLOURS = {
    "Person": "#4E79A7",
    "Country": "#E15759",
    "Organization": "#F28E2B",
    "Place": "#59A14F",
    "Meeting": "#B07AA1",
    "Document": "#BAB0AC",
}
PROVENANCE_COLOURS = {"ATTENDED": "#B07AA1", "HELD_IN": "#8CD17D", "MENTIONS": "#D7D7D7", "REPORTS": "#C9C9C9"}
CAPTIONS = {"Document": "{title}"}


def relationship_colours() -> dict[str, str]:
    return {**{p.name: p.colour for p in PREDICATES.values()}, **PROVENANCE_COLOURS}


def grass() -> str:
    """The Neo4j Browser style sheet for these colours (captions show names)."""
    out = [
        "node {\n  diameter: 46px;\n  color: #A5ABB6;\n  border-color: #9AA1AC;\n  border-width: 2px;\n"
        "  text-color-internal: #FFFFFF;\n  font-size: 10px;\n}",
        "relationship {\n  color: #A5ABB6;\n  shaft-width: 1px;\n  font-size: 8px;\n  padding: 3px;\n"
        '  text-color-external: #000000;\n  text-color-internal: #FFFFFF;\n  caption: "<type>";\n}',
    ]
    for label, colour in NODE_COLOURS.items():
        caption = CAPTIONS.get(label, "{name}")
        out.append(f'node.{label} {{\n  color: {colour};\n  border-color: {colour};\n  caption: "{caption}";\n}}')
    for rel, colour in relationship_colours().items():
        width = "3px" if rel == "MET_WITH" else "1px"
        out.append(f"relationship.{rel} {{\n  color: {colour};\n  shaft-width: {width};\n}}")
    return "\n".join(out) + "\n"
