import { mix, type Rng } from './prng.ts';

/** Overrides for the `/me` admin, in Intercom's JSON shape (e.g. `{ app: { id_code: 'abc123' } }`). */
export interface AdminOverrides {
  id?: string;
  name?: string;
  email?: string;
  job_title?: string;
  app?: { id_code?: string; name?: string; region?: string; timezone?: string; created_at?: number };
}

/** The people of the workspace: its admins (the `/me` admin first), teams, and the names contacts get. */
export interface Admin {
  id: string;
  name: string;
  email: string;
}

export interface Roster {
  admins: Admin[];
  teamIds: number[];
  /** The `/me` body, version-neutral (Intercom's JSON shape). */
  me: Record<string, unknown>;
}

const ADMIN_NAMES = ['Ciaran Lee', 'Mark Strong', 'Tom Smith', 'Aoife Byrne', 'Priya Natarajan'];
const FIRST_NAMES = [
  'Ada',
  'Brian',
  'Chloe',
  'Dmitri',
  'Eilis',
  'Farah',
  'Goran',
  'Hana',
  'Ivo',
  'Jun',
  'Kwame',
  'Lena',
];
const LAST_NAMES = [
  'Murphy',
  'Okafor',
  'Silva',
  'Novak',
  'Tanaka',
  'Walsh',
  'Haddad',
  'Berg',
  'Costa',
  'Kowalski',
];

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z]+/g, '.');
}

export function buildRoster(seed: number, overrides: AdminOverrides): Roster {
  const base = 991_200_000 + (mix(seed, 0x61646d) % 60_000);
  const admins = ADMIN_NAMES.map((name, k) => ({
    id: String(base + k * 7),
    name,
    email: `${slug(name)}@example.com`,
  }));
  const me = admins[0]!;
  if (overrides.id !== undefined) me.id = overrides.id;
  if (overrides.name !== undefined) me.name = overrides.name;
  if (overrides.email !== undefined) me.email = overrides.email;
  const teamIds = [5_017_691, 5_017_692, 5_017_693];
  const app = overrides.app ?? {};
  return {
    admins,
    teamIds,
    me: {
      type: 'admin',
      id: me.id,
      email: me.email,
      name: me.name,
      email_verified: true,
      app: {
        type: 'app',
        id_code: app.id_code ?? `mock${seed.toString(36).padStart(4, '0')}`,
        name: app.name ?? 'Mock Workspace',
        created_at: app.created_at ?? 1_700_000_000,
        secure: false,
        identity_verification: false,
        timezone: app.timezone ?? 'Europe/Dublin',
        region: app.region ?? 'US',
      },
      avatar: {
        type: 'avatar',
        image_url: 'https://static.intercomassets.com/assets/default-avatars/admins/128.png',
      },
      has_inbox_seat: true,
      job_title: overrides.job_title ?? 'Support Engineer',
      away_mode_enabled: false,
      away_mode_reassign: false,
      team_ids: [teamIds[0]!],
    },
  };
}

export interface ContactPerson {
  id: string;
  kind: 'user' | 'lead';
  name: string;
  email: string;
  externalId: string | null;
}

export function contactPerson(r: Rng): ContactPerson {
  let id = '';
  for (let i = 0; i < 24; i++) id += '0123456789abcdef'[r.int(0, 15)];
  const name = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
  const kind = r.chance(0.75) ? 'user' : 'lead';
  return {
    id,
    kind,
    name,
    email: `${slug(name)}${r.int(1, 999)}@example.org`,
    externalId: kind === 'user' ? String(r.int(1, 99_999)) : null,
  };
}
