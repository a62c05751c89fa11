import { z } from 'zod';

// The page's policy forbids eval (script-src 'self'). Without this, zod probes `new Function` while building its
// first object schema; Chromium reports that as a policy violation although zod catches it and falls back to the
// same checks without compiled code. Imported first by main.tsx, so it runs before any schema is built.
z.config({ jitless: true });
