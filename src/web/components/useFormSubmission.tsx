import { type ReactNode, useState } from 'react';
import { ConflictAlert, ProblemAlert } from './FormAlerts.js';
import { applyFieldErrors, type FormWithErrors, useFormT } from './form-errors.js';
import { type FormProblem, type FormRecord, isFinal, problemText, toFormProblem } from './form-problem.js';

export interface FormSubmissionOptions {
  /** What is saved: the banners say it in the reader's words ("The member was not saved"). */
  record: FormRecord;
  /** The form field a server error path belongs to, when it is not the same path (`restrictedTo.2` → `restrictedTo`). */
  fieldOf?: (path: string) => string;
  /**
   * Reads the record afresh and fills the form with it; true when it did. Given, a save refused
   * because someone else changed the record offers to reload it.
   */
  reload?: () => Promise<boolean>;
  /** A way out (a link back), offered with a refusal that no change to the form will lift (403, 409). */
  wayOut?: ReactNode;
  /** Anything more the page does about a refusal, once the fields are marked and the banner is set. */
  onProblem?: (problem: FormProblem) => void;
}

export interface FormSubmission {
  /** The message about the whole form, for its banner; null while there is none. */
  banner: ReactNode;
  /** As a save starts: the message about the last one goes. */
  clear: () => void;
  /** The save's `onError`: marks the fields the server named and says the rest in the banner. */
  fail: (error: unknown) => void;
  /**
   * A save, the same on every form: the last message goes, the mutation runs with `body`, and a
   * refusal is marked on the form (`fail`); `onSuccess` gets the answer.
   */
  send: <Body, Result>(mutation: Mutation<Body, Result>, body: Body, onSuccess?: (result: Result) => void) => void;
}

/** What `send` needs of a TanStack mutation. */
interface Mutation<Body, Result> {
  mutate(body: Body, options: { onSuccess: (result: Result) => void; onError: (error: unknown) => void }): void;
}

/**
 * A form's answer to a refused save, the same on every page: the server's field errors on the
 * fields, and a banner that says what the user can do about the rest.
 */
export function useFormSubmission(form: FormWithErrors, options: FormSubmissionOptions): FormSubmission {
  const { record, fieldOf, reload, wayOut, onProblem } = options;
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [reloading, setReloading] = useState(false);
  const t = useFormT();

  const fail = (error: unknown) => {
    const found = toFormProblem(error, applyFieldErrors(form, error, t, fieldOf));
    setProblem(found);
    onProblem?.(found);
  };

  const reloadRecord = async () => {
    if (!reload) return;
    setReloading(true);
    try {
      if (await reload()) setProblem(null);
    } finally {
      setReloading(false);
    }
  };

  let banner: ReactNode = null;
  if (problem?.kind === 'changed' && reload) {
    banner = <ConflictAlert record={record} onReload={reloadRecord} reloading={reloading} />;
  } else if (problem) {
    banner = <ProblemAlert text={problemText(t, problem, record)}>{isFinal(problem) ? wayOut : null}</ProblemAlert>;
  }

  const send: FormSubmission['send'] = (mutation, body, onSuccess = () => {}) => {
    setProblem(null);
    mutation.mutate(body, { onSuccess, onError: fail });
  };

  return { banner, clear: () => setProblem(null), fail, send };
}
