import { Foundation1763900000000 } from './1763900000000-foundation';

/** Every migration, in order. An explicit list, so jest, the CLI and the built API all run the same set. */
export const MIGRATIONS = [Foundation1763900000000];
