// name: meeting-status
// description: A meeting's status is the one its latest report gives (a report held on the same day as one planned wins): "planned" on Monday, "held" on Wednesday makes it held.
// param: rows list -- {key}
UNWIND $rows AS row
MATCH (m:Meeting {key: row.key})
CALL (m) {
  MATCH (:Document)-[rep:REPORTS]->(m)
  RETURN rep.status AS status
  ORDER BY coalesce(rep.published, '') DESC, CASE rep.status WHEN 'held' THEN 0 ELSE 1 END
  LIMIT 1
}
SET m.status = status
