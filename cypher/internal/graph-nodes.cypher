// name: graph-nodes
// description: Every node (documents only when asked) with its label and properties, for views and exports.
// param: documents bool -- include Document nodes
MATCH (n)
WHERE $documents OR NOT n:Document
RETURN coalesce(n.key, n.doc_id) AS id,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       properties(n) AS properties
