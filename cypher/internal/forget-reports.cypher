// name: forget-reports
// description: Take one document off the meetings it reports (before it is written again with --force) and return those meetings' keys, for write/meeting-recount.
// param: doc string -- the document id
MATCH (:Document {doc_id: $doc})-[rep:REPORTS]->(m:Meeting)
WITH m, rep
DELETE rep
RETURN collect(DISTINCT m.key) AS meetings
