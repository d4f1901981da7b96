// name: envoys
// description: Envoys and whose envoys they are (a person, a country or a body), with how many articles say so.
// param: min_confidence float = 0.0 -- leave out facts extracted with less confidence than this
MATCH (e:Person)-[r:ENVOY_OF]->(p)
WHERE r.confidence >= $min_confidence
RETURN p.name AS principal,
       labels(p)[0] AS principal_type,
       e.name AS envoy,
       r.articles AS articles,
       r.confidence AS confidence,
       r.basis AS basis
ORDER BY principal, envoy
LIMIT $kg_limit
