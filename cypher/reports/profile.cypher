// name: profile
// description: Everything about one entity: aliases, roles and relationships, meetings, counterparts and the articles that mention it.
// param: name entity -- the entity (any unambiguous part of the name, or an alias)
// param: since since = null -- only what lies on or after this day, month or year: roles and counterparts a sentence then states (its date, else its article's publication), meetings then (their date, else their reports' first publication), articles published then
// param: until until = null -- only what lies on or before this day, month or year
// param: undated bool = false -- with since or until: also what nothing dates (the aliases among it)
MATCH (:Name {key: $name})-[:NAMES]->(e)
CALL (e) {
  UNWIND coalesce(e.aliases, []) AS alias
  WITH alias, null AS day
  WHERE __IN_PERIOD__
  RETURN 'alias' AS section, alias AS item, null AS articles
  UNION ALL
  MATCH (e)-[r]->(o)
  WHERE type(r) <> 'MET_WITH' AND NOT o:Meeting AND __FACT_IN_PERIOD__
  RETURN 'role' AS section, type(r) + ' ' + o.name AS item, r.articles AS articles
  UNION ALL
  MATCH (o)-[r]->(e)
  WHERE type(r) <> 'MET_WITH' AND NOT o:Name AND NOT o:Document AND NOT o:Meeting AND __FACT_IN_PERIOD__
  RETURN 'has' AS section, o.name + ' ' + type(r) AS item, r.articles AS articles
  UNION ALL
  MATCH (e)-[r:MET_WITH]-(o:Person)
  WHERE __FACT_IN_PERIOD__
  RETURN 'counterpart' AS section, o.name AS item, r.articles AS articles
  UNION ALL
  MATCH (e)-[:ATTENDED]->(m:Meeting)
  WITH m, coalesce(m.date, m.first_published) AS day
  WHERE __IN_PERIOD__
  RETURN 'meeting' AS section, m.name + ' (' + coalesce(m.status, '') + ')' AS item, m.articles AS articles
  UNION ALL
  MATCH (d:Document)-[:MENTIONS]->(e)
  WITH d, d.published AS day
  WHERE __IN_PERIOD__
  RETURN 'source' AS section, coalesce(d.title, d.path) AS item, 1 AS articles
}
RETURN e.name AS name, section, item, articles
ORDER BY name, section, item
LIMIT $kg_limit
