// name: forget-facts
// description: The evidence of relationships that a merge would turn into a person meeting themself (the surname and the full name met in one sentence's reading): deleted, with the relationships.
// param: keys list -- relationship keys
UNWIND $keys AS key
MATCH (e:Evidence {fact: key})
DETACH DELETE e
