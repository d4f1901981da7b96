// name: attended
// description: Who took part in a meeting, on which side, and in how many of its reports (one row per meeting, person and document). ATTENDED is merged from the meeting's end (a handful of attendees) rather than the person's (a leader attends thousands): ArcadeDB looks for an existing relationship from the node written first.
// param: rows list -- {meeting_key, person_key, side}
UNWIND $rows AS row
MATCH (m:Meeting {key: row.meeting_key})
MATCH (p:Person {key: row.person_key})
MERGE (m)<-[a:ATTENDED]-(p)
ON CREATE SET a.articles = 0
SET a.side = coalesce(row.side, a.side),
    a.articles = a.articles + 1
