import { randomUUID } from 'node:crypto';
import type { NewSource, Source } from '../../shared/sources.js';
import { asAdmin, type Ctx, expectStatus } from './factories.js';

/** An entry of the register, added through the API by an admin; its title unique unless given. */
export async function buildSource(ctx: Ctx, overrides: Partial<NewSource> = {}): Promise<Source> {
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: '/api/v1/sources',
    payload: {
      kind: 'press',
      title: `Article ${randomUUID()}`,
      publisher: 'The Test Gazette',
      date: '2015-01-22',
      url: 'https://news.example.org/article',
      language: 'en',
      ...overrides,
    },
  });
  expectStatus(res, 201, 'buildSource');
  return res.json();
}
