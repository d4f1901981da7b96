// name: merge-facts
// description: A merged person's fact relationships of one type (__TYPE__ from a __SUBJECT__ to an __OBJECT__) made again on the person it was merged into, its evidence moved to them; their aggregates are recounted afterwards (fact-recount). The old relationships go with the merged node.
// param: rows list -- {subject_key, object_key, key, old_key}
UNWIND $rows AS row
MATCH (s:__SUBJECT__ {key: row.subject_key})
MATCH (o:__OBJECT__ {key: row.object_key})
MERGE (s)-[r:__TYPE__]->(o)
ON CREATE SET r.key = row.key, r.articles = 0, r.evidence = 0, r.confidence = 0.0, r.basis = 'known', r.rules = [], r.places = []
WITH row
MATCH (e:Evidence {fact: row.old_key})
SET e.fact = row.key
RETURN count(e) AS moved
