// name: evidence
// description: The sentences and documents behind every relationship between two entities, one row per sentence, with that sentence's confidence and basis.
// param: a entity -- one entity (any unambiguous part of the name, or an alias)
// param: b entity -- the other entity
MATCH (:Name {key: $a})-[:NAMES]->(x)
MATCH (:Name {key: $b})-[:NAMES]->(y)
MATCH (x)-[r]-(y)
UNWIND range(0, size(coalesce(r.sentences, [])) - 1) AS i
WITH r, i, r.sentence_docs[i] AS doc_id
MATCH (d:Document)
WHERE d.doc_id = doc_id
RETURN startNode(r).name AS subject,
       type(r) AS relationship,
       endNode(r).name AS object,
       r.sentences[i] AS sentence,
       coalesce(d.title, d.path) AS document,
       d.published AS published,
       r.confidences[i] AS confidence,
       r.evidence_bases[i] AS basis
ORDER BY relationship, published, document
LIMIT $kg_limit
