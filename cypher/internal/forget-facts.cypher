// name: forget-facts
// description: Take one document's evidence off every fact relationship it supports (before the document is extracted again with --force), recompute what is derived from the evidence left, and delete relationships no document supports any more.
// param: doc string -- the document id
MATCH (:Document {doc_id: $doc})-[:MENTIONS]->(e)
MATCH (e)-[r]->()
WHERE r.sentence_docs IS NOT NULL AND $doc IN r.sentence_docs
WITH DISTINCT r, [i IN range(0, size(r.sentence_docs) - 1) WHERE r.sentence_docs[i] <> $doc] AS keep
SET r.evidence_keys = [i IN keep | r.evidence_keys[i]],
    r.sentence_docs = [i IN keep | r.sentence_docs[i]],
    r.sentences = [i IN keep | r.sentences[i]],
    r.confidences = [i IN keep | r.confidences[i]],
    r.evidence_rules = [i IN keep | r.evidence_rules[i]],
    r.evidence_bases = [i IN keep | r.evidence_bases[i]],
    r.evidence_places = [i IN keep | r.evidence_places[i]],
    r.evidence_dates = [i IN keep | r.evidence_dates[i]],
    r.evidence_date_texts = [i IN keep | r.evidence_date_texts[i]],
    r.evidence_statuses = [i IN keep | r.evidence_statuses[i]]
WITH r
SET r.sources = reduce(a = [], x IN r.sentence_docs | CASE WHEN x IN a THEN a ELSE a + x END),
    r.confidence = reduce(m = 0.0, c IN r.confidences | CASE WHEN c > m THEN c ELSE m END),
    r.rules = reduce(a = [], x IN r.evidence_rules | CASE WHEN x IN a THEN a ELSE a + x END),
    r.basis = CASE WHEN 'text' IN r.evidence_bases THEN 'text' ELSE 'known' END,
    r.places = reduce(a = [], x IN r.evidence_places | CASE WHEN x = '' OR x IN a THEN a ELSE a + x END),
    r.dates = reduce(a = [], x IN r.evidence_dates | CASE WHEN x = '' OR x IN a THEN a ELSE a + x END),
    r.date_texts = reduce(a = [], x IN r.evidence_date_texts | CASE WHEN x = '' OR x IN a THEN a ELSE a + x END),
    r.status = CASE WHEN 'held' IN r.evidence_statuses THEN 'held' ELSE [x IN r.evidence_statuses WHERE x <> ''][-1] END
WITH r
WHERE size(r.sources) = 0
DELETE r
