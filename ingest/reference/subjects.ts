/**
 * School subjects (ВПР and ГИА) with the grades in which ВПР is written, and the spellings
 * found in ФИС ОКО exports, РЦОИ lists and school spreadsheets.
 */
export interface Subject {
  code: string;
  name: string;
  vprGrades: readonly number[];
  synonyms: readonly string[];
}

export const SUBJECTS: readonly Subject[] = [
  {
    code: 'RU',
    name: 'Русский язык',
    vprGrades: [4, 5, 6, 7, 8, 10],
    synonyms: ['русский', 'рус. яз.', 'рус яз', 'ру'],
  },
  {
    code: 'MA',
    name: 'Математика',
    vprGrades: [4, 5, 6, 7, 8, 10],
    synonyms: ['мат.', 'мат', 'ма'],
  },
  { code: 'OM', name: 'Окружающий мир', vprGrades: [4], synonyms: ['окр. мир', 'окружающий'] },
  { code: 'HI', name: 'История', vprGrades: [5, 6, 7, 8, 10], synonyms: [] },
  { code: 'BI', name: 'Биология', vprGrades: [5, 6, 7, 8, 10], synonyms: [] },
  { code: 'GE', name: 'География', vprGrades: [6, 7, 8, 10], synonyms: [] },
  { code: 'SO', name: 'Обществознание', vprGrades: [6, 7, 8, 10], synonyms: ['общество'] },
  { code: 'PH', name: 'Физика', vprGrades: [7, 8, 10], synonyms: [] },
  { code: 'CH', name: 'Химия', vprGrades: [8, 10], synonyms: [] },
  {
    code: 'EN',
    name: 'Английский язык',
    vprGrades: [7],
    synonyms: ['английский', 'иностранный язык (английский)'],
  },
  { code: 'LI', name: 'Литература', vprGrades: [5, 6, 7, 8, 10], synonyms: [] },
  { code: 'IN', name: 'Информатика', vprGrades: [7, 8, 10], synonyms: ['информатика и икт'] },
  // ГИА-only subjects: no ВПР is written in them.
  {
    code: 'MP',
    name: 'Математика профильная',
    vprGrades: [],
    synonyms: ['математика (профильный уровень)', 'математика профиль', 'математика п'],
  },
  {
    code: 'MB',
    name: 'Математика базовая',
    vprGrades: [],
    synonyms: ['математика (базовый уровень)', 'математика база', 'математика б'],
  },
  { code: 'DE', name: 'Немецкий язык', vprGrades: [], synonyms: ['иностранный язык (немецкий)'] },
  {
    code: 'FR',
    name: 'Французский язык',
    vprGrades: [],
    synonyms: ['иностранный язык (французский)'],
  },
  { code: 'ES', name: 'Испанский язык', vprGrades: [], synonyms: ['иностранный язык (испанский)'] },
  { code: 'ZH', name: 'Китайский язык', vprGrades: [], synonyms: ['иностранный язык (китайский)'] },
];

const normalise = (text: string) =>
  text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

const bySpelling = new Map<string, Subject>();
for (const subject of SUBJECTS) {
  for (const spelling of [subject.name, subject.code, ...subject.synonyms]) {
    bySpelling.set(normalise(spelling), subject);
  }
}

/** Finds a subject by any known spelling; undefined when unknown. */
export function findSubject(text: string): Subject | undefined {
  return bySpelling.get(normalise(text));
}

export const SUBJECT_NAMES = SUBJECTS.map((s) => s.name);
