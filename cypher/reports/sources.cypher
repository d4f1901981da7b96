// name: sources
// description: The documents loaded, with titles and dates, and what each contributed (entities, facts, meetings).
// param: since since = null -- only articles published on or after this day, month or year
// param: until until = null -- only articles published on or before this day, month or year
// param: undated bool = false -- with since or until: also the articles with no publication date
MATCH (d:Document)
WITH d, d.published AS day
WHERE __IN_PERIOD__
RETURN coalesce(d.title, '') AS title,
       d.published AS published,
       d.path AS path,
       COUNT { (d)-[:MENTIONS]->() } AS entities,
       coalesce(d.facts, 0) AS facts,
       coalesce(d.meetings, 0) AS meetings,
       d.doc_id AS doc_id
ORDER BY published, path
LIMIT $kg_limit
