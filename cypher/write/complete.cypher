// name: complete
// description: Mark documents complete, in the same transaction as their facts: only complete documents are skipped by the next load.
// param: rows list -- {doc_id}
UNWIND $rows AS row
MATCH (d:Document {doc_id: row.doc_id})
SET d.complete = true
