// name: ping
// description: The graph answers (checked once when a connection is opened).
RETURN 1 AS ok
