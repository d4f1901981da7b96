// name: entity
// description: Entities of one label (__LABEL__ is Person, Country, Organization or Place), with every alias seen (another canonical spelling of the same key included) (search: the lower-cased name and aliases, for lookups), and the documents that mention them.
// param: rows list -- {key, name, aliases, doc_id, count}
UNWIND $rows AS row
MERGE (e:Entity:__LABEL__ {key: row.key})
ON CREATE SET e.name = row.name
SET e.aliases = coalesce(e.aliases, []) + [a IN [row.name] + row.aliases WHERE a <> e.name AND NOT a IN coalesce(e.aliases, [])]
SET e.search = [x IN [e.name] + e.aliases | toLower(x)]
WITH e, row
MATCH (d:Document {doc_id: row.doc_id})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = row.count
