// name: meetings
// description: Meetings as a timeline, one row each however many articles report it: date, place, status (the latest report's), who took part on which side, and the articles with the status each gave and why each was taken to report this meeting (same date, publication window, same people and place, or new: the first report).
// param: person person = null -- only meetings this person attended (any unambiguous part of the name, or an alias)
// param: since since = null -- only meetings on or after this day, month or year (the meeting's date, else its reports' publication)
// param: until until = null -- only meetings on or before this day, month or year
// param: undated bool = false -- with since or until: also the meetings nothing dates (shown last, date empty)
CALL () {
  WITH $person AS key
  WHERE key IS NOT NULL
  MATCH (:Name {key: key})-[:NAMES]->(:Person)-[:ATTENDED]->(m:Meeting)
  RETURN DISTINCT m
  UNION
  WITH $person AS key
  WHERE key IS NULL
  MATCH (m:Meeting)
  RETURN m
}
WITH m, coalesce(m.date, m.first_published) AS day
WHERE __IN_PERIOD__
WITH m, coalesce(day, '9999') AS day
ORDER BY day, m.place
LIMIT $kg_limit
CALL (m) {
  MATCH (p:Person)-[a:ATTENDED]->(m)
  WITH coalesce(a.side, 'side unknown') AS side, p.name AS person
  ORDER BY side, person
  WITH side, collect(person) AS people
  RETURN collect(side + ': ' + reduce(s = '', n IN people | s + CASE WHEN s = '' THEN '' ELSE ', ' END + n)) AS participants
}
CALL (m) {
  MATCH (d:Document)-[rep:REPORTS]->(m)
  WITH d, rep
  ORDER BY d.published, d.path
  RETURN count(d) AS articles,
         collect(coalesce(d.title, d.path) + ' (' + coalesce(rep.status, '') + '; ' + coalesce(rep.why, '') + ')') AS sources
}
RETURN m.date AS date,
       CASE WHEN m.date IS NULL AND day <> '9999' THEN day END AS published,
       m.place AS place,
       m.status AS status,
       participants,
       articles,
       sources
ORDER BY coalesce(date, published, '9999'), place
