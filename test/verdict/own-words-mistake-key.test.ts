import { describe, expect, it } from 'vitest';
import { judge } from './memory-story.js';

// A document that calls a value a mistake speaks of the key and value it names, not of every key it
// mentions: a post-mortem naming two keys, one set by mistake and one raised on purpose, sends only the
// first back.

const POST_MORTEMS: Array<[string, string]> = [
  [
    'one sentence, two clauses',
    'Post-mortem INC-88. In staging POOL_SIZE was raised from 20 to 40 on purpose, to absorb the retry storm; CACHE_TTL was set to 5 in staging by mistake and should be 300 like production.',
  ],
  [
    'the mistake first',
    'INC-88 post-mortem. CACHE_TTL was set to 5 in staging by mistake; it goes back to 300. POOL_SIZE went from 20 to 40 in staging on purpose and stays.',
  ],
  [
    'the slip in the sentence after its key',
    'INC-88 review: CACHE_TTL in staging went from 300 to 5. That was a mistake, it should be 300. POOL_SIZE was raised from 20 to 40 deliberately.',
  ],
  [
    'German',
    'INC-88: In Staging wurde POOL_SIZE bewusst von 20 auf 40 erhöht (Retry-Sturm). CACHE_TTL wurde in Staging versehentlich auf 5 gesetzt, richtig ist 300 wie in Produktion.',
  ],
  ['Swedish', 'INC-88: POOL_SIZE höjdes medvetet från 20 till 40 i staging. CACHE_TTL sattes av misstag till 5 i staging, ska vara 300 som i produktion.'],
];

const OTHER = { POOL_SIZE: 'CACHE_TTL', CACHE_TTL: 'POOL_SIZE' } as const;
function judged(key: 'POOL_SIZE' | 'CACHE_TTL', text: string) {
  const [from, to] = key === 'POOL_SIZE' ? ['20', '40'] : ['300', '5'];
  const other = OTHER[key];
  return judge(
    key,
    [
      {
        subject: 'init',
        date: '2026-09-01T09:00:00Z',
        set: { staging: ['', from], production: ['', from] },
        // The other key the post-mortem names is a key of the scan too.
        also: { staging: [other, '', 'x'], production: [other, '', 'x'] },
      },
      { subject: `staging: ${key} ${to} (INC-88)`, date: '2026-11-18T09:00:00Z', set: { staging: [from, to] } },
      { subject: 'INC-88 post-mortem', date: '2026-11-20T09:00:00Z' },
    ],
    '2026-12-05',
    {},
    { documents: [{ path: 'docs/postmortems/INC-88.md', text, step: 2 }] },
  );
}

describe('a mistake named for one key of a post-mortem', () => {
  it.each(POST_MORTEMS)('%s: the key set by mistake goes back', (_, text) => {
    const v = judged('CACHE_TTL', text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '300' });
  });

  it.each(POST_MORTEMS)('%s: the key raised on purpose is not called a slip', (_, text) => {
    const v = judged('POOL_SIZE', text);
    expect(v.reasons.join('\n')).not.toMatch(/a slip/);
    expect(v, v.reasons.join('\n')).not.toMatchObject({ suggested: 'revert', drifted: 'staging' });
  });
});
