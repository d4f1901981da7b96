// name: older-graph
// description: Whether the graph holds documents written by an older kgbuild, whose graph model this one cannot extend: loaded documents but no Schema node of the version given (older kgbuilds kept evidence in lists on the relationships, or wrote Entity nodes).
// param: version int -- the graph model kgbuild writes
OPTIONAL MATCH (s:Schema {key: 'kgbuild'})
WITH s
OPTIONAL MATCH (d:Document {complete: true})
WITH s, d
LIMIT 1
RETURN d IS NOT NULL AND coalesce(s.version, 0) <> $version AS older
