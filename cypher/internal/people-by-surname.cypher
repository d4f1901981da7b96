// name: people-by-surname
// description: The people a surname's Name key finds, with the countries each represents: where a person known by a surname alone is looked for among the full names of the graph (kgbuild.graph.revise).
// param: surnames list -- folded surnames (the last word of a person key)
UNWIND $surnames AS surname
MATCH (:Name {key: surname})-[:NAMES]->(p:Person)
RETURN surname, p.key AS key, p.name AS name, p.aliases AS aliases, [(p)-[:REPRESENTS]->(c:Country) | c.key] AS sides
