// name: path
// description: The shortest chain of fact relationships (and meetings attended) between two people, step by step (__FACT_TYPES__: every predicate kgbuild extracts).
// param: a person -- one person (any unambiguous part of the name, or an alias)
// param: b person -- the other person
MATCH (:Name {key: $a})-[:NAMES]->(x:Person)
MATCH (:Name {key: $b})-[:NAMES]->(y:Person)
MATCH p = shortestPath((x)-[:__FACT_TYPES__|ATTENDED*..8]-(y))
UNWIND range(0, length(p) - 1) AS i
RETURN i + 1 AS step,
       coalesce(nodes(p)[i].name, nodes(p)[i].key) AS from,
       type(relationships(p)[i]) AS relationship,
       coalesce(nodes(p)[i + 1].name, nodes(p)[i + 1].key) AS to
ORDER BY step
