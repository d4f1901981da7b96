// name: fact-sentences
// description: The best few sentences of the fact relationships with these keys (highest confidence first), for the view's hover.
// param: keys list -- relationship keys
// param: each int -- sentences per relationship
UNWIND $keys AS key
MATCH (e:Evidence {fact: key})
WITH key, e
ORDER BY e.confidence DESC, e.published, e.doc_id
WITH key, collect(e.sentence) AS sentences
RETURN key, sentences[..$each] AS sentences
