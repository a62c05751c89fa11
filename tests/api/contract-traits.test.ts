import { describe, expect, test } from 'vitest';
import { BACKUP_BEFORE_CALLS } from '../../electron/backend/database-session.ts';
import { ASYNC_CALLS, handlers } from '../../electron/backend/handlers/index.ts';
import { CALL_NAMES, contract } from '../../electron/contract/contract.ts';

/**
 * Issue 14: the contract entry says everything about a call. Whether it is asynchronous and whether a backup
 * precedes it are read from the entry; these tests make a wrong or missing trait fail.
 */
describe('call traits on the contract entries', () => {
  test('a call is declared async exactly when its handler is an async function', () => {
    const mismatched = CALL_NAMES.filter((name) => ('async' in contract[name]) !== (handlers[name].constructor.name === 'AsyncFunction'));
    expect(mismatched).toEqual([]);
    expect(ASYNC_CALLS.size).toBeGreaterThan(0);
    for (const name of ASYNC_CALLS) expect(handlers[name].constructor.name, name).toBe('AsyncFunction');
  });

  test('every call that imports data into the database is backed up before (issue 7), and only those', () => {
    const imports = CALL_NAMES.filter((name) => /\.import(File)?$/.test(name) && name !== 'identities.import');
    expect(imports.length).toBeGreaterThanOrEqual(3);
    expect([...BACKUP_BEFORE_CALLS].sort()).toEqual(imports.sort());
  });
});
