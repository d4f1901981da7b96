// name: meetings
// description: Meetings as events: when, where, status, who took part on which side, and how many articles report each.
// param: person string = null -- only meetings this person attended (full name or any alias)
MATCH (m:Meeting)
WHERE $person IS NULL
   OR EXISTS { MATCH (p:Person)-[:ATTENDED]->(m) WHERE toLower($person) IN p.search }
MATCH (p:Person)-[a:ATTENDED]->(m)
WITH m, coalesce(a.side, 'unknown side') AS side, collect(p.name) AS people
ORDER BY side
WITH m, collect(side + ': ' + reduce(s = '', n IN people | s + CASE WHEN s = '' THEN '' ELSE ', ' END + n)) AS sides
RETURN m.date AS date,
       m.place AS place,
       m.status AS status,
       sides AS participants,
       size(m.sources) AS articles
ORDER BY date, place
