// name: forget-attended
// description: Take one document off the attendances it reported (before it is extracted again with --force); attendances no document reports any more are deleted.
// param: doc string -- the document id
MATCH (:Document {doc_id: $doc})-[:REPORTS]->(m:Meeting)<-[a:ATTENDED]-(:Person)
WHERE $doc IN coalesce(a.sources, [])
SET a.sources = [s IN a.sources WHERE s <> $doc]
WITH a
WHERE size(a.sources) = 0
DELETE a
