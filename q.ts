import { openPGlite } from './src/db/client.js';
import { sql } from 'kysely';
const db = await openPGlite({ dataDir: process.argv[2]! });
const q = async (s: string) => console.log((await sql.raw(s).execute(db)).rows);
await q(`select m.slug, count(*) routes, count(*) filter (where o.status='active' and pr.input_per_mtok is not null) priced from offerings o join models m on m.id=o.model_id left join lateral (select * from prices where offering_id=o.id order by effective_from desc limit 1) pr on true where m.slug ~ 'llama-3.1-8b' group by m.slug`);
await q(`select p.slug, o.provider_model_id from offerings o join models m on m.id=o.model_id join providers p on p.id=o.provider_id where o.provider_model_id ~* 'llama.?3.?1.?8b' and m.slug <> 'llama-3.1-8b-instruct'`);
await q(`select (select count(*) from models) models, (select count(*) from providers) providers, (select count(*) from creators) creators`);
await db.destroy();
