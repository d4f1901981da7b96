// name: slot
// description: The index meetings are found by when a new report comes: a Slot per attendee and day (the meeting's date, the publication date of an undated report, or 'u' for none), linked to the meetings it holds. A Slot holds the few meetings of one person on one day, so finding a report's meeting reads no more than that however many meetings the person had.
// param: rows list -- {key, meeting_key}
UNWIND $rows AS row
MATCH (m:Meeting {key: row.meeting_key})
MERGE (s:Slot {key: row.key})
MERGE (s)-[:SLOT_OF]->(m)
