// name: who-met-whom
// description: Counterparts who met or held talks, with places, dates, status, how many articles say so and whether the text states it (basis).
// param: person person = null -- only this person's counterparts (any unambiguous part of the name, or an alias)
// param: min_confidence float = 0.0 -- leave out meetings extracted with less confidence than this
CALL () {
  WITH $person AS key
  WHERE key IS NOT NULL
  MATCH (:Name {key: key})-[:NAMES]->(a:Person)-[r:MET_WITH]-(b:Person)
  RETURN a, r, b
  UNION ALL
  WITH $person AS key
  WHERE key IS NULL
  MATCH (a:Person)-[r:MET_WITH]->(b:Person)
  RETURN a, r, b
}
WITH a, r, b
WHERE r.confidence >= $min_confidence
RETURN a.name AS person,
       b.name AS counterpart,
       r.status AS status,
       r.places AS places,
       r.dates AS dates,
       size(r.sources) AS articles,
       r.confidence AS confidence,
       r.basis AS basis
ORDER BY person, counterpart
