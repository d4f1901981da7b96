// name: envoys
// description: Envoys and whose envoys they are (a person, a country or a body), with how many articles say so.
// param: min_confidence float = 0.0 -- leave out facts extracted with less confidence than this
// param: since since = null -- only what an article dates on or after this day, month or year (the date its sentence gives, else its publication)
// param: until until = null -- only what an article dates on or before this day, month or year
// param: undated bool = false -- with since or until: also what no article dates
MATCH (e:Person)-[r:ENVOY_OF]->(p)
WHERE r.confidence >= $min_confidence
  AND __FACT_IN_PERIOD__
RETURN p.name AS principal,
       labels(p)[0] AS principal_type,
       e.name AS envoy,
       r.articles AS articles,
       r.confidence AS confidence,
       r.basis AS basis
ORDER BY principal, envoy
LIMIT $kg_limit
