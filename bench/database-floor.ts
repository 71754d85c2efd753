// V1, the database floor: a bare node:http server with a pg pool of
// Modelgraph's default size answering Q1 and Q2 (bench/queries.ts) with one
// hand-written statement each, which builds the whole response JSON inside
// PostgreSQL; the text PostgreSQL returns is sent as it is. What is left
// between it and Modelgraph uncached (V2) is the GraphQL server's own cost:
// parsing, validation, resolvers, DataLoader batches, several round trips.
//
// The JSON is Modelgraph's answer, field for field, so it passes the same
// gate: models by name then id (models(first: 20)), routes and scores by id
// (the DataLoaders' order), the price in force now (the latest whose
// effective date has come), exact decimals as their shortest text ("0.02",
// Decimal's canonical form), a status as its enum name, a score as a float.
// Q1 finds the model by its slug or an alias; Modelgraph also accepts a
// provider's model id and refuses an ambiguous one, which the bench never asks.
import { createServer } from 'node:http';
import pg from 'pg';
import { DEFAULT_DATABASE_LIMITS } from '../src/config.js';

const price = /* sql */ `(
  select json_build_object('inputPerMTok', trim_scale(pr.input_per_mtok)::text, 'outputPerMTok', trim_scale(pr.output_per_mtok)::text)
  from prices pr where pr.offering_id = o.id and pr.effective_from <= now()
  order by pr.effective_from desc limit 1
)`;

const Q1 = /* sql */ `
select json_build_object('data', json_build_object('model', (
  select json_build_object(
    'slug', m.slug,
    'name', m.name,
    'offerings', coalesce((
      select json_agg(json_build_object(
        'provider', json_build_object('slug', p.slug, 'name', p.name),
        'status', upper(o.status),
        'price', ${price}
      ) order by o.id)
      from offerings o join providers p on p.id = o.provider_id
      where o.model_id = m.id
    ), '[]')
  )
  from models m
  where m.id = (
    select found.id from (
      select id, 0 as rank from models where slug = lower(btrim($1))
      union all
      select model_id, 1 from model_aliases where alias = lower(btrim($1))
    ) found order by found.rank limit 1
  )
)))::text as body`;

const Q2 = /* sql */ `
select json_build_object('data', json_build_object('models', json_build_object('edges', coalesce(json_agg(
  json_build_object('node', json_build_object(
    'slug', m.slug,
    'name', m.name,
    'offerings', coalesce((
      select json_agg(json_build_object(
        'provider', json_build_object('slug', p.slug, 'name', p.name),
        'price', ${price}
      ) order by o.id)
      from offerings o join providers p on p.id = o.provider_id
      where o.model_id = m.id
    ), '[]'),
    'scores', coalesce((
      select json_agg(json_build_object('benchmark', json_build_object('slug', b.slug), 'value', s.value::float8) order by s.id)
      from scores s join benchmarks b on b.id = s.benchmark_id
      where s.model_id = m.id
    ), '[]')
  ))
  order by m.name, m.id
), '[]'))))::text as body
from (select id, slug, name from models order by name, id limit 20) m`;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: DEFAULT_DATABASE_LIMITS.poolSize });

/** Prepared once per connection (named statements), as a server written for speed would. */
async function answer(path: string, body: string): Promise<string | null> {
  if (path === '/Q1') {
    const slug = (JSON.parse(body) as { variables: { slug: string } }).variables.slug;
    return (await pool.query<{ body: string }>({ name: 'Q1', text: Q1, values: [slug] })).rows[0]!.body;
  }
  if (path === '/Q2') return (await pool.query<{ body: string }>({ name: 'Q2', text: Q2 })).rows[0]!.body;
  return null;
}

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    answer(req.url ?? '', Buffer.concat(chunks).toString()).then(
      (text) => {
        if (text === null) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
      },
      (error: unknown) => {
        console.error(`[database-floor] ${error instanceof Error ? error.message : String(error)}`);
        res.writeHead(500).end();
      },
    );
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('[database-floor] listening'));
