// name: profile
// description: Everything about one entity: aliases, roles and relationships, meetings, counterparts and the articles that mention it.
// param: name entity -- the entity (any unambiguous part of the name, or an alias)
MATCH (:Name {key: $name})-[:NAMES]->(e)
CALL (e) {
  UNWIND coalesce(e.aliases, []) AS alias
  RETURN 'alias' AS section, alias AS item, null AS articles
  UNION ALL
  MATCH (e)-[r]->(o)
  WHERE type(r) <> 'MET_WITH' AND NOT o:Meeting
  RETURN 'role' AS section, type(r) + ' ' + o.name AS item, r.articles AS articles
  UNION ALL
  MATCH (o)-[r]->(e)
  WHERE type(r) <> 'MET_WITH' AND NOT o:Name AND NOT o:Document AND NOT o:Meeting
  RETURN 'has' AS section, o.name + ' ' + type(r) AS item, r.articles AS articles
  UNION ALL
  MATCH (e)-[r:MET_WITH]-(o:Person)
  RETURN 'counterpart' AS section, o.name AS item, r.articles AS articles
  UNION ALL
  MATCH (e)-[:ATTENDED]->(m:Meeting)
  RETURN 'meeting' AS section, m.name + ' (' + coalesce(m.status, '') + ')' AS item, m.articles AS articles
  UNION ALL
  MATCH (d:Document)-[:MENTIONS]->(e)
  RETURN 'source' AS section, coalesce(d.title, d.path) AS item, 1 AS articles
}
RETURN e.name AS name, section, item, articles
ORDER BY name, section, item
LIMIT $kg_limit
