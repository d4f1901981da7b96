// name: entity-names
// description: Names and aliases of every entity, to resolve new articles against what is loaded.
MATCH (e:Entity)
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, e.aliases AS aliases
