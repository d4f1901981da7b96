// name: graph-nodes
// description: Every node (documents and their pieces of evidence only when asked; the Name and Slot lookup keys and the Schema mark never) with its label and properties, for views and exports; a node kgbuild did not write (no key) is known by its element id.
// param: documents bool -- include Document and Evidence nodes
MATCH (n)
WHERE NOT (n:Name OR n:Slot OR n:Schema) AND ($documents OR NOT (n:Document OR n:Evidence))
RETURN coalesce(n.key, n.doc_id, elementId(n)) AS id,
       labels(n)[0] AS label,
       properties(n) AS properties
