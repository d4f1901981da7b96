// name: path
// description: The shortest chain of fact relationships (and meetings attended) between two people, one relationship a step, each as written (subject, relationship, object) (__FACT_TYPES__: every predicate kgbuild extracts).
// param: a person -- one person (any unambiguous part of the name, or an alias)
// param: b person -- the other person
MATCH (:Name {key: $a})-[:NAMES]->(x:Person)
MATCH (:Name {key: $b})-[:NAMES]->(y:Person)
MATCH p = shortestPath((x)-[:__FACT_TYPES__|ATTENDED*..8]-(y))
UNWIND range(0, length(p) - 1) AS i
WITH i, relationships(p)[i] AS r
RETURN i + 1 AS step,
       coalesce(startNode(r).name, startNode(r).key) AS subject,
       type(r) AS relationship,
       coalesce(endNode(r).name, endNode(r).key) AS object
ORDER BY step
LIMIT $kg_limit
