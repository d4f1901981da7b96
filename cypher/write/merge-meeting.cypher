// name: merge-meeting
// description: A Meeting node merged into another that is the same event: its reports, attendances (article counts added), place and slots move, its date, publication range and round fill what the kept one lacks, and it is deleted; the kept meeting's article count and status are recounted afterwards (meeting-recount).
// param: rows list -- {from, to} meeting keys
UNWIND $rows AS row
MATCH (old:Meeting {key: row.from})
MATCH (m:Meeting {key: row.to})
SET m.date = coalesce(m.date, old.date),
    m.place = coalesce(m.place, old.place),
    m.occasion = coalesce(m.occasion, old.occasion),
    m.first_published = CASE WHEN old.first_published IS NOT NULL AND (m.first_published IS NULL OR old.first_published < m.first_published) THEN old.first_published ELSE m.first_published END,
    m.last_published = CASE WHEN old.last_published IS NOT NULL AND (m.last_published IS NULL OR old.last_published > m.last_published) THEN old.last_published ELSE m.last_published END
WITH old, m
OPTIONAL MATCH (d:Document)-[rep:REPORTS]->(old)
FOREACH (_ IN CASE WHEN d IS NULL THEN [] ELSE [1] END |
  MERGE (d)-[new:REPORTS]->(m)
  SET new.sentences = rep.sentences, new.status = rep.status, new.published = rep.published, new.date = rep.date,
      new.place = rep.place, new.people = rep.people, new.why = 'same people and time, after a merge of names')
WITH DISTINCT old, m
OPTIONAL MATCH (p:Person)-[a:ATTENDED]->(old)
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END |
  MERGE (p)-[b:ATTENDED]->(m)
  ON CREATE SET b.articles = 0, b.side = a.side
  SET b.articles = b.articles + a.articles)
WITH DISTINCT old, m
OPTIONAL MATCH (old)-[:HELD_IN]->(place)
FOREACH (_ IN CASE WHEN place IS NULL THEN [] ELSE [1] END | MERGE (m)-[:HELD_IN]->(place))
WITH DISTINCT old, m
OPTIONAL MATCH (s:Slot)-[:SLOT_OF]->(old)
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (s)-[:SLOT_OF]->(m))
WITH DISTINCT old
DETACH DELETE old
RETURN count(*) AS merged
