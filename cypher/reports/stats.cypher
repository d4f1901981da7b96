// name: stats
// description: How many nodes the graph holds by label, and relationships by type.
CALL () {
  MATCH (n)
  UNWIND labels(n) AS label
  RETURN 'node' AS kind, label AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
}
RETURN kind, name, count
ORDER BY kind, name
LIMIT $kg_limit
