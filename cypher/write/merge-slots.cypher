// name: merge-slots
// description: The (person, day) slots a merged person's meetings are found under, made again for the person it was merged into; the old slots are deleted.
// param: rows list -- {from, to} person keys
UNWIND $rows AS row
MATCH (:Person {key: row.from})-[:ATTENDED]->(m:Meeting)<-[:SLOT_OF]-(old:Slot)
WHERE old.key STARTS WITH row.from + '|'
WITH row, old, collect(DISTINCT m) AS meetings
MERGE (new:Slot {key: row.to + substring(old.key, size(row.from))})
WITH old, new, meetings
UNWIND meetings AS m
MERGE (new)-[:SLOT_OF]->(m)
WITH DISTINCT old
DETACH DELETE old
