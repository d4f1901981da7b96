// name: known-documents
// description: Which of these document ids are already in the graph.
// param: ids list -- document ids (SHA-256)
MATCH (d:Document)
WHERE d.doc_id IN $ids
RETURN d.doc_id AS doc_id
