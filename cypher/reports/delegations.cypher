// name: delegations
// description: Who sat on which side at each meeting (people whose side is known), who led that side, and the other sides at the table.
// param: country country = null -- only this country's delegations (name, code, demonym or alias)
// param: since since = null -- only meetings on or after this day, month or year (the meeting's date, else its reports' first publication)
// param: until until = null -- only meetings on or before this day, month or year
// param: undated bool = false -- with since or until: also the meetings nothing dates
CALL () {
  WITH $country AS key
  WHERE key IS NOT NULL
  MATCH (:Name {key: key})-[:NAMES]->(c:Country)<-[:REPRESENTS]-(p:Person)-[a:ATTENDED]->(m:Meeting)
  WHERE a.side = c.name
  RETURN m, a.side AS side, p
  UNION ALL
  WITH $country AS key
  WHERE key IS NULL
  MATCH (p:Person)-[a:ATTENDED]->(m:Meeting)
  WHERE a.side IS NOT NULL
  RETURN m, a.side AS side, p
}
WITH m, side, p, coalesce(m.date, m.first_published) AS day
WHERE __IN_PERIOD__
WITH m, side, collect(DISTINCT p) AS people
ORDER BY m.date, m.place, side
LIMIT $kg_limit
CALL (people, side) {
  UNWIND people AS p
  OPTIONAL MATCH (p)-[:LEADS]->(o:Organization)
  WHERE o.name = side + ' delegation'
  WITH p, o
  ORDER BY p.name
  RETURN [x IN collect(DISTINCT CASE WHEN o IS NULL THEN null ELSE p.name END) WHERE x IS NOT NULL] AS leaders,
         collect(DISTINCT p.name) AS members
}
RETURN m.date AS date,
       m.place AS place,
       m.status AS status,
       side AS country,
       [x IN coalesce(m.sides, []) WHERE x <> side] AS counterparts,
       leaders,
       members
ORDER BY date, place, country
