// name: person-facts
// description: The fact relationships of one person, either way round: what a revision that merges the person into another moves.
// param: key string -- the person's key
MATCH (p:Person {key: $key})-[r]-(o)
WHERE r.key IS NOT NULL
RETURN type(r) AS type, startNode(r) = p AS outgoing, labels(o)[0] AS label, o.key AS other, r.key AS key
