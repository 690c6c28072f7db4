import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textsFor, textsReady, type Texts } from '../src/i18n.js';

describe('text tables loaded on demand', () => {
  it('a language whose table loads is given once loaded', async () => {
    const family: Texts<{ hello: string }> = {
      en: { hello: 'Hello' },
      others: { fr: async () => ({ default: { hello: 'Bonjour' } }) },
    };
    assert.equal((await textsReady(family, 'fr-CA')).hello, 'Bonjour');
    assert.equal(textsFor(family, 'fr').hello, 'Bonjour');
  });

  it('a table that fails to load (a chunk gone, offline) gives English instead of never answering, and is asked again later', async () => {
    let asked = 0;
    const family: Texts<{ hello: string }> = {
      en: { hello: 'Hello' },
      others: {
        fr: async () => {
          asked++;
          throw new TypeError('Failed to fetch dynamically imported module');
        },
      },
    };
    assert.equal((await textsReady(family, 'fr')).hello, 'Hello');
    await textsReady(family, 'fr');
    assert.equal(asked, 2);
  });
});
