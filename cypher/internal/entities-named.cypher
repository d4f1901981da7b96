// name: entities-named
// description: Entities any of these Name keys lead to, with their names and aliases, for resolving new articles against what is loaded (an index seek per key).
// param: keys list -- Name keys (transliteration keys, surnames, surname blocks, folded names)
UNWIND $keys AS key
MATCH (:Name {key: key})-[:NAMES]->(e)
RETURN DISTINCT e.name AS name, labels(e)[0] AS type, e.aliases AS aliases
