// The criteria sets synthetic items use: the project's criteria data when it
// exists (server/src/service/data/criteria/*.json), so items name real sets
// and criterion ids; the generator's default otherwise.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function loadCriteriaSets(root, fallback) {
  const dir = path.join(root, 'server', 'src', 'service', 'data', 'criteria');
  const sets = [];
  let files = [];
  try {
    files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return fallback;
  }
  for (const f of files) {
    let data;
    try {
      data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    } catch {
      continue;
    }
    for (const s of Array.isArray(data) ? data : Array.isArray(data?.sections) ? data.sections : Array.isArray(data?.sets) ? data.sets : [data]) {
      const id = s?.id ?? s?.name;
      const list = s?.criteria ?? s?.items;
      if (typeof id !== 'string' || !Array.isArray(list)) continue;
      const criteria = list.map((c) => (typeof c === 'string' ? c : c?.id)).filter((c) => typeof c === 'string');
      if (!criteria.length) continue;
      const service = typeof s.service === 'string' ? s.service : typeof s.title === 'string' ? s.title : fallback[0].service;
      const citation = s.source?.citation ?? s.guideline ?? s.source;
      const guideline = typeof citation === 'string' ? citation : fallback[0].guideline;
      sets.push({ id, criteria, service, guideline });
    }
  }
  return sets.length ? sets : fallback;
}
