// name: brokers
// description: People who connect otherwise separate sides, ranked by betweenness centrality (computed with networkx) on the graph of people, the sides they act for and their other relations (__FACT_TYPES__: every predicate).
// compute: brokers
// param: top count = 10 -- how many people to list
MATCH (a:Person)-[r:__FACT_TYPES__]->(b)
RETURN a.name AS source,
       b.name AS target,
       labels(b)[0] AS target_type,
       type(r) AS type
