// name: entity
// description: Entities of one label (__LABEL__ is Person, Country, Organization or Place) with every spelling seen (the name is the longest spelling, then the first alphabetically, so it does not depend on which article came first; the others are aliases), the documents that mention them, and the Name keys that find them (folded names, aliases, surnames; see kgbuild/lookup.py). The entity keeps the Name keys it already has (name_keys), so a known entity costs no NAMES lookup however often the news repeats it; a new key's NAMES is merged from the entity's end: ArcadeDB looks for an existing relationship among the first-written node's relationships in that direction, and a Name such as a common given name finds thousands of people, while a new entity has one relationship (an entity every article MENTIONS has as many as articles, which is why known keys are skipped).
// param: rows list -- {key, name, aliases, names (distinct), doc_id, count}
UNWIND $rows AS row
MERGE (e:__LABEL__ {key: row.key})
ON CREATE SET e.name = row.name
WITH e, row, e.name AS old
SET e.name = CASE WHEN size(row.name) > size(old) OR (size(row.name) = size(old) AND row.name < old) THEN row.name ELSE old END
SET e.aliases = reduce(out = [], a IN coalesce(e.aliases, []) + [old, row.name] + row.aliases |
                       CASE WHEN a = e.name OR a IN out THEN out ELSE out + a END)
WITH e, row
MATCH (d:Document {doc_id: row.doc_id})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = row.count
WITH e, [k IN row.names WHERE NOT k IN coalesce(e.name_keys, [])] AS new
SET e.name_keys = coalesce(e.name_keys, []) + new
WITH e, new
UNWIND new AS name
MERGE (n:Name {key: name})
MERGE (e)<-[:NAMES]-(n)
