// name: graph-nodes
// description: Every node (documents only when asked; the Name lookup keys never) with its label and properties, for views and exports; a node kgbuild did not write (no key) is known by its element id.
// param: documents bool -- include Document nodes
MATCH (n)
WHERE NOT n:Name AND ($documents OR NOT n:Document)
RETURN coalesce(n.key, n.doc_id, elementId(n)) AS id,
       labels(n)[0] AS label,
       properties(n) AS properties
