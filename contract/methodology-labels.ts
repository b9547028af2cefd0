/**
 * Russian names of the methodology's parameters, for the «Методика» page and for validation
 * messages. Pure data: the server and the dashboard both import it.
 */
export interface ParameterLabel {
  label: string;
  /** what the number is measured in: «%», «п.п.», «σ», … */
  unit?: string;
}

export const PARAMETERS: Record<string, ParameterLabel> = {
  version: { label: 'Версия' },
  title: { label: 'Название' },
  source: { label: 'Источник' },
  rule: { label: 'Вид правила' },
  isDefault: { label: 'Значения по умолчанию' },
  effectiveFrom: { label: 'Действует с учебного года' },
  minN: { label: 'Порог «мало данных»: участников меньше', unit: 'чел.' },
  egeHighFrom: { label: 'Высокобалльники ЕГЭ: от балла', unit: 'балл' },
  taskThresholds: { label: 'Пороги выполнения заданий ВПР (ФИОКО)' },
  basic: { label: 'Базовый уровень' },
  advanced: { label: 'Повышенный уровень' },
  sufficientFrom: { label: 'Достаточно — от', unit: '%' },
  insufficientBelow: { label: 'Недостаточно — ниже', unit: '%' },
  trendSlopePp: { label: 'Тренд за 3–5 лет: рост или снижение больше', unit: 'п.п. в год' },
  significanceZ: { label: 'Значимость изменения: критическое значение |z| (1,96 — 95 %)' },
  recurringDeficitSchoolsPct: {
    label: 'Повторяющийся дефицит: задание ВПР недостаточно выполнено не менее чем в',
    unit: '% школ',
  },
  fgTargets: { label: 'Цели по функциональной грамотности' },
  lowMaxPct: { label: 'Недостаточный и низкий уровни — не более', unit: '%' },
  highMinPct: { label: 'Высокий уровень — не менее', unit: '%' },
  statusChangeGrid: { label: 'Сетка «состояние × изменение»' },
  indicators: { label: 'Показатели' },
  statusCutsPct: { label: 'Границы уровней состояния', unit: '%' },
  changeCutsPp: { label: 'Границы уровней изменения', unit: 'п.п.' },
  colors: { label: 'Цвета клеток' },
  clusters: { label: 'Кластеры' },
  versions: { label: 'Версии правила' },
  thresholdPct: { label: 'Доля не преодолевших минимальный порог — от', unit: '%' },
  minProcedures: { label: 'Процедур с превышением в году — не меньше' },
  procedures: { label: 'Процедуры' },
  vprGradesPooled: { label: 'ВПР: классы одного предмета — одна процедура' },
  includeSmallN: { label: 'Учитывать группы с малым числом участников' },
  subjects: { label: 'Предметы' },
  grades: { label: 'Классы' },
  confirmedBelowPct: { label: 'Подтвердили отметку журнала — меньше', unit: '%' },
  excessSigma: { label: 'Превышение качества над регионом — больше', unit: 'σ' },
  excessExemptTypes: { label: 'Типы школ без признака превышения' },
  inversionMarginPp: { label: 'Инверсия трудности — больше', unit: 'п.п.' },
  peakRatio: { label: 'Пик на границе отметки — больше среднего соседних баллов в', unit: 'раз' },
  peakMinPupils: { label: 'Пик на границе — не меньше участников', unit: 'чел.' },
  minSigns: { label: 'Признаков для отнесения — не меньше' },
  band: { label: 'Группа' },
  comparison: { label: 'С чем сравнивается школа' },
  percent: { label: 'Ширина группы', unit: '% школ' },
  dolya2Pct: { label: 'Граница доли «2»', unit: '%' },
  avgMark: { label: 'Граница средней отметки' },
  kachestvoPct: { label: 'Граница качества знаний', unit: '%' },
  eachSubject: { label: 'По каждому предмету отдельно' },
  metrics: { label: 'Показатели ВПР' },
  consecutiveYears: { label: 'Лет подряд — не меньше' },
  excludeNonObjective: { label: 'Не ранжировать школы с признаками необъективности' },
  yearsBack: { label: 'Снижение — к результату лет назад' },
  zCritical: { label: 'Критическое значение z (1,96 — 95 %)' },
  minGapPp: { label: 'Снижение или отставание — не меньше', unit: 'п.п.' },
  excludeClusters: { label: 'Не относить школы из кластеров' },
  clusterNames: { label: 'Названия кластеров в списках' },
  synonyms: { label: 'Другие названия кластера' },
  unknown: { label: 'Название кластера, которого нет в таблице' },
};

export const RULE_KINDS: Record<string, string> = {
  fail_share: 'доля не преодолевших минимальный порог',
  objectivity_signs: 'признаки необъективности ВПР',
  rank_band: 'низкие или высокие результаты ВПР несколько лет подряд',
  decline_or_below: 'значимое снижение или отставание от района',
};

export const VALUE_NAMES: Record<string, string> = {
  bottom: 'нижняя',
  top: 'верхняя',
  dolya2: 'доля «2»',
  avg_mark: 'средняя отметка',
  kachestvo: 'качество знаний',
  district: 'место среди школ района',
  threshold: 'граница, заданная методикой',
  keep: 'загружать как отдельный кластер (с предупреждением)',
  reject: 'отклонять список с сообщением',
};

/** «кластер ШНОР → версия № 1 → «Ширина группы»» for a zod issue path. */
export function parameterPath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (key === 'clusters' && i + 1 < path.length) {
      parts.push(`кластер ${String(path[++i])}`);
    } else if (key === 'versions' && typeof path[i + 1] === 'number') {
      parts.push(`версия правила № ${(path[++i] as number) + 1}`);
    } else if (typeof key === 'number') {
      parts.push(`значение № ${key + 1}`);
    } else {
      parts.push(`«${PARAMETERS[String(key)]?.label ?? String(key)}»`);
    }
  }
  return parts.join(' → ') || 'методика';
}
