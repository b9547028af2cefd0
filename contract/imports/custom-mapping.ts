/**
 * A region's own per-school table mapped by the user: which column is the school, which the
 * year, which are indicators. Saved by the signature of the file's header row.
 */
import { z } from 'zod';

export const mappingSchema = z.object({
  signature: z.string().regex(/^[0-9a-f]{16}$/),
  setName: z.string().trim().min(2).max(100),
  /** captions of the columns as written in the file */
  schoolColumn: z.string().min(1),
  yearColumn: z.string().min(1),
  indicators: z
    .array(z.object({ column: z.string().min(1), name: z.string().trim().min(2).max(150) }))
    .min(1),
});

export type CustomMapping = z.infer<typeof mappingSchema>;

/** For a file no format recognises: its header row and sample values, to map its columns. */
export interface MappingProposal {
  fileName: string;
  sheet: string;
  signature: string;
  captions: string[];
  samples: string[][];
}
