/** The roles of a networked install and a user as the server shows it. */
export const ROLES = ['admin', 'analyst', 'school'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_TITLES: Record<Role, string> = {
  admin: 'администратор',
  analyst: 'аналитик',
  school: 'школа',
};

/** A user as the rest of the server sees it: no password hash. */
export interface User {
  login: string;
  role: Role;
  /** the school login (Логин ОО) of a school user, null for the others */
  school: string | null;
  createdAt: string;
  passwordChangedAt: string;
  /** changes with the password, so a new password ends the sessions opened with the old one */
  stamp: string;
}
