import { afterAll } from 'vitest';
import { removeTempFolders } from '../fixtures/temp-registry.ts';

// Registered before the test file's own hooks, so it runs after them (servers and databases closed first).
afterAll(() => removeTempFolders());
