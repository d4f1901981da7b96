// name: lookup-names
// description: The entities these Name keys find (folded names, aliases, surnames, codes, demonyms), with the spellings that name each: an index seek per key.
// param: keys list -- folded name keys
UNWIND $keys AS key
MATCH (:Name {key: key})-[:NAMES]->(e)
RETURN DISTINCT e.key AS key, e.name AS name, labels(e)[0] AS label, e.aliases AS aliases
