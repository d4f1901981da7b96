// name: person-apart
// description: Why a person known by a surname alone was not merged into a full name of the graph (several could be it), or null once nothing keeps it apart.
// param: rows list -- {key, why}
UNWIND $rows AS row
MATCH (p:Person {key: row.key})
SET p.apart = row.why
