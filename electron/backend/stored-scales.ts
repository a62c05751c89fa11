import type { Database } from 'better-sqlite3';
import type { ScaleRegistry } from '../../scales/scale-registry.ts';
import { parseScaleVersion } from '../../scales/scale-version.ts';
import { listScaleVersionRows } from './store/bundle-store.ts';

/**
 * Adds the scale versions that review bundles brought (table scale_versions) to the registry at start, so reviews
 * imported with them score as they did for their authors. Each is validated again, as a scale file on disk is: a
 * row that fails (or clashes with a bundled file) is logged and left out, and never stops the app.
 */
export function addStoredScales(db: Database, registry: ScaleRegistry, log: (message: string) => void): void {
  for (const row of listScaleVersionRows(db)) {
    const origin = `database table scale_versions, row ${row.id}`;
    try {
      const version = parseScaleVersion(JSON.parse(row.data), origin);
      if (version.contentHash !== row.content_hash) {
        log(`${origin}: scale refused: its content hash is ${version.contentHash}, not ${row.content_hash}`);
        continue;
      }
      registry.add(version);
    } catch (error) {
      log(error instanceof Error ? error.message : String(error));
    }
  }
}
