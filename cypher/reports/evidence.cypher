// name: evidence
// description: The sentences and documents behind every relationship between two entities.
// param: a string -- one entity (full name or any alias)
// param: b string -- the other entity
MATCH (x:Entity)-[r]-(y:Entity)
WHERE toLower($a) IN x.search AND toLower($b) IN y.search
UNWIND range(0, size(r.sentences) - 1) AS i
WITH r, i, r.sentence_docs[i] AS doc_id
MATCH (d:Document)
WHERE d.doc_id = doc_id
RETURN startNode(r).name AS subject,
       type(r) AS relationship,
       endNode(r).name AS object,
       r.sentences[i] AS sentence,
       coalesce(d.title, d.path) AS document,
       d.path AS path,
       r.confidence AS confidence,
       r.basis AS basis
ORDER BY relationship, document
