// name: meetings-near
// description: The meetings already in the graph between these sides or attended by these people, with their attendees and the publication dates of their reports, for deciding whether a new report is one of them.
// param: sides list -- sides keys
// param: people list -- person keys
CALL () {
  UNWIND $sides AS key
  MATCH (m:Meeting {sides_key: key})
  RETURN m
  UNION
  UNWIND $people AS key
  MATCH (:Person {key: key})-[:ATTENDED]->(m:Meeting)
  RETURN m
}
CALL (m) {
  OPTIONAL MATCH (p:Person)-[:ATTENDED]->(m)
  RETURN collect(DISTINCT p.name) AS people
}
CALL (m) {
  OPTIONAL MATCH (d:Document)-[:REPORTS]->(m)
  RETURN collect(d.published) AS reported
}
RETURN m.key AS key, m.sides_key AS sides_key, m.sides AS sides, m.place AS place, m.date AS date, people, reported
