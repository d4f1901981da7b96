// name: path
// description: The shortest chain of fact relationships (and meetings attended) between two people, step by step (__FACT_TYPES__: every predicate kgbuild extracts).
// param: a string -- one person (full name or any alias)
// param: b string -- the other person
MATCH (x:Person)
WHERE toLower($a) IN x.search
MATCH (y:Person)
WHERE toLower($b) IN y.search
MATCH p = shortestPath((x)-[:__FACT_TYPES__|ATTENDED*..8]-(y))
UNWIND range(0, length(p) - 1) AS i
RETURN i + 1 AS step,
       nodes(p)[i].name AS from,
       type(relationships(p)[i]) AS relationship,
       nodes(p)[i + 1].name AS to
ORDER BY step
