// name: meeting
// description: Meeting events (kgbuild.resolve.meetings decides which reports are one meeting), each report a REPORTS relationship from its document with the report's status, date, place, sentences, people and why it joined this meeting; a date or a more exact place that a later report gives is added; the meeting's status is the one its latest report gives (of one day, held wins), kept up to date report by report, so writing a report does not read the meeting's other reports.
// param: rows list -- {key, name, sides, sides_key, place, place_key, date, occasion, first_published, last_published, status, held, doc_id, published, report_date, report_place, sentences, people, why}
UNWIND $rows AS row
MERGE (m:Meeting {key: row.key})
ON CREATE SET m.articles = 0
SET m.sides = row.sides,
    m.sides_key = row.sides_key,
    m.name = row.name,
    m.place = row.place,
    m.date = coalesce(m.date, row.date),
    m.occasion = coalesce(m.occasion, row.occasion),
    m.first_published = CASE WHEN row.first_published IS NOT NULL AND (m.first_published IS NULL OR row.first_published < m.first_published) THEN row.first_published ELSE m.first_published END,
    m.last_published = CASE WHEN row.last_published IS NOT NULL AND (m.last_published IS NULL OR row.last_published > m.last_published) THEN row.last_published ELSE m.last_published END
WITH m, row
MATCH (d:Document {doc_id: row.doc_id})
MERGE (d)-[rep:REPORTS]->(m)
ON CREATE SET m.articles = m.articles + 1
SET rep.sentences = row.sentences,
    rep.status = CASE WHEN row.held THEN 'held' ELSE row.status END,
    rep.published = row.published,
    rep.date = row.report_date,
    rep.place = row.report_place,
    rep.people = row.people,
    rep.why = row.why
WITH m, row, rep, coalesce(row.published, '') AS day
SET m.status = CASE
      WHEN m.status_published IS NULL OR day > m.status_published OR (day = m.status_published AND rep.status = 'held') THEN rep.status
      ELSE m.status END,
    m.status_published = CASE WHEN m.status_published IS NULL OR day > m.status_published THEN day ELSE m.status_published END
WITH m, row
WHERE row.place_key IS NOT NULL
CALL (m, row) {
  OPTIONAL MATCH (p:Place {key: row.place_key})
  OPTIONAL MATCH (c:Country {key: row.place_key})
  WITH m, coalesce(p, c) AS place
  WHERE place IS NOT NULL
  MERGE (m)-[:HELD_IN]->(place)
  RETURN count(*) AS placed
}
RETURN count(*) AS written
