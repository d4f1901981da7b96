// name: forget-evidence
// description: Delete one document's pieces of evidence (before it is written again with --force) and return the keys of the relationships they were evidence for, whose aggregates are then recounted (write/fact-recount).
// param: doc string -- the document id
MATCH (:Document {doc_id: $doc})-[:STATES]->(e:Evidence)
WITH e, e.fact AS fact
DETACH DELETE e
RETURN collect(DISTINCT fact) AS facts
