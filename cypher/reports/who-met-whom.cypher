// name: who-met-whom
// description: Counterparts who met or held talks, with places, dates, status, how many articles say so and whether the text states it (basis).
// param: person person = null -- only this person's counterparts (any unambiguous part of the name, or an alias)
// param: min_confidence float = 0.0 -- leave out meetings extracted with less confidence than this
// param: since since = null -- only counterparts an article dates on or after this day, month or year (the meeting's date, else the article's publication)
// param: until until = null -- only counterparts an article dates on or before this day, month or year
// param: undated bool = false -- with since or until: also counterparts no article dates
// Two branches, one of which returns nothing: a top-level UNION streams where a CALL subquery would
// hold every pair first; with no threshold asked, no pair's confidence is read.
MATCH (a:Person {key: $person})-[r:MET_WITH]-(b:Person)
WHERE ($min_confidence = 0.0 OR r.confidence >= $min_confidence)
  AND __FACT_IN_PERIOD__
WITH a.name AS person, b.name AS counterpart, r
ORDER BY person, counterpart
LIMIT $kg_limit
RETURN person,
       counterpart,
       r.status AS status,
       r.places AS places,
       CASE WHEN r.first_date = r.last_date THEN [r.first_date] ELSE [x IN [r.first_date, r.last_date] WHERE x IS NOT NULL] END AS dates,
       r.articles AS articles,
       r.confidence AS confidence,
       r.basis AS basis
UNION ALL
WITH $person AS key
WHERE key IS NULL
MATCH (a:Person)-[r:MET_WITH]->(b:Person)
WHERE ($min_confidence = 0.0 OR r.confidence >= $min_confidence)
  AND __FACT_IN_PERIOD__
WITH a.name AS person, b.name AS counterpart, r
ORDER BY person, counterpart
LIMIT $kg_limit
RETURN person,
       counterpart,
       r.status AS status,
       r.places AS places,
       CASE WHEN r.first_date = r.last_date THEN [r.first_date] ELSE [x IN [r.first_date, r.last_date] WHERE x IS NOT NULL] END AS dates,
       r.articles AS articles,
       r.confidence AS confidence,
       r.basis AS basis
