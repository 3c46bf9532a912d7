// The `imr` section of the editor's settings as the service's settings: rule
// severities, the preview's criteria table, the size limit. The server reads
// what the client pushes; the extension host's own services (export) read the
// same section, so the two agree on what a rule's severity is.
import type { ServiceSettings, SeveritySetting } from '../service/types';
import { limitsFromKb } from '../service/input/limits';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** The `imr` section as the client sent it: any JSON, so every level is looked at before it is read. */
interface RawImrSettings {
  rules?: unknown;
  preview?: { showCriteria?: unknown };
  limits?: { maxFileSize?: unknown };
}

export function readSettings(pushed: unknown): ServiceSettings {
  const rules: Record<string, SeveritySetting> = {};
  const imr = pushed && typeof pushed === 'object' ? (pushed as RawImrSettings) : undefined;
  const raw = imr?.rules;
  if (raw && typeof raw === 'object') {
    for (const [code, value] of Object.entries(raw)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[code] = value as SeveritySetting;
    }
  }
  return { rules, showCriteriaInLetter: !!imr?.preview?.showCriteria, limits: limitsFromKb(imr?.limits?.maxFileSize) };
}
