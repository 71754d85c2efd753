import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { ORG_CREATORS } from '../identity.js';
import { type ProviderRegistry, toSlug } from '../providers.js';
import { emptyBundle, type SourceBundle, type SourceRecord } from '../records.js';
import { type ModelsDevEntry, normaliseModelsDevEntry } from './models-dev-entry.js';
import { routeFromEntry } from './models-dev-routes.js';

export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

type Toml = Record<string, unknown>;

/**
 * A directory in the models.dev repository format:
 *   providers/<id>/provider.toml              name, doc
 *   providers/<id>/models/<model id>.toml     one route ("/" in the id makes subfolders)
 *   models/<lab>/<model>.toml                 the lab's own definition of a model
 * A route with base_model = "<lab>/<model>" inherits that definition
 * (minus base_model_omit) and is that model, with no guessing.
 * Every file is parsed before anything is returned: one malformed file fails
 * the whole import, naming the file and field.
 */
export async function readModelsDevDirectory(
  directory: string,
  providers: ProviderRegistry,
  onFile: (done: number, total: number) => void = () => {},
): Promise<SourceBundle> {
  const root = path.resolve(directory);
  if (!(await isDirectory(path.join(root, 'providers')))) {
    throw new ImportFileError(`${directory}: not a models.dev directory (no providers/ folder)`);
  }
  const source = { key: 'models-dev', name: `models.dev repository format (${path.basename(root)})`, url: null, retrievedAt: null };
  const bundle = emptyBundle();
  bundle.sources.push(source);

  const providerIds = (await readdir(path.join(root, 'providers'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const routeFiles = (
    await Promise.all(
      providerIds.map(async (id) => {
        const dir = path.join(root, 'providers', id, 'models');
        return (await isDirectory(dir)) ? (await tomlFiles(dir)).map((file) => ({ id, dir, file })) : [];
      }),
    )
  ).flat();
  const labs = await readLabFiles(root, bundle, source.key, (done, labTotal) => onFile(done, labTotal + routeFiles.length));
  const total = labs.size + routeFiles.length;
  let done = labs.size;

  const providerMeta = new Map<string, Toml>();
  for (const id of providerIds) {
    const file = path.join(root, 'providers', id, 'provider.toml');
    providerMeta.set(id, (await isFile(file)) ? await readToml(root, file) : {});
  }

  for (const { id, dir, file } of routeFiles) {
    const modelId = path.relative(dir, file).replace(/\.toml$/, '').split(path.sep).join('/');
    const where = path.relative(root, file);
    let entry = await readToml(root, file);
    let baseModel: string | null = null;
    if (typeof entry.base_model === 'string') {
      const base = labs.get(entry.base_model);
      if (!base) throw new ImportFileError(`${where}: base_model "${entry.base_model}" has no models/${entry.base_model}.toml`);
      baseModel = base.slug;
      entry = inherit(base.entry, entry, where);
    }
    const meta = providerMeta.get(id)!;
    const provider = providers.forModelsDev(id, typeof meta.name === 'string' ? meta.name : null, typeof meta.doc === 'string' ? meta.doc : null);
    const route = routeFromEntry(provider, modelId, normaliseModelsDevEntry(entry as ModelsDevEntry, where), baseModel, source.key, bundle.warnings, where);
    if (route) bundle.routes.push(route);
    onFile(++done, total);
  }
  return bundle;
}

type LabFiles = Map<string, { entry: Toml; slug: string }>;

/**
 * The lab files alone (models/<lab>/<model>.toml): each the lab's own
 * definition of a model, its name and creator. Used for a models.dev
 * checkout and for the copy the default catalog ships (data/models-dev/).
 */
export async function readModelsDevLabs(directory: string, source: SourceRecord): Promise<SourceBundle> {
  const bundle = emptyBundle();
  bundle.sources.push(source);
  await readLabFiles(path.resolve(directory), bundle, source.key);
  return bundle;
}

async function readLabFiles(root: string, bundle: SourceBundle, source: string, onFile: (done: number, total: number) => void = () => {}): Promise<LabFiles> {
  const labFiles = (await isDirectory(path.join(root, 'models'))) ? await tomlFiles(path.join(root, 'models')) : [];
  const labs: LabFiles = new Map();
  for (const file of labFiles) {
    const relative = path.relative(path.join(root, 'models'), file).replace(/\.toml$/, '').split(path.sep).join('/');
    const [lab, ...rest] = relative.split('/');
    const entry = await readToml(root, file);
    const slug = toSlug(rest.join('-'));
    const normalised = normaliseModelsDevEntry(entry as ModelsDevEntry, relative);
    bundle.warnings.push(...normalised.warnings);
    labs.set(relative, { entry, slug });
    if (!normalised.notALanguageModel) {
      bundle.models.push({
        slug,
        creator: { slug: ORG_CREATORS[lab!] ?? toSlug(lab!) },
        facts: { ...normalised.facts, contextWindow: normalised.contextWindow, maxOutputTokens: normalised.maxOutputTokens },
        aliases: [],
        source,
      });
    }
    onFile(labs.size, labFiles.length);
  }
  return labs;
}

/** The lab's definition under the route's own fields; tables merge one level deep. */
function inherit(base: Toml, route: Toml, where: string): Toml {
  const omit = Array.isArray(route.base_model_omit) ? route.base_model_omit : [];
  const merged: Toml = structuredClone(base);
  for (const field of omit) {
    if (typeof field !== 'string') throw new ImportFileError(`${where}: base_model_omit must list field names`);
    const [table, key] = field.split('.');
    if (key === undefined) delete merged[table!];
    else if (merged[table!] && typeof merged[table!] === 'object') delete (merged[table!] as Toml)[key];
  }
  for (const [key, value] of Object.entries(route)) {
    const current = merged[key];
    merged[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)
        ? { ...(current as Toml), ...(value as Toml) }
        : value;
  }
  return merged;
}

async function readToml(root: string, file: string): Promise<Toml> {
  let text = await readFile(file, 'utf8');
  // A symbolic link checked out without symlink support is a file holding
  // the link's target path: follow it, as the link would be followed.
  for (let hops = 0; /^[^\s=\[\]]+\.toml\s*$/.test(text) && hops < 5; hops++) {
    file = path.resolve(path.dirname(file), text.trim());
    text = await readFile(file, 'utf8').catch(() => {
      throw new ImportFileError(`${path.relative(root, file)}: linked file does not exist`);
    });
  }
  try {
    return parseToml(text) as Toml;
  } catch (error) {
    throw new ImportFileError(`${path.relative(root, file)}: ${(error as Error).message.split('\n')[0]}`);
  }
}

async function tomlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.toml'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function isDirectory(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isDirectory(), () => false);
}

async function isFile(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isFile(), () => false);
}
