import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Delegation, Meeting } from '../../../shared/meetings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { refill } from '../../components/form-values.js';
import { Loading } from '../../components/Loading.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useLanguage } from '../../i18n/format.js';
import { usePeople } from '../members/members.api.js';
import { DelegationFields, useDelegationForm } from './DelegationForm.js';
import { candidates, type DelegationFormValues, toBody, toFormValues } from './delegation-form.js';
import { usePutDelegation } from './meetings.api.js';
import { offersOf, type PersonOffers, PersonOffersContext } from './person-offers.js';

interface NameDelegationFormProps {
  meeting: Meeting;
  delegation: Delegation;
  reload: () => Promise<Delegation | undefined>;
  /** A refusal may come from a change to the meeting (its quota, its status): read it again. */
  reloadMeeting: () => Promise<unknown>;
}

/** The delegation's form, filled from the delegation as read; a save sends the version it was filled from. */
export function NameDelegationForm({ meeting, delegation, reload, reloadMeeting }: NameDelegationFormProps) {
  const { t } = useTranslation('meetingForms');
  const language = useLanguage();
  const navigate = useNavigate();
  // The version this form was filled from: the one the change is based on, whatever the
  // cache has read since. Sending a newer one would overwrite changes the user never saw.
  const [base, setBase] = useState(delegation);
  const form = useDelegationForm(toFormValues(delegation));
  const people = usePeople(delegation.memberCode);
  // People on record whom the last refusal offered in place of a name typed afresh.
  const [offers, setOffers] = useState<PersonOffers>({});
  const save = usePutDelegation(meeting.id, delegation.memberCode);
  const back = `/meetings/${meeting.id}`;

  const submission = useFormSubmission(form, {
    record: 'delegation',
    reload: async () => {
      // Someone named afresh by the colleague is on record now: read the member's people again too.
      const [fresh] = await Promise.all([reload(), people.refetch()]);
      if (!fresh) return false;
      setBase(fresh);
      refill(form, toFormValues(fresh));
      return true;
    },
    // The meeting is no longer planned, someone named sits on another delegation, or the user may not.
    wayOut: (
      <Anchor component={Link} to={back} size="sm" mt="xs" display="inline-block">
        {t('nameDelegation.backToMeeting')}
      </Anchor>
    ),
    onProblem: (problem) => {
      // A lowered quota, or a change made meanwhile: count with the meeting as it is now. (A
      // meeting closed meanwhile keeps the form on screen, with the server's words above it.)
      if (problem.kind === 'invalid' || problem.kind === 'changed') void reloadMeeting();
      if (problem.kind === 'invalid') {
        const offered = offersOf(problem.error);
        setOffers(offered);
        // Someone a colleague named meanwhile may be the one offered: have them in the list.
        if (Object.keys(offered).length > 0) void people.refetch();
      }
    },
  });

  const submit = (values: DelegationFormValues) => {
    submission.send(save, { version: base.version, body: toBody(values) }, (saved) => {
      const member = saved.memberNames[language] || saved.memberName;
      notifications.show({
        color: 'green',
        title: t('nameDelegation.saved'),
        message: saved.head
          ? t('nameDelegation.savedWithHead', { member, head: saved.head.name })
          : t('nameDelegation.savedText', { member }),
      });
      navigate(`${back}#delegation-${saved.memberCode}`);
    });
  };

  if (people.isPending) return <Loading label={t('nameDelegation.loadingPeople')} />;
  if (people.isError) return <ErrorAlert error={people.error} title={t('nameDelegation.peopleNotLoaded')} />;
  return (
    <PersonOffersContext value={offers}>
      <DelegationFields
        form={form}
        seatQuota={meeting.seatQuota}
        people={candidates(people.data, base)}
        submitting={save.isPending}
        banner={submission.banner}
        onSubmit={submit}
        onCancel={() => navigate(back)}
      />
    </PersonOffersContext>
  );
}
