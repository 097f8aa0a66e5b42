import { eq } from 'drizzle-orm';
import type { StatementTranslations } from '../../../shared/statements.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { systemClock } from '../../lib/clock.js';
import { zonedDateTime } from '../../lib/zoned-time.js';
import { recordAdoption } from '../../modules/statements/adoption.js';
import type { Tx } from '../client.js';
import { meetings } from '../schema/meetings.js';
import { followUps, statements, statementVersions } from '../schema/statements.js';

/**
 * The demo's statements: the joint statement of the Brussels ministerial (3 December 2014),
 * adopted by the meeting's consensus as decision 2014/1 with two follow-ups, and a draft with two
 * versions for a silence procedure to circulate (the procedures' seed opens it).
 *
 * The texts are ours: a short summary of the five lines of effort the data file lists, in our own
 * words, not the words of any source.
 */

const BRUSSELS_TEXT = `The partners meeting in Brussels on 3 December 2014 agree on a common strategy against ISIL/Daesh for the long term, organised in five lines of effort. Each line is led by a few partners and open to every partner that wishes to contribute.

**Military support.** Partners will go on supporting the military campaign and the forces fighting ISIL/Daesh on the ground, and will train, advise and equip the Iraqi security forces, Kurdish forces included.

**Foreign terrorist fighters.** Partners will stop the travel of fighters to and from Iraq and Syria through border controls, the sharing of information and national laws, and will carry out Security Council resolution 2178.

**Financing.** Partners will deny ISIL/Daesh its income from oil, extortion, ransoms and the trade in antiquities, and will keep it out of the international financial system.

**Humanitarian relief.** Partners will bring relief to people who have fled their homes and to the communities that receive them, and will help restore basic services where ISIL/Daesh has been driven out.

**Exposing its true nature.** Partners will counter the propaganda and recruitment of ISIL/Daesh and give a wider audience to credible voices that reject it.

The partners will meet again to review their progress; the working groups of each line of effort will report to them.`;

/** The draft the procedures' seed circulates in a silence procedure that is still running. */
export const SILENCE_DRAFT_TITLE = 'Statement on the protection of cultural heritage';

const HERITAGE_V1 = `The partners condemn the destruction of cultural heritage in Iraq and Syria by ISIL/Daesh.

They will work with UNESCO to document sites at risk and to help the communities that care for them.

They will act against the trade in looted antiquities, which finances ISIL/Daesh.`;

const HERITAGE_V2 = `The partners condemn the deliberate destruction of cultural heritage in Iraq and Syria by ISIL/Daesh.

They will work with UNESCO and national authorities to document sites at risk and to support the communities that care for them.

They will act together against the trade in looted antiquities, which finances ISIL/Daesh, and will return seized objects to their countries of origin.`;

/** The owners of the Brussels decision's follow-ups: working groups as the data file names them. */
const FOLLOW_UPS = [
  {
    text: 'Set up the sharing of information on foreign terrorist fighters among partners.',
    ownerWorkingGroup: 'Coalition Foreign Terrorist Fighters Working Group',
    dueOn: '2015-06-30',
  },
  {
    text: "Map ISIL/Daesh's sources of revenue and agree measures against each.",
    ownerWorkingGroup: 'Counter-ISIL Finance Group (CIFG)',
    dueOn: '2015-03-31',
  },
];

async function insertStatement(
  tx: Tx,
  auth: Auth,
  values: {
    title: string;
    translations: StatementTranslations;
    visibility: 'public' | 'coalition';
    meetingId: string | null;
    createdAt: Date;
    texts: { text: string; note: string | null; createdAt: Date }[];
  },
): Promise<{ id: string; versionIds: string[] }> {
  const [row] = await tx
    .insert(statements)
    .values({
      kind: 'joint_statement',
      title: values.title,
      translations: values.translations,
      language: 'en',
      visibility: values.visibility,
      meetingId: values.meetingId,
      createdAt: values.createdAt,
      updatedAt: values.texts.at(-1)?.createdAt ?? values.createdAt,
    })
    .returning();
  const statement = row as typeof statements.$inferSelect;
  await recordAudit(tx, auth, {
    action: 'statement.created',
    entityType: 'statement',
    entityId: statement.id,
    after: statement,
  });
  const versionIds: string[] = [];
  for (const [i, version] of values.texts.entries()) {
    const [created] = await tx
      .insert(statementVersions)
      .values({ statementId: statement.id, number: i + 1, ...version })
      .returning({ id: statementVersions.id });
    const id = (created as { id: string }).id;
    versionIds.push(id);
    await recordAudit(tx, auth, {
      action: 'statement.version_added',
      entityType: 'statement',
      entityId: statement.id,
      after: { textVersionId: id, number: i + 1, note: version.note, characters: version.text.length },
    });
  }
  return { id: statement.id, versionIds };
}

/** Loads the demo's statements inside the demo seed's transaction; returns their ids. */
export async function seedStatements(tx: Tx, auth: Auth): Promise<{ brussels: string; silenceDraft: string }> {
  const [brusselsMeeting] = await tx
    .select({ id: meetings.id, timeZone: meetings.timeZone })
    .from(meetings)
    .where(eq(meetings.startDate, '2014-12-03'));
  if (!brusselsMeeting) throw new Error('seedStatements: the Brussels ministerial is not seeded');

  const adoptedOn = '2014-12-03';
  const brussels = await insertStatement(tx, auth, {
    title: 'Joint statement of the coalition ministerial meeting in Brussels',
    translations: {
      fr: { title: 'Déclaration commune de la réunion ministérielle de la coalition à Bruxelles' },
      ar: { title: 'البيان المشترك للاجتماع الوزاري للتحالف في بروكسل' },
    },
    visibility: 'public',
    meetingId: brusselsMeeting.id,
    createdAt: new Date('2014-12-01T09:00:00Z'),
    texts: [
      {
        text: BRUSSELS_TEXT,
        note: 'As agreed by the partners in Brussels.',
        createdAt: new Date('2014-12-02T18:00:00Z'),
      },
    ],
  });
  const decision = await recordAdoption(tx, systemClock, auth, {
    statementId: brussels.id,
    textVersionId: brussels.versionIds[0] as string,
    method: 'meeting_consensus',
    procedureId: null,
    meetingId: brusselsMeeting.id,
    adoptedAt: zonedDateTime(adoptedOn, '12:00', brusselsMeeting.timeZone).toJSDate(),
    adoptedOn,
    memberIds: [],
  });
  await recordAudit(tx, auth, {
    action: 'statement.adopted',
    entityType: 'statement',
    entityId: brussels.id,
    before: { status: 'draft' },
    after: {
      status: 'adopted',
      method: 'meeting_consensus',
      textVersion: 1,
      meetingId: brusselsMeeting.id,
      adoptedOn,
      decisionId: decision.decisionId,
      decisionNumber: decision.number,
    },
  });
  for (const followUp of FOLLOW_UPS) {
    const [row] = await tx
      .insert(followUps)
      .values({ decisionId: decision.decisionId, ...followUp, createdAt: new Date('2014-12-03T16:00:00Z') })
      .returning();
    await recordAudit(tx, auth, {
      action: 'follow_up.created',
      entityType: 'follow_up',
      entityId: (row as { id: string }).id,
      after: row,
    });
  }

  const draft = await insertStatement(tx, auth, {
    title: SILENCE_DRAFT_TITLE,
    translations: {
      fr: { title: 'Déclaration sur la protection du patrimoine culturel' },
      ar: { title: 'بيان بشأن حماية التراث الثقافي' },
    },
    visibility: 'coalition',
    meetingId: null,
    createdAt: new Date('2015-02-20T09:00:00Z'),
    texts: [
      { text: HERITAGE_V1, note: 'First draft by the secretariat.', createdAt: new Date('2015-02-20T09:00:00Z') },
      { text: HERITAGE_V2, note: 'With the comments of the partners.', createdAt: new Date('2015-02-24T15:00:00Z') },
    ],
  });
  return { brussels: brussels.id, silenceDraft: draft.id };
}
