// name: merge-person
// description: A person merged into another (after its facts and slots moved): its spellings become aliases, its mentions, Name keys (and the name_keys list that skips known ones) and attendances move (article counts added), the reports that list it list the other, and the node is deleted. The person kept records which keys were merged into it.
// param: rows list -- {from, to} person keys
UNWIND $rows AS row
MATCH (s:Person {key: row.from})
MATCH (f:Person {key: row.to})
SET f.aliases = coalesce(f.aliases, []) + [a IN [s.name] + coalesce(s.aliases, []) WHERE a <> f.name AND NOT a IN coalesce(f.aliases, [])],
    f.merged = coalesce(f.merged, []) + [k IN [s.key] + coalesce(s.merged, []) WHERE NOT k IN coalesce(f.merged, [])]
WITH s, f
OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(s)
FOREACH (_ IN CASE WHEN d IS NULL THEN [] ELSE [1] END |
  MERGE (d)-[m2:MENTIONS]->(f)
  ON CREATE SET m2.count = 0
  SET m2.count = m2.count + coalesce(m.count, 0))
WITH DISTINCT s, f
OPTIONAL MATCH (n:Name)-[:NAMES]->(s)
FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | MERGE (f)<-[:NAMES]-(n))
WITH s, f, collect(n.key) AS moved
SET f.name_keys = coalesce(f.name_keys, []) + [k IN moved WHERE NOT k IN coalesce(f.name_keys, [])]
WITH DISTINCT s, f
OPTIONAL MATCH (s)-[a:ATTENDED]->(mt:Meeting)
FOREACH (_ IN CASE WHEN mt IS NULL THEN [] ELSE [1] END |
  MERGE (f)-[a2:ATTENDED]->(mt)
  ON CREATE SET a2.articles = 0, a2.side = a.side
  SET a2.articles = a2.articles + a.articles)
WITH DISTINCT s, f
OPTIONAL MATCH (:Document)-[rep:REPORTS]->(:Meeting)<-[:ATTENDED]-(s)
FOREACH (_ IN CASE WHEN rep IS NULL THEN [] ELSE [1] END |
  SET rep.people = [k IN rep.people | CASE WHEN k = s.key THEN f.key ELSE k END])
WITH DISTINCT s
DETACH DELETE s
RETURN count(*) AS merged
