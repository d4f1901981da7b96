// name: fact
// description: Fact relationships of one type (__TYPE__ is a predicate such as MET_WITH) from a __SUBJECT__ to an __OBJECT__, one row per document. Each piece of evidence (the sentence, its confidence, rule, basis, place, date, status) is an Evidence node the document STATES, found by the relationship's key; the relationship keeps aggregates that each row updates rather than recomputes (articles, evidence, best confidence, basis: text once any article states it, rules, places, first and last date, status: held once any report says so), so the cost of a row does not grow with how many articles stated the fact before. Evidence already there (the same document written twice at once) is not counted again.
// param: rows list -- {subject_key, object_key, key, doc_id, evidence: [{key, sentence, start, confidence, rule, basis, place, date, date_text, status, published}], confidence, basis, rules, places, first_date, last_date, held, status}
// param: max_places int -- how many distinct places a relationship keeps
UNWIND $rows AS row
MATCH (s:__SUBJECT__ {key: row.subject_key})
MATCH (o:__OBJECT__ {key: row.object_key})
MATCH (d:Document {doc_id: row.doc_id})
MERGE (s)-[r:__TYPE__]->(o)
ON CREATE SET r.key = row.key, r.articles = 0, r.evidence = 0, r.confidence = 0.0, r.basis = 'known', r.rules = [], r.places = []
WITH r, row, d
CALL (r, row, d) {
  UNWIND row.evidence AS ev
  OPTIONAL MATCH (old:Evidence {key: ev.key})
  WITH r, row, d, ev, old
  WHERE old IS NULL
  CREATE (d)-[:STATES]->(e:Evidence {key: ev.key, fact: row.key, type: type(r), doc_id: row.doc_id,
                                     sentence: ev.sentence, start: ev.start, confidence: ev.confidence,
                                     rule: ev.rule, basis: ev.basis, place: ev.place, date: ev.date,
                                     date_text: ev.date_text, status: ev.status, published: ev.published})
  RETURN count(e) AS added
}
SET r.evidence = r.evidence + added,
    r.articles = r.articles + CASE WHEN added > 0 THEN 1 ELSE 0 END,
    r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
    r.basis = CASE WHEN row.basis = 'text' THEN 'text' ELSE r.basis END,
    r.rules = r.rules + [x IN row.rules WHERE NOT x IN r.rules],
    r.places = (r.places + [x IN row.places WHERE NOT x IN r.places])[..$max_places],
    r.first_date = CASE WHEN row.first_date IS NOT NULL AND (r.first_date IS NULL OR row.first_date < r.first_date) THEN row.first_date ELSE r.first_date END,
    r.last_date = CASE WHEN row.last_date IS NOT NULL AND (r.last_date IS NULL OR row.last_date > r.last_date) THEN row.last_date ELSE r.last_date END,
    r.status = CASE WHEN r.status = 'held' OR row.held THEN 'held' ELSE coalesce(row.status, r.status) END
