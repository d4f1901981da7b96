// name: fact
// description: Fact relationships of one type (__TYPE__ is a predicate such as MET_WITH), keeping sources, evidence sentences, rules, best confidence, basis (text when any article states it, else known) and meeting qualifiers.
// param: rows list -- {subject_key, object_key, doc_id, evidence_key, sentence, rule, confidence, basis, place, date, status}
UNWIND $rows AS row
MATCH (s:Entity {key: row.subject_key})
MATCH (o:Entity {key: row.object_key})
MERGE (s)-[r:__TYPE__]->(o)
WITH r, row, NOT row.evidence_key IN coalesce(r.evidence_keys, []) AS fresh
SET r.sources = coalesce(r.sources, []) + CASE WHEN row.doc_id IN coalesce(r.sources, []) THEN [] ELSE [row.doc_id] END,
    r.evidence_keys = coalesce(r.evidence_keys, []) + CASE WHEN fresh THEN [row.evidence_key] ELSE [] END,
    r.sentences = coalesce(r.sentences, []) + CASE WHEN fresh THEN [row.sentence] ELSE [] END,
    r.sentence_docs = coalesce(r.sentence_docs, []) + CASE WHEN fresh THEN [row.doc_id] ELSE [] END,
    r.rules = coalesce(r.rules, []) + CASE WHEN row.rule IN coalesce(r.rules, []) THEN [] ELSE [row.rule] END,
    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
    r.basis = CASE WHEN row.basis = 'text' OR r.basis = 'text' THEN 'text' ELSE 'known' END,
    r.places = coalesce(r.places, []) + [p IN [row.place] WHERE p IS NOT NULL AND NOT p IN coalesce(r.places, [])],
    r.dates = coalesce(r.dates, []) + [x IN [row.date] WHERE x IS NOT NULL AND NOT x IN coalesce(r.dates, [])],
    r.status = CASE WHEN row.status IS NULL THEN r.status
                    WHEN r.status = 'held' OR row.status = 'held' THEN 'held'
                    ELSE row.status END
