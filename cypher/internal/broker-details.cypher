// name: broker-details
// description: Names, sides, and counterparts' sides of the people with these keys (the brokers report's top people).
// param: keys list -- Person keys
UNWIND $keys AS key
MATCH (p:Person {key: key})
OPTIONAL MATCH (p)-[:REPRESENTS]->(side)
WITH p, key, collect(DISTINCT side.name) AS sides
OPTIONAL MATCH (p)-[:MET_WITH]-(c:Person)
OPTIONAL MATCH (c)-[:REPRESENTS]->(other)
RETURN key,
       p.name AS person,
       sides,
       count(DISTINCT c) AS counterparts,
       [s IN collect(DISTINCT other.name) WHERE NOT s IN sides] AS counterpart_sides
