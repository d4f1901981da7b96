// name: sources
// description: The documents loaded, with titles and dates, and what each contributed (entities, facts, meetings).
MATCH (d:Document)
RETURN coalesce(d.title, '') AS title,
       d.published AS published,
       d.path AS path,
       COUNT { (d)-[:MENTIONS]->() } AS entities,
       COUNT { ()-[r]->() WHERE d.doc_id IN r.sentence_docs } AS facts,
       COUNT { (d)-[:REPORTS]->() } AS meetings,
       d.doc_id AS doc_id
ORDER BY published, path
