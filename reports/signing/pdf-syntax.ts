// Moved to reports/pdf-reader/; kept so that older imports keep working while callers move.
export * from '../pdf-reader/pdf-syntax.ts';
