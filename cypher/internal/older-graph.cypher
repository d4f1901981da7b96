// name: older-graph
// description: Whether the graph was written by an older kgbuild (entity nodes labelled Entity), which this one cannot extend.
MATCH (n:Entity)
RETURN n.key AS key
LIMIT 1
