// name: any-document
// description: One document of the graph, if it holds any: whether anything was loaded at all.
MATCH (d:Document)
RETURN d.doc_id AS id
LIMIT 1
