// name: attended
// description: Who took part in a meeting, on which side, according to which documents. ATTENDED is merged from the meeting's end (a handful of attendees) rather than the person's (a leader attends thousands): ArcadeDB looks for an existing relationship from the node written first.
// param: rows list -- {meeting_key, person_key, side, doc_id}
UNWIND $rows AS row
MATCH (m:Meeting {key: row.meeting_key})
MATCH (p:Person {key: row.person_key})
MERGE (m)<-[a:ATTENDED]-(p)
SET a.side = coalesce(row.side, a.side),
    a.sources = coalesce(a.sources, []) + CASE WHEN row.doc_id IN coalesce(a.sources, []) THEN [] ELSE [row.doc_id] END
