import path from 'node:path';
import { FIXTURES, SHARED } from '../helpers/paths.js';

/** The read-only ATT&CK inputs under ../shared, and this folder's synthetic fixtures. */
export const ATTACK_DIR = path.join(SHARED, 'attack');
export const BUNDLE = path.join(ATTACK_DIR, 'enterprise-attack.json');
export const V19_CHANGES = path.join(ATTACK_DIR, 'attack-v19-changes.json');
export const ELASTIC_CROSSWALK = path.join(ATTACK_DIR, 'attack_v18_to_v19.yaml');
export const FIXTURE_DIR = path.join(FIXTURES, 'attack');
export const MINI_V18 = path.join(FIXTURE_DIR, 'bundle-v18-mini.json');
export const MINI_V19 = path.join(FIXTURE_DIR, 'bundle-v19-mini.json');
