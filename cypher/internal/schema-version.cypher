// name: schema-version
// description: Mark the graph as written in this graph model (see internal/older-graph).
// param: version int -- the graph model kgbuild writes
MERGE (s:Schema {key: 'kgbuild'})
SET s.version = $version
