// name: brokers
// description: People who connect otherwise separate sides, ranked by betweenness centrality on the graph of people, the sides they act for and their other relations (__FACT_TYPES__: every predicate); on big graphs estimated from a sample of sources, and marked so.
// compute: brokers
// param: top count = 10 -- how many people to list
// The graph as one row per relationship type, its edges as two parallel lists of node keys: the
// server streams a few long rows far faster than one row per edge.  kgbuild then computes
// betweenness and reads the details of the top people (cypher/internal/broker-details.cypher).
MATCH (a:Person)-[r:__FACT_TYPES__]->(b)
RETURN type(r) AS type,
       collect(a.key) AS sources,
       collect(b.key) AS targets
