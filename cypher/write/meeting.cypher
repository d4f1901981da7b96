// name: meeting
// description: Meeting events (kgbuild.events decides which reports are one meeting), linked to the documents that report them, with each report's status and date, and to the places reported; a date or a more exact place that a later report gives is added.
// param: rows list -- {key, name, sides, sides_key, place, place_key, date, status, doc_id, published, sentence}
UNWIND $rows AS row
MERGE (m:Meeting {key: row.key})
SET m.sides = row.sides,
    m.sides_key = row.sides_key,
    m.name = row.name,
    m.place = row.place,
    m.date = coalesce(m.date, row.date),
    m.sources = coalesce(m.sources, []) + CASE WHEN row.doc_id IN coalesce(m.sources, []) THEN [] ELSE [row.doc_id] END
WITH m, row
MATCH (d:Document {doc_id: row.doc_id})
MERGE (d)-[rep:REPORTS]->(m)
SET rep.sentences = coalesce(rep.sentences, []) + [s IN [row.sentence] WHERE NOT s IN coalesce(rep.sentences, [])],
    rep.status = CASE WHEN rep.status = 'held' OR row.status = 'held' THEN 'held' ELSE row.status END,
    rep.published = row.published
WITH m, row
WHERE row.place_key IS NOT NULL
MATCH (p:Place {key: row.place_key})
MERGE (m)-[:HELD_IN]->(p)
