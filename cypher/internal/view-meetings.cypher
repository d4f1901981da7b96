// name: view-meetings
// description: What the view shows when a meeting is clicked: the articles that report each of these meetings (oldest first, at most `each`), each with its title, publication day, the status it gave and the sentences that report the meeting.
// param: keys list -- meeting keys
// param: each int -- reports per meeting
UNWIND $keys AS key
MATCH (m:Meeting {key: key})<-[rep:REPORTS]-(d:Document)
WITH key, d, rep
ORDER BY d.published, d.path
WITH key, collect({title: coalesce(d.title, d.path, d.doc_id), published: d.published, status: rep.status, sentences: rep.sentences}) AS reports
RETURN key, size(reports) AS articles, reports[..$each] AS reports
