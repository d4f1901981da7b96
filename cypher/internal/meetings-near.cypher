// name: meetings-near
// description: The meetings found under these slots (a person and a day each; see write/slot), with the keys of their attendees and the dates that place them in time, for deciding whether a new report is one of them: index seeks, however many meetings those people had.
// param: slots list -- slot keys
// param: replacing list -- documents about to be written again (load --force): a meeting only they report is not a candidate
UNWIND $slots AS key
MATCH (:Slot {key: key})-[:SLOT_OF]->(m:Meeting)
WITH DISTINCT m
WHERE size($replacing) = 0 OR EXISTS { MATCH (d:Document)-[:REPORTS]->(m) WHERE NOT d.doc_id IN $replacing }
CALL (m) {
  OPTIONAL MATCH (p:Person)-[:ATTENDED]->(m)
  RETURN collect(DISTINCT p.key) AS people
}
RETURN m.key AS key, m.sides_key AS sides_key, m.sides AS sides, m.place AS place, m.date AS date,
       m.first_published AS first_published, m.last_published AS last_published, m.occasion AS occasion, people
