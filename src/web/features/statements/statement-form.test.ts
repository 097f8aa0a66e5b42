import { describe, expect, it } from 'vitest';
import { emptyStatement, statementFieldOf, toCreateStatementBody, toVersionBody } from './statement-form.js';

describe('toCreateStatementBody', () => {
  it('sends the least a statement needs', () => {
    expect(toCreateStatementBody({ ...emptyStatement, title: '  Joint statement  ' })).toEqual({
      kind: 'joint_statement',
      title: 'Joint statement',
      language: 'en',
      visibility: 'coalition',
    });
  });

  it('sends the meeting, the translations typed (not the original language), and members only when restricted', () => {
    const values = {
      ...emptyStatement,
      title: 'Déclaration',
      language: 'fr' as const,
      meetingId: 'a0000000-0000-4000-8000-000000000001',
      visibility: 'public' as const,
      restrictedTo: ['FRA'],
      titleTranslations: { en: ' Statement ', fr: 'ignored', ar: '' },
    };
    expect(toCreateStatementBody(values)).toEqual({
      kind: 'joint_statement',
      title: 'Déclaration',
      language: 'fr',
      visibility: 'public',
      meetingId: 'a0000000-0000-4000-8000-000000000001',
      translations: { en: { title: 'Statement' } },
    });
    expect(toCreateStatementBody({ ...values, visibility: 'restricted' }).restrictedTo).toEqual(['FRA']);
  });
});

describe('toVersionBody', () => {
  it('sends a blank note as null', () => {
    expect(toVersionBody({ text: '1. We', note: '  ' })).toEqual({ text: '1. We', note: null });
    expect(toVersionBody({ text: '1. We', note: ' First draft ' })).toEqual({ text: '1. We', note: 'First draft' });
  });
});

describe('statementFieldOf', () => {
  it.each([
    ['translations.fr.title', 'titleTranslations.fr'],
    ['translations.ar', 'titleTranslations.ar'],
    ['restrictedTo.2', 'restrictedTo'],
    ['title', 'title'],
  ])('%s → %s', (path, field) => {
    expect(statementFieldOf(path)).toBe(field);
  });
});
