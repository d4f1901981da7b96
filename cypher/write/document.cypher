// name: document
// description: One Document node per article, keyed by the SHA-256 of its normalised text.
// param: rows list -- {doc_id, path, title, url, source, published, chars, loaded_at, facts, meetings}
UNWIND $rows AS row
MERGE (d:Document {doc_id: row.doc_id})
ON CREATE SET d.loaded_at = row.loaded_at
SET d.path = row.path,
    d.title = row.title,
    d.url = row.url,
    d.source = row.source,
    d.published = row.published,
    d.chars = row.chars,
    d.facts = row.facts,
    d.meetings = row.meetings
