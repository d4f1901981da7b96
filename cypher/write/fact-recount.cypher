// name: fact-recount
// description: The aggregates of __TYPE__ relationships from a __SUBJECT__ to an __OBJECT__ recomputed from the evidence they have left (after `load --force` took a document's off, or a revision moved it); a relationship with no evidence left is deleted. Reads every piece of evidence of those relationships: done only for the relationships a change touched.
// param: rows list -- {subject_key, object_key, key}
// param: max_places int -- how many distinct places a relationship keeps
UNWIND $rows AS row
MATCH (:__SUBJECT__ {key: row.subject_key})-[r:__TYPE__]->(:__OBJECT__ {key: row.object_key})
CALL (r) {
  OPTIONAL MATCH (e:Evidence {fact: r.key})
  WITH e
  ORDER BY e.published, e.doc_id, e.start
  RETURN collect(e) AS evs
}
WITH r, evs, [e IN evs WHERE e.date IS NOT NULL | e.date] AS dates, [e IN evs WHERE e.status IS NOT NULL | e.status] AS statuses
SET r.evidence = size(evs),
    r.articles = size(reduce(a = [], e IN evs | CASE WHEN e.doc_id IN a THEN a ELSE a + e.doc_id END)),
    r.confidence = reduce(m = 0.0, e IN evs | CASE WHEN e.confidence > m THEN e.confidence ELSE m END),
    r.basis = CASE WHEN any(e IN evs WHERE e.basis = 'text') THEN 'text' ELSE 'known' END,
    r.rules = reduce(a = [], e IN evs | CASE WHEN e.rule IN a THEN a ELSE a + e.rule END),
    r.places = reduce(a = [], e IN evs | CASE WHEN e.place IS NULL OR e.place IN a THEN a ELSE a + e.place END)[..$max_places],
    r.first_date = reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d < m THEN d ELSE m END),
    r.last_date = reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d > m THEN d ELSE m END),
    r.status = CASE WHEN 'held' IN statuses THEN 'held' WHEN size(statuses) = 0 THEN null ELSE statuses[-1] END
WITH r
WHERE r.evidence = 0
DELETE r
