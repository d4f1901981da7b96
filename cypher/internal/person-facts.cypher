// name: person-facts
// description: The fact relationships of one person, either way round, with the name of the person it is to be merged into: what a revision that merges the person into another moves (a symmetric relationship is kept in name order, so the names decide its new direction).
// param: key string -- the person's key
// param: target string -- the key of the person it is merged into
MATCH (t:Person {key: $target})
MATCH (p:Person {key: $key})-[r]-(o)
WHERE r.key IS NOT NULL
RETURN type(r) AS type, startNode(r) = p AS outgoing, labels(o)[0] AS label, o.key AS other, r.key AS key,
       o.name AS other_name, t.name AS target_name
