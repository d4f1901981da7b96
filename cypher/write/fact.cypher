// name: fact
// description: Fact relationships of one type (__TYPE__ is a predicate such as MET_WITH) from a __SUBJECT__ to an __OBJECT__. Each piece of evidence (document, sentence, confidence, rule, basis, place, date, status) is kept in parallel lists; sources, best confidence, rules, basis (text when any article states it), places, dates and status are derived from them, so forgetting a document's evidence recomputes them (see internal/forget-facts).
// param: rows list -- {subject_key, object_key, doc_id, evidence_key, sentence, rule, confidence, basis, place, date, date_text, status}
UNWIND $rows AS row
MATCH (s:__SUBJECT__ {key: row.subject_key})
MATCH (o:__OBJECT__ {key: row.object_key})
MERGE (s)-[r:__TYPE__]->(o)
WITH r, row
WHERE NOT row.evidence_key IN coalesce(r.evidence_keys, [])
SET r.evidence_keys = coalesce(r.evidence_keys, []) + [row.evidence_key],
    r.sentence_docs = coalesce(r.sentence_docs, []) + [row.doc_id],
    r.sentences = coalesce(r.sentences, []) + [row.sentence],
    r.confidences = coalesce(r.confidences, []) + [row.confidence],
    r.evidence_rules = coalesce(r.evidence_rules, []) + [row.rule],
    r.evidence_bases = coalesce(r.evidence_bases, []) + [row.basis],
    r.evidence_places = coalesce(r.evidence_places, []) + [coalesce(row.place, '')],
    r.evidence_dates = coalesce(r.evidence_dates, []) + [coalesce(row.date, '')],
    r.evidence_date_texts = coalesce(r.evidence_date_texts, []) + [coalesce(row.date_text, '')],
    r.evidence_statuses = coalesce(r.evidence_statuses, []) + [coalesce(row.status, '')]
WITH r
SET r.sources = reduce(a = [], x IN r.sentence_docs | CASE WHEN x IN a THEN a ELSE a + x END),
    r.confidence = reduce(m = 0.0, c IN r.confidences | CASE WHEN c > m THEN c ELSE m END),
    r.rules = reduce(a = [], x IN r.evidence_rules | CASE WHEN x IN a THEN a ELSE a + x END),
    r.basis = CASE WHEN 'text' IN r.evidence_bases THEN 'text' ELSE 'known' END,
    r.places = reduce(a = [], x IN r.evidence_places | CASE WHEN x = '' OR x IN a THEN a ELSE a + x END),
    r.dates = reduce(a = [], x IN r.evidence_dates | CASE WHEN x = '' OR x IN a THEN a ELSE a + x END),
    r.date_texts = reduce(a = [], x IN r.evidence_date_texts | CASE WHEN x = '' OR x IN a THEN a ELSE a + x END),
    r.status = CASE WHEN 'held' IN r.evidence_statuses THEN 'held' ELSE [x IN r.evidence_statuses WHERE x <> ''][-1] END
