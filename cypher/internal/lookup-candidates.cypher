// name: lookup-candidates
// description: What tells apart the entities a name could be (read only when it fits several): the sides each represents, its other roles, and how many articles mention it. Found by their graph keys, which are Name keys too (an index seek each).
// param: keys list -- graph keys of the entities
UNWIND $keys AS key
MATCH (:Name {key: key})-[:NAMES]->(e)
WHERE e.key = key
RETURN
  e.key AS key,
  [(e)-[:REPRESENTS]->(s) | s.name] AS sides,
  [(e)-[r:ENVOY_OF|SPOKESPERSON_OF|ADVISER_OF|LEADS|MEMBER_OF]->(o) | type(r) + ' ' + o.name] AS roles,
  size([(d:Document)-[:MENTIONS]->(e) | d]) AS articles
