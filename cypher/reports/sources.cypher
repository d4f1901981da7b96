// name: sources
// description: The documents loaded, with titles and dates, and what each contributed (entities, facts, meetings).
MATCH (d:Document)
RETURN coalesce(d.title, '') AS title,
       d.published AS published,
       d.path AS path,
       COUNT { (d)-[:MENTIONS]->() } AS entities,
       coalesce(d.facts, 0) AS facts,
       coalesce(d.meetings, 0) AS meetings,
       d.doc_id AS doc_id
ORDER BY published, path
LIMIT $kg_limit
