/**
 * The six functional-literacy directions (docs/methodology.md §4) and the spellings operators use.
 */
import { normaliseHeader } from '../header.ts';

export const FG_DIRECTIONS = [
  { code: 'RG', name: 'Читательская грамотность', synonyms: ['читательская', 'чг'] },
  { code: 'MG', name: 'Математическая грамотность', synonyms: ['математическая', 'мг'] },
  {
    code: 'EG',
    name: 'Естественнонаучная грамотность',
    synonyms: ['естественнонаучная', 'естественно-научная грамотность', 'ег', 'енг'],
  },
  { code: 'FG', name: 'Финансовая грамотность', synonyms: ['финансовая', 'фг'] },
  { code: 'GK', name: 'Глобальные компетенции', synonyms: ['глобальные', 'гк'] },
  { code: 'KM', name: 'Креативное мышление', synonyms: ['креативное', 'км'] },
] as const;

const byName = new Map<string, string>();
for (const d of FG_DIRECTIONS)
  for (const spelling of [d.name, d.code, ...d.synonyms])
    byName.set(normaliseHeader(spelling), d.name);

export const findFgDirection = (text: string) => byName.get(normaliseHeader(text));

export const FG_DIRECTION_EXPECTED = `направление ФГ: ${FG_DIRECTIONS.map((d) => d.name.toLowerCase()).join(', ')}`;
