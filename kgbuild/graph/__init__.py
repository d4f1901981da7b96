"""Everything that talks to a graph: the connection (`connection`, the only module that calls the
neo4j driver), the embedded server (`server`, `processes`, `accounts`), the catalog of `.cypher`
files (`catalog`), the writer (`rows` → `writer`), reads by name (`lookup`), saved reports
(`reports`, `centrality`) and the graph pulled into networkx for views and exports (`network`,
`view`).  It depends on the records, never on spaCy, the NLP or the pipeline.
"""

from .connection import Graph, Transaction, open_graph

__all__ = ["Graph", "Transaction", "open_graph"]
