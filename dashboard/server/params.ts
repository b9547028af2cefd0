/** Query-parameter schemas shared by the API routes. */
import { z } from 'zod';

export const year = z.coerce.number().int().min(2000).max(2100);
export const schoolId = z.string().regex(/^[\p{L}\p{N}_.-]{1,64}$/u);
export const grade = z.coerce.number().int().min(1).max(11);
export const label = z.string().min(1).max(100);
