// name: representatives
// description: Who acts for which side (a country, a body, or a region or city), by side.
// param: country entity = null -- only this side (name, code, demonym or alias, e.g. US)
// param: min_confidence float = 0.0 -- leave out facts extracted with less confidence than this
// param: since since = null -- only what an article dates on or after this day, month or year (the date its sentence gives, else its publication)
// param: until until = null -- only what an article dates on or before this day, month or year
// param: undated bool = false -- with since or until: also what no article dates
CALL () {
  WITH $country AS key
  WHERE key IS NOT NULL
  MATCH (:Name {key: key})-[:NAMES]->(c)<-[r:REPRESENTS]-(p:Person)
  RETURN p, r, c
  UNION ALL
  WITH $country AS key
  WHERE key IS NULL
  MATCH (p:Person)-[r:REPRESENTS]->(c)
  RETURN p, r, c
}
WITH p, r, c
WHERE r.confidence >= $min_confidence
  AND __FACT_IN_PERIOD__
RETURN c.name AS country,
       p.name AS person,
       r.articles AS articles,
       r.confidence AS confidence,
       r.basis AS basis
ORDER BY country, person
LIMIT $kg_limit
