// name: known-documents
// description: Which of these documents are already in the graph with all their facts (complete).
// param: ids list -- document ids (SHA-256)
MATCH (d:Document)
WHERE d.doc_id IN $ids AND d.complete = true
RETURN d.doc_id AS doc_id
