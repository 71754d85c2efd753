// V5, the peer: PostGraphile 5 (its amber preset, no other plugin) serving
// the bench database over grafserv on node:http, 127.0.0.1:$PORT, GraphQL at
// /graphql. Plain JavaScript: bench/peer.ts copies it into the directory
// PostGraphile is installed in (outside the project) and runs it there on
// Node 22, which PostGraphile 5 needs.
//
// The schema has every relation the queries follow (offerings → models and
// providers, scores → models and benchmarks are foreign keys). The one thing
// it lacks is "the price in force now", which Modelgraph computes: here it is
// a computed column, offerings_current_price(offerings), created at start
// (PostGraphile exposes it as Offering.currentPrice). And PostGraphile orders
// a list only by indexed columns; models.name has no index (Modelgraph sorts
// 818 rows by it), so a smart tag allows ordering by it.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { jsonPgSmartTags } from 'postgraphile/utils';

const connectionString = process.env.DATABASE_URL;
const port = Number(process.env.PORT);

const CURRENT_PRICE = `
create or replace function offerings_current_price(o offerings) returns prices language sql stable as $$
  select * from prices where prices.offering_id = o.id and prices.effective_from <= now()
  order by prices.effective_from desc limit 1
$$`;
const setup = new pg.Client({ connectionString });
await setup.connect();
await setup.query(CURRENT_PRICE);
await setup.end();

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  plugins: [jsonPgSmartTags({ version: 1, config: { class: { 'public.models': { attribute: { name: { tags: { behavior: '+orderBy' } } } } } } })],
  // A pool of Modelgraph's default size.
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
});
const server = createServer();
await pgl.createServ(grafserv).addTo(server);
// The schema is built at the first request otherwise: built before listening, the bench waits for it.
await pgl.getSchema();
server.listen(port, '127.0.0.1', () => console.log(`[peer] PostGraphile listening on ${port}`));
