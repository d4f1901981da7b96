// name: entity-list
// description: The names of the entities of the graph, to suggest the closest when a name matches none (only on that error).
// param: limit int -- at most this many
MATCH (e)
WHERE e:Person OR e:Country OR e:Organization OR e:Place
RETURN e.name AS name, labels(e)[0] AS label
LIMIT $limit
