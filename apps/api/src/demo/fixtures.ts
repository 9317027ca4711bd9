import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnLanguage } from '@parley/contracts';
import type { ClauseKind, OrganisationSubtype, StakeholderGroup } from '@parley/domain';

export interface FixtureOrganisation {
  name: string;
  group: StakeholderGroup;
  subtype: OrganisationSubtype;
  country: string;
}

export interface FixtureWorkingGroup {
  name: string;
  mandate: string;
  chairs: string[];
  chairsConfirmedByBallot: boolean;
  members: string[];
  document?: string;
  /** A short text the group adopted (and organisations endorsed) before its main work. */
  adoptedText?: string;
}

/** The demo fixtures shipped in the repository (fixtures/paris-call), found from source or from dist. */
export function fixturesDir(): string {
  const fromEnv = process.env.PARLEY_FIXTURES_DIR;
  if (fromEnv) return fromEnv;
  // apps/api/src/demo -> repo root (source), or dist/api/apps/api/src/demo -> repo root (built)
  const candidates = [join(__dirname, '../../../../fixtures/paris-call'), join(__dirname, '../../../../../../fixtures/paris-call')];
  for (const c of candidates) {
    try {
      readFileSync(join(c, 'organisations.json'));
      return c;
    } catch {
      /* try the next */
    }
  }
  throw new Error('The demo fixtures (fixtures/paris-call) were not found; set PARLEY_FIXTURES_DIR');
}

const read = <T>(file: string): T => JSON.parse(readFileSync(join(fixturesDir(), file), 'utf8')) as T;

export const loadOrganisations = () => read<{ organisations: FixtureOrganisation[] }>('organisations.json').organisations;
export const loadWorkingGroups = () => read<{ workingGroups: FixtureWorkingGroup[] }>('working-groups.json').workingGroups;
export const loadDocument = (file: string) => read<{ title: string; language?: UnLanguage; clauses: { kind: ClauseKind; text: string }[] }>(file);
/** Translations of the demo draft's clauses (translations.json), by language: each keyed by the English text it translates. */
export const loadTranslations = () => read<{ languages: Partial<Record<UnLanguage, { en: string; text: string }[]>> }>('translations.json').languages;
