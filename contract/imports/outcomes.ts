/** What can become of an imported file, in Russian (shared by the CLI and the dashboard). */
export type Outcome = 'loaded' | 'replaced' | 'unchanged' | 'rejected' | 'checked';

export const OUTCOME_TITLES: Record<Outcome, string> = {
  loaded: 'загружен',
  replaced: 'заменён',
  unchanged: 'без изменений',
  rejected: 'отклонён',
  checked: 'проверен (без записи)',
};
