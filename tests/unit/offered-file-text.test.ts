import { describe, expect, it } from 'vitest';
import { offeredFileText } from '../../renderer/platform/offered-file-text.ts';

describe('offeredFileText (renderer)', () => {
  it('decodes the base64 of a review file as UTF-8', () => {
    const text = '{"site":"Jyväskylän IPS – työhönvalmennus","note":"Åbo 😊"}';
    expect(offeredFileText({ base64: Buffer.from(text, 'utf8').toString('base64') })).toBe(text);
  });

  it('drops a byte-order mark, keeps everything else', () => {
    expect(offeredFileText({ base64: Buffer.from('\uFEFF{"a":1}', 'utf8').toString('base64') })).toBe('{"a":1}');
    expect(offeredFileText({ base64: Buffer.from(' \uFEFF', 'utf8').toString('base64') })).toBe(' \uFEFF');
    expect(offeredFileText({ base64: '' })).toBe('');
  });
});
