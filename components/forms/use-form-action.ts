"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { INITIAL_ACTION_STATE } from "@/lib/actions/initial-state";

export interface FormActionOptions {
  /** Empty the form once the action answers `ok` (a "create" form ready for the next entry). */
  resetOnSuccess?: boolean;
}

/**
 * Runs a server action from a form, the one way every form of the console does it:
 *
 *   const { state, pending, formProps } = useFormAction(createSourceAction, { resetOnSuccess: true });
 *   <form {...formProps}>…</form>
 *
 * Why not plain `<form action={action}>`: React 19 resets a form after every action it runs
 * through the `action` prop, refused or not, so a rejected submit would wipe what the user typed
 * (and the server would have to echo the values back to fill them in again). Here `onSubmit`
 * stops the browser's submit and dispatches the action inside `startTransition` itself; React
 * then leaves the form alone, and the typed input survives a refusal. The form is emptied only
 * when asked (`resetOnSuccess`) and only after success.
 *
 * `action` is still passed to the form: React renders it as a POST of the server action, so a
 * submit before the page is hydrated goes to the server instead of becoming a GET that puts the
 * fields (a password, a phone number) in the URL. Once hydrated, `onSubmit` prevents the default
 * and React does not run `action` a second time.
 */
export function useFormAction<S extends ActionState>(action: (state: Awaited<S>, formData: FormData) => Promise<S>, { resetOnSuccess = false }: FormActionOptions = {}) {
  // Every form state starts as "nothing submitted yet"; the extra fields of a state type are optional.
  const [state, dispatch, pending] = useActionState(action, INITIAL_ACTION_STATE as Awaited<S>);
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (resetOnSuccess && state.ok) ref.current?.reset();
  }, [state, resetOnSuccess]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The clicked button's own name and value (e.g. `operation=unlock`) belong in the data, as in a native submit.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  };

  return { state, pending, formProps: { ref, action: dispatch, onSubmit } };
}
