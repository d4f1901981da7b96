// Reads [{"name", "text", "params": [...]}] as JSON on stdin and prints, as JSON, the
// diagnostics Neo4j's Cypher front end reports for each statement (errors and warnings).
import { lintCypherQuery } from '@neo4j-cypher/language-support';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const statements = JSON.parse(input);
  const results = statements.map(({ name, text, params }) => {
    const parameters = Object.fromEntries((params || []).map((p) => [p, null]));
    const { diagnostics } = lintCypherQuery(text, { parameters });
    return {
      name,
      diagnostics: diagnostics.map((d) => ({
        severity: d.severity === 1 ? 'error' : 'warning',
        message: d.message,
        offset: d.offsets ? d.offsets.start : null,
      })),
    };
  });
  process.stdout.write(JSON.stringify(results));
});
