// name: meetings
// description: Meetings as a timeline: date, place, status, who took part on which side, and the articles that report each.
// param: person string = null -- only meetings this person attended (full name or any alias)
MATCH (m:Meeting)
WHERE $person IS NULL
   OR EXISTS { MATCH (p:Person)-[:ATTENDED]->(m) WHERE toLower($person) IN p.search }
MATCH (p:Person)-[a:ATTENDED]->(m)
WITH m, coalesce(a.side, 'unknown side') AS side, collect(p.name) AS people
ORDER BY side
WITH m, collect(side + ': ' + reduce(s = '', n IN people | s + CASE WHEN s = '' THEN '' ELSE ', ' END + n)) AS sides
OPTIONAL MATCH (d:Document)-[:REPORTS]->(m)
WITH m, sides, collect(coalesce(d.title, d.path)) AS sources
RETURN m.date AS date,
       m.place AS place,
       m.status AS status,
       sides AS participants,
       size(m.sources) AS articles,
       sources
ORDER BY date, place
