// name: view-fact-periods
// description: The first and last publication day of the articles that state each of these fact relationships, which place a fact with no date of its own in time for the view's date slider and `kgbuild view --since/--until`.
// param: keys list -- relationship keys
UNWIND $keys AS key
MATCH (e:Evidence {fact: key})
RETURN key, min(e.published) AS first_published, max(e.published) AS last_published
