// name: forget-attended
// description: Take one document off the attendances its reports named (before it is written again with --force); an attendance no report names any more is deleted.
// param: doc string -- the document id
MATCH (:Document {doc_id: $doc})-[rep:REPORTS]->(m:Meeting)
UNWIND coalesce(rep.people, []) AS key
MATCH (:Person {key: key})-[a:ATTENDED]->(m)
SET a.articles = a.articles - 1
WITH a
WHERE a.articles <= 0
DELETE a
