import { describe, expect, it } from 'vitest';
import type { Statement } from '../../../shared/statements.js';
import {
  editableFields,
  emptyStatement,
  fromStatement,
  type StatementFormValues,
  statementFieldOf,
  toCreateStatementBody,
  toUpdateStatementBody,
  toVersionBody,
} from './statement-form.js';

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

const stored: Statement = {
  id: 'a0000000-0000-4000-8000-000000000009',
  kind: 'joint_statement',
  title: 'Joint statement',
  translations: { fr: { title: 'Déclaration commune' } },
  language: 'en',
  visibility: 'restricted',
  status: 'draft',
  meetingId: null,
  adoptedOn: null,
  decisionNumber: null,
  deadline: null,
  updatedAt: '2014-12-01T09:00:00.000Z',
  version: 3,
  restrictedTo: ['FRA', 'GBR'],
  versions: [],
  procedures: [],
  adoption: null,
  positions: [],
  createdAt: '2014-12-01T09:00:00.000Z',
};

describe('fromStatement', () => {
  it('fills every field, none null, the missing translations blank and no text', () => {
    expect(fromStatement(stored)).toEqual({
      kind: 'joint_statement',
      title: 'Joint statement',
      language: 'en',
      visibility: 'restricted',
      meetingId: '',
      restrictedTo: ['FRA', 'GBR'],
      titleTranslations: { en: '', fr: 'Déclaration commune', ar: '' },
      text: '',
      note: '',
    });
  });
});

describe('toUpdateStatementBody', () => {
  const before = fromStatement(stored);
  const edit = (change: Partial<StatementFormValues>) => toUpdateStatementBody(before, { ...before, ...change });

  it('sends nothing when nothing changed (spaces typed around the title are no change)', () => {
    expect(edit({})).toEqual({});
    expect(edit({ title: ' Joint statement ' })).toEqual({});
    expect(edit({ restrictedTo: ['GBR', 'FRA'] })).toEqual({});
  });

  it('sends only the fields that changed', () => {
    expect(edit({ title: 'Joint statement of Brussels ' })).toEqual({ title: 'Joint statement of Brussels' });
    expect(edit({ kind: 'communique', meetingId: 'a0000000-0000-4000-8000-000000000001' })).toEqual({
      kind: 'communique',
      meetingId: 'a0000000-0000-4000-8000-000000000001',
    });
  });

  it('sends a meeting taken away as null', () => {
    const withMeeting = { ...before, meetingId: 'a0000000-0000-4000-8000-000000000001' };
    expect(toUpdateStatementBody(withMeeting, { ...withMeeting, meetingId: '' })).toEqual({ meetingId: null });
  });

  it('sends the translations whole when one is added, changed or cleared', () => {
    expect(edit({ titleTranslations: { en: '', fr: 'Déclaration commune', ar: 'بيان مشترك' } })).toEqual({
      translations: { fr: { title: 'Déclaration commune' }, ar: { title: 'بيان مشترك' } },
    });
    expect(edit({ titleTranslations: { en: '', fr: ' ', ar: '' } })).toEqual({ translations: {} });
  });

  it('drops the translation in the new language of the original, which the server refuses', () => {
    expect(edit({ language: 'fr', title: 'Déclaration commune' })).toEqual({
      language: 'fr',
      title: 'Déclaration commune',
      translations: {},
    });
  });

  it('sends the members with a restricted statement only: changed, or newly restricted', () => {
    expect(edit({ restrictedTo: ['FRA'] })).toEqual({ restrictedTo: ['FRA'] });
    expect(edit({ visibility: 'coalition', restrictedTo: ['FRA'] })).toEqual({ visibility: 'coalition' });
    const open = { ...before, visibility: 'public' as const, restrictedTo: [] };
    expect(toUpdateStatementBody(open, { ...open, visibility: 'restricted', restrictedTo: ['JOR'] })).toEqual({
      visibility: 'restricted',
      restrictedTo: ['JOR'],
    });
  });
});

describe('editableFields', () => {
  it.each([
    ['draft', ['kind', 'title', 'language', 'visibility', 'meetingId', 'restrictedTo', 'translations']],
    ['adopted', ['translations', 'visibility', 'restrictedTo']],
    ['in_procedure', []],
    ['withdrawn', []],
  ] as const)('a statement %s: %j', (status, fields) => {
    expect([...editableFields(status)].sort()).toEqual([...fields].sort());
  });
});
