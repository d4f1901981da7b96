// name: brokers
// description: People who connect otherwise separate sides, ranked by betweenness centrality (computed with networkx) on the graph of people and the sides they act for.
// compute: brokers
// param: top int = 10 -- how many people to list
MATCH (a:Person)-[r:MET_WITH|REPRESENTS|ENVOY_OF|ADVISER_OF|SPOKESPERSON_OF]->(b:Entity)
RETURN a.name AS source,
       b.name AS target,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS target_type,
       type(r) AS type
