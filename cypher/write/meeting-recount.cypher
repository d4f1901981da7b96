// name: meeting-recount
// description: Meetings whose reports changed (a document written again with --force): a meeting no document reports any more is deleted with the slots that found only it; the others get their article count and the status of their latest report again. Reads each such meeting's reports: done only for meetings a change touched.
// param: rows list -- {key}
UNWIND $rows AS row
MATCH (m:Meeting {key: row.key})
CALL (m) {
  OPTIONAL MATCH (:Document)-[rep:REPORTS]->(m)
  WITH rep
  ORDER BY coalesce(rep.published, '') DESC, CASE rep.status WHEN 'held' THEN 0 ELSE 1 END
  RETURN count(rep) AS articles, collect(rep.status)[0] AS status, collect(coalesce(rep.published, ''))[0] AS day
}
SET m.articles = articles, m.status = status, m.status_published = day
WITH m
WHERE m.articles = 0
CALL (m) {
  MATCH (s:Slot)-[:SLOT_OF]->(m)
  WHERE COUNT { (s)-[:SLOT_OF]->() } = 1
  DETACH DELETE s
}
DETACH DELETE m
