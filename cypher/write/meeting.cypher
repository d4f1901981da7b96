// name: meeting
// description: Meeting events keyed on the sides, place and date, linked to the documents that report them and to their place.
// param: rows list -- {key, name, sides, place, place_key, date, status, doc_id, sentence}
UNWIND $rows AS row
MERGE (m:Meeting {key: row.key})
ON CREATE SET m.name = row.name, m.sides = row.sides, m.place = row.place, m.date = row.date
SET m.status = CASE WHEN m.status = 'held' OR row.status = 'held' THEN 'held' ELSE row.status END,
    m.sources = coalesce(m.sources, []) + CASE WHEN row.doc_id IN coalesce(m.sources, []) THEN [] ELSE [row.doc_id] END
WITH m, row
MATCH (d:Document {doc_id: row.doc_id})
MERGE (d)-[rep:REPORTS]->(m)
SET rep.sentences = coalesce(rep.sentences, []) + [s IN [row.sentence] WHERE NOT s IN coalesce(rep.sentences, [])]
WITH m, row
WHERE row.place_key IS NOT NULL
MATCH (p:Place {key: row.place_key})
MERGE (m)-[:HELD_IN]->(p)
