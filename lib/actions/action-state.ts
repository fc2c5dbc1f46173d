/** What every form action returns to `useActionState`. */
export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Extra data a form shows once (e.g. a temporary password, a revealed value). */
  data?: Record<string, string>;
  /**
   * When the answer was given (ms). Of several forms on one page, only the newest answer is shown
   * (components/ui/form-message.tsx), so "已释放" replaces "已认领" instead of standing beside it.
   */
  at?: number;
}
