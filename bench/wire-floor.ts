// V0, the wire floor: a bare node:http server answering every POST with the
// precomputed response bytes of the query named by the path (what the real
// server would send), so any other variant's distance from it is the cost of
// computing the answer.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const responses = JSON.parse(readFileSync(process.env.WIRE_FLOOR_RESPONSES!, 'utf8')) as Record<string, string>;
const bytes = new Map(Object.entries(responses).map(([id, body]) => [`/${id}`, Buffer.from(body)]));

createServer((req, res) => {
  // Read (and drop) the request body, as a GraphQL server must.
  req.resume();
  req.on('end', () => {
    const body = bytes.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }).end(body);
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('[wire-floor] listening'));
