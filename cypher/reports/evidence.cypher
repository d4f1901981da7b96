// name: evidence
// description: The sentences and documents behind every relationship between two entities, one row per piece of evidence, with its confidence and basis (and, for meetings, place, date and status).
// param: a entity -- one entity (any unambiguous part of the name, or an alias)
// param: b entity -- the other entity
// param: since since = null -- only evidence dated on or after this day, month or year (the date the sentence gives, else the article's publication)
// param: until until = null -- only evidence dated on or before this day, month or year
// param: undated bool = false -- with since or until: also evidence nothing dates
MATCH (:Name {key: $a})-[:NAMES]->(x)
MATCH (:Name {key: $b})-[:NAMES]->(y)
MATCH (x)-[r]-(y)
WHERE r.key IS NOT NULL
MATCH (e:Evidence {fact: r.key})
MATCH (d:Document {doc_id: e.doc_id})
WITH r, e, d, coalesce(e.date, d.published) AS day
WHERE __IN_PERIOD__
RETURN startNode(r).name AS subject,
       type(r) AS relationship,
       endNode(r).name AS object,
       e.sentence AS sentence,
       coalesce(d.title, d.path) AS document,
       e.date AS date,
       d.published AS published,
       e.confidence AS confidence,
       e.basis AS basis
ORDER BY relationship, published, document
LIMIT $kg_limit
