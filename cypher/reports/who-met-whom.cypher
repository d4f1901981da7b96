// name: who-met-whom
// description: Counterparts who met or held talks, with places, dates, status and how many articles say so.
// param: person string = null -- only this person's counterparts (full name or any alias)
// param: min_confidence float = 0.0 -- leave out meetings extracted with less confidence than this
MATCH (a:Person)-[r:MET_WITH]-(b:Person)
WHERE r.confidence >= $min_confidence
  AND (($person IS NULL AND a.name < b.name) OR toLower($person) IN a.search)
RETURN a.name AS person,
       b.name AS counterpart,
       r.status AS status,
       r.places AS places,
       r.dates AS dates,
       size(r.sources) AS articles,
       r.confidence AS confidence,
       r.basis AS basis
ORDER BY person, counterpart
