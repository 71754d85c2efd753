import { readFile } from 'node:fs/promises';
import { type Dataset, parseDataset } from './dataset.js';

const dataDirectory = new URL('../../data/', import.meta.url);

/** Reads and validates one of the datasets shipped in data/. */
export async function loadDataset(name: 'seed-page'): Promise<Dataset> {
  const file = new URL(`${name}.json`, dataDirectory);
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`data/${name}.json is not valid JSON: ${(error as Error).message}`);
  }
  return parseDataset(json, `data/${name}.json`);
}
