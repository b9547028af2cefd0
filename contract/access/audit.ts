/** The audit log's entries: who did what and when. */
export const AUDIT_ACTIONS = {
  login: 'Вход',
  login_failed: 'Неудачный вход',
  login_blocked: 'Вход отложен: много неудачных попыток',
  logout: 'Выход',
  import: 'Загрузка файла',
  replace: 'Замена данных',
  import_cancel: 'Отмена загрузки',
  mapping: 'Сопоставление столбцов',
  methodology: 'Изменение методики',
  list_decision: 'Решение по рабочему списку',
  roadmap: 'Дорожная карта',
  briefing: 'Справка',
  export: 'Выгрузка',
  user_add: 'Добавлен пользователь',
  user_remove: 'Удалён пользователь',
  user_passwd: 'Сменён пароль',
  user_unlock: 'Сняты задержки входа',
  backup: 'Резервная копия',
  restore: 'Восстановление из копии',
  denied: 'Отказано в доступе',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditEntry {
  /** ISO time */
  at: string;
  /** the login; «локальный пользователь» without sign-in, the OS user for the command line */
  user: string;
  role: string | null;
  /** the client address, «командная строка» for the CLI */
  address: string;
  action: AuditAction;
  /** what exactly, in Russian: file, version, briefing, export and its filters */
  detail: string;
  outcome: 'ok' | 'failed' | 'denied';
}

export interface AuditQuery {
  action?: AuditAction;
  user?: string;
  limit?: number;
}
