// name: entity-names
// description: Names and aliases of every entity, to resolve new articles against what is loaded.
MATCH (e)
WHERE e:Person OR e:Country OR e:Organization OR e:Place
RETURN e.name AS name, labels(e)[0] AS type, e.aliases AS aliases
