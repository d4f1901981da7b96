// name: delete-batch
// description: Delete up to $batch nodes with their relationships (run until it deletes none).
// param: batch int -- how many nodes per transaction
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
