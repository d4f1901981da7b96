// name: forget-orphans
// description: Delete entities no document mentions any more and no relationship touches (left behind by forgetting a document), and Name keys that name nothing.
// param: keys list -- entity keys the forgotten documents mentioned
UNWIND $keys AS key
MATCH (:Name {key: key})-[:NAMES]->(e)
WHERE NOT EXISTS { (:Document)-[:MENTIONS]->(e) } AND NOT EXISTS { (e)-[r]-() WHERE type(r) <> 'NAMES' }
WITH DISTINCT e
MATCH (k:Name)-[:NAMES]->(e)
WITH e, collect(k) AS names
DETACH DELETE e
WITH names
UNWIND names AS k
WITH DISTINCT k
WHERE NOT EXISTS { (k)-[:NAMES]->() }
DELETE k
