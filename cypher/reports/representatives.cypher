// name: representatives
// description: Who acts for which country or organisation, by country.
// param: country string = null -- only this country (name or alias, e.g. US)
// param: min_confidence float = 0.0 -- leave out facts extracted with less confidence than this
MATCH (p:Person)-[r:REPRESENTS]->(c:Entity)
WHERE r.confidence >= $min_confidence
  AND ($country IS NULL OR toLower($country) IN c.search)
RETURN c.name AS country,
       p.name AS person,
       size(r.sources) AS articles,
       r.confidence AS confidence,
       r.basis AS basis
ORDER BY country, person
