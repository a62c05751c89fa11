import { writeFileSync } from 'node:fs';
import { generatedSchemas, schemaText } from './json-schemas.ts';

for (const [file, schema] of Object.entries(generatedSchemas())) {
  writeFileSync(file, schemaText(schema));
  console.log(`wrote ${file}`);
}
