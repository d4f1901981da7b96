// name: person-meetings
// description: The meetings people attended, with who else attended and what places them in time: where a revision looks for two Meeting nodes that a merge of people made one event.
// param: keys list -- person keys
UNWIND $keys AS key
MATCH (:Person {key: key})-[:ATTENDED]->(m:Meeting)
WITH DISTINCT key, m
CALL (m) {
  MATCH (p:Person)-[:ATTENDED]->(m)
  RETURN collect(p.key) AS people
}
RETURN key AS person, m.key AS key, m.sides AS sides, m.sides_key AS sides_key, m.place AS place, m.date AS date,
       m.first_published AS first_published, m.last_published AS last_published, m.occasion AS occasion, people
ORDER BY key
