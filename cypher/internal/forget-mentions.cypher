// name: forget-mentions
// description: Remove one document's MENTIONS (before it is extracted again with --force) and return the keys of the entities it mentioned, for forget-orphans once the document is written again.
// param: doc string -- the document id
MATCH (:Document {doc_id: $doc})-[x:MENTIONS]->(e)
WITH x, e.key AS key
DELETE x
RETURN collect(key) AS keys
