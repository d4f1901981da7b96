// name: graph-relationships
// description: Every relationship (MENTIONS, REPORTS and STATES only with documents; the Name and Slot lookup links never) with its type and properties.
// param: documents bool -- include relationships from Document nodes
MATCH (a)-[r]->(b)
WHERE NOT (a:Name OR a:Slot) AND ($documents OR NOT a:Document)
RETURN coalesce(a.key, a.doc_id, elementId(a)) AS source,
       coalesce(b.key, b.doc_id, elementId(b)) AS target,
       type(r) AS type,
       properties(r) AS properties
