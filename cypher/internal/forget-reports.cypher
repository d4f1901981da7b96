// name: forget-reports
// description: Take one document off the meetings it reports (before it is extracted again with --force); meetings no document reports any more are deleted.
// param: doc string -- the document id
MATCH (:Document {doc_id: $doc})-[rep:REPORTS]->(m:Meeting)
DELETE rep
WITH m
SET m.sources = [s IN coalesce(m.sources, []) WHERE s <> $doc]
WITH m
WHERE size(m.sources) = 0
DETACH DELETE m
