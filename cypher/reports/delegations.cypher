// name: delegations
// description: Who sat on which side at each meeting, with the delegation's leaders where the articles reporting that meeting name them.
// param: country string = null -- only this country's delegations (name or alias)
MATCH (p:Person)-[a:ATTENDED]->(m:Meeting)
WITH p, m, coalesce(a.side, 'unknown side') AS country
MATCH (c:Entity)
WHERE c.name = country OR country = 'unknown side'
WITH DISTINCT p, m, country, c
WHERE $country IS NULL OR toLower($country) IN c.search
OPTIONAL MATCH (p)-[l:LEADS]->(o:Organization {name: country + ' delegation'})
WHERE any(s IN l.sources WHERE s IN m.sources)
WITH m, country, collect(DISTINCT p.name) AS members,
     [x IN collect(DISTINCT CASE WHEN o IS NULL THEN NULL ELSE p.name END) WHERE x IS NOT NULL] AS leaders
RETURN m.date AS date, m.place AS place, m.status AS status, country, leaders, members
ORDER BY date, place, country
