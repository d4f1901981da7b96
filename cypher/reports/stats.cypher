// name: stats
// description: How many nodes the graph holds by label (a count per label, which the database keeps: no scan of the nodes) and relationships by type (one pass over them); a label with none is left out.
CALL () {
  MATCH (n:Document) RETURN 'node' AS kind, 'Document' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Person) RETURN 'node' AS kind, 'Person' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Country) RETURN 'node' AS kind, 'Country' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Organization) RETURN 'node' AS kind, 'Organization' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Place) RETURN 'node' AS kind, 'Place' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Meeting) RETURN 'node' AS kind, 'Meeting' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Evidence) RETURN 'node' AS kind, 'Evidence' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Name) RETURN 'node' AS kind, 'Name' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Slot) RETURN 'node' AS kind, 'Slot' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Schema) RETURN 'node' AS kind, 'Schema' AS name, count(n) AS count
  UNION ALL
  MATCH ()-[r]->() RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
}
WITH kind, name, count
WHERE count > 0
RETURN kind, name, count
ORDER BY kind, name
LIMIT $kg_limit
