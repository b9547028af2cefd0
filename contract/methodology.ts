/**
 * Methodology settings (thresholds the methodologist may change), validated with zod.
 * The defaults and the loading of a file are in analytics/methodology-file.ts.
 */
import { z } from 'zod';
import { parameterPath } from './methodology-labels.ts';

const ascendingCuts = z
  .array(z.number())
  .length(4)
  .refine((cuts) => cuts.every((c, i) => i === 0 || c > cuts[i - 1]!), {
    message: 'четыре возрастающие границы',
  });

const schoolYear = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'учебный год вида 2024/25')
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), {
    message: 'годы учебного года идут подряд',
  });
const subjects = z.array(z.string().min(1)).min(1);
const grades = z.array(z.number().int().min(1).max(11)).min(1);
const percent = z.number().min(0).max(100);

/**
 * One version of a cluster rule. `isDefault` marks shipped defaults the methodologist has not
 * changed; the version is in force from `effectiveFrom` until the next version of the cluster.
 */
const versionFields = {
  version: z.string().min(1),
  isDefault: z.boolean(),
  effectiveFrom: schoolYear,
};

/**
 * ШПУН (docs/methodology.md §2.2): ≥ threshold % below the «2» boundary on several procedures, two
 * years running.
 */
const failShare = z.object({
  rule: z.literal('fail_share'),
  ...versionFields,
  /** share of pupils below the «2» boundary (ЕГЭ: below the minimum score), per cent */
  thresholdPct: percent,
  /** procedures over the threshold in the same year */
  minProcedures: z.number().int().min(1),
  /** the assessments whose procedures count: ВПР, ОГЭ (per subject), ЕГЭ (per subject) */
  procedures: z.array(z.enum(['ВПР', 'ОГЭ', 'ЕГЭ'])).min(1),
  /**
   * One ВПР «процедура» is a subject with its grades pooled (true), or each subject × grade
   * (false: versions saved before 2026.2 keep that meaning).
   */
  vprGradesPooled: z.boolean().default(false),
  includeSmallN: z.boolean(),
});

/**
 * Signs of non-objective ВПР results (docs/methodology.md §3), per ВПР subject × grade in scope.
 */
const objectivitySigns = z.object({
  rule: z.literal('objectivity_signs'),
  ...versionFields,
  subjects,
  grades,
  /** journal marks confirmed by fewer than this share of participants */
  confirmedBelowPct: percent,
  /** качество знаний above the region (else the district) by more than this many σ of schools */
  excessSigma: z.number().positive(),
  /** school types expected to be above the region (the excess sign is not applied to them) */
  excessExemptTypes: z.array(z.string()),
  /** advanced tasks better than the region and basic ones worse, each by more than this, п.п. */
  inversionMarginPp: z.number().min(0),
  /** pupils at a mark boundary score over the mean of the four scores around it */
  peakRatio: z.number().positive(),
  /** a boundary peak needs at least this many pupils at the boundary score */
  peakMinPupils: z.number().int().min(1),
  /** signs needed for the flag */
  minSigns: z.number().int().min(1),
});

/** The parameter that holds a metric's boundary in a 'threshold' rule. */
export const THRESHOLD_OF = {
  dolya2: 'dolya2Pct',
  avg_mark: 'avgMark',
  kachestvo: 'kachestvoPct',
} as const;

/**
 * ШНОР and ШЛ, several years running, by one of two comparisons:
 * - 'district': the lowest or top `percent` of the district's schools (a district almost always
 *   has such schools);
 * - 'threshold': at or beyond a fixed value of each metric (a region's published boundary), so a
 *   district may have none.
 */
const rankBand = z
  .object({
    rule: z.literal('rank_band'),
    ...versionFields,
    band: z.enum(['bottom', 'top']),
    /** versions saved before 2026.2 compare with the district's schools */
    comparison: z.enum(['district', 'threshold']).default('district'),
    /** 'district': the band's width, per cent of schools (10 = decile) */
    percent: z.number().gt(0).max(50).optional(),
    /** 'threshold': the boundary of each metric the rule uses («2» and качество in %) */
    dolya2Pct: percent.optional(),
    avgMark: z.number().min(2).max(5).optional(),
    kachestvoPct: percent.optional(),
    /** the school is in the band when any of these ВПР indicators is */
    metrics: z.array(z.enum(['dolya2', 'avg_mark', 'kachestvo'])).min(1),
    subjects,
    grades,
    /** each subject on its own must be in the band (grades pooled), not the subjects pooled */
    eachSubject: z.boolean().default(false),
    consecutiveYears: z.number().int().min(1).max(5),
    excludeNonObjective: z.boolean(),
    includeSmallN: z.boolean(),
  })
  .superRefine((rule, context) => {
    if (rule.comparison === 'district' && rule.percent === undefined)
      context.addIssue({ code: 'custom', path: ['percent'], message: 'нужна ширина группы' });
    if (rule.comparison === 'threshold')
      for (const metric of rule.metrics)
        if (rule[THRESHOLD_OF[metric]] === undefined)
          context.addIssue({
            code: 'custom',
            path: [THRESHOLD_OF[metric]],
            message: 'нужна граница для каждого показателя правила',
          });
  });

/** ШФЗСОР: a significant decline, or significantly below the district, on key procedures. */
const declineOrBelow = z.object({
  rule: z.literal('decline_or_below'),
  ...versionFields,
  subjects,
  /** key procedures: ВПР and ОГЭ per subject (ВПР grades pooled) */
  procedures: z.array(z.enum(['ВПР', 'ОГЭ'])).min(1),
  /** the decline is measured against this many years before */
  yearsBack: z.number().int().min(1).max(4),
  /** critical |z| of the two-proportion test and of the Wilson interval (1,96 = 95 %) */
  zCritical: z.number().positive(),
  /** …and only when the decline or the gap to the district is at least this large, п.п. */
  minGapPp: z.number().min(0),
  minProcedures: z.number().int().min(1),
  /** schools flagged in these clusters in the same year are not flagged here */
  excludeClusters: z.array(z.string()),
});

const clusterRule = z.discriminatedUnion('rule', [
  failShare,
  objectivitySigns,
  rankBand,
  declineOrBelow,
]);
export type ClusterRule = z.infer<typeof clusterRule>;

const cluster = z.object({
  title: z.string().min(1),
  /** where the rule comes from (a federal indicator, FIOKO practice, a regional order) */
  source: z.string().min(1).optional(),
  versions: z
    .array(clusterRule)
    .min(1)
    .refine((v) => v.every((r, i) => i === 0 || r.effectiveFrom > v[i - 1]!.effectiveFrom), {
      message: 'версии идут по возрастанию года начала действия',
    }),
});

/**
 * The names lists give a cluster: per cluster code, its other names (abbreviations and words,
 * docs/methodology.md §5). A list row is stored under the code; a name not in the table is kept
 * as a cluster of its own (with a warning) or rejected, as `unknown` says.
 */
export const DEFAULT_CLUSTER_NAMES: {
  unknown: 'keep' | 'reject';
  synonyms: Record<string, string[]>;
} = {
  unknown: 'keep',
  synonyms: {
    ШФЗСОР: [
      'ШФСОР',
      'ШФЗР',
      'ШФЗСОП',
      'школы, функционирующие в зоне риска снижения образовательных результатов',
      'школы, функционирующие в зоне риска снижения образовательных результатов обучающихся',
      'школ, функционирующих в зоне риска снижения образовательных результатов',
      'школ, функционирующих в зоне риска снижения образовательных результатов обучающихся',
      'школы, функционирующие в условиях риска снижения образовательных результатов',
      'школы, находящиеся в зоне риска снижения образовательных результатов',
    ],
    ШНОР: [
      'школы с низкими образовательными результатами',
      'школ с низкими образовательными результатами',
      'школы с низкими результатами обучения',
    ],
    ШПУН: [
      'школы с признаками учебной неуспешности',
      'школ с признаками учебной неуспешности',
      'школы, имеющие признаки учебной неуспешности',
      'школ, имеющих признаки учебной неуспешности',
      'признаки учебной неуспешности',
    ],
    ШЛ: [
      'школы-лидеры',
      'школы со стабильно высокими образовательными результатами',
      'школы со стабильно высокими образовательными результатами обучающихся',
      'школ со стабильно высокими образовательными результатами',
    ],
    ШНСУ: [
      'школы, функционирующие в неблагоприятных социальных условиях',
      'школ, функционирующих в неблагоприятных социальных условиях',
    ],
    '500+': ['проект 500+', 'школы проекта 500+'],
    Необъективность: [
      'школы с признаками необъективных результатов',
      'школы с признаками необъективной оценки образовательных результатов',
    ],
  },
};

/**
 * A cluster name as lists are compared: case, ё, quotes, spaces (also around a dash) and
 * closing punctuation folded.
 */
export const foldClusterName = (name: string) =>
  name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'“”„]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/\s*[-–—]\s*/g, '-')
    .replace(/[.:,;\s]+$/, '')
    .trim();

const clusterNames = z
  .object({
    /** a label the table does not know: kept as its own cluster, or the list is rejected */
    unknown: z.enum(['keep', 'reject']),
    /** cluster code → the other names lists give it */
    synonyms: z.record(z.string().trim().min(1), z.array(z.string().trim().min(1))),
  })
  .superRefine((names, context) => {
    const owner = new Map<string, string>();
    for (const [code, others] of Object.entries(names.synonyms))
      for (const name of [code, ...others]) {
        const earlier = owner.get(foldClusterName(name));
        if (earlier !== undefined && earlier !== code)
          context.addIssue({
            code: 'custom',
            path: ['synonyms', code],
            message: `название «${name}» уже отнесено к кластеру ${earlier}`,
          });
        owner.set(foldClusterName(name), code);
      }
  });
export type ClusterNames = z.infer<typeof clusterNames>;

export const methodologySchema = z.object({
  version: z.string().min(1),
  /** below this many participants a share is marked «мало данных» */
  minN: z.number().int().min(1).max(1000),
  /** ЕГЭ high-score band: from this test score up to 99 (100 is counted apart too) */
  egeHighFrom: z.number().int().min(1).max(100),
  /**
   * ФИС ОКО task thresholds (% completion): sufficient from, insufficient below
   * (docs/methodology.md §1.3)
   */
  taskThresholds: z.object({
    basic: z.object({
      sufficientFrom: z.number().min(0).max(100),
      insufficientBelow: z.number().min(0).max(100),
    }),
    advanced: z.object({
      sufficientFrom: z.number().min(0).max(100),
      insufficientBelow: z.number().min(0).max(100),
    }),
  }),
  /** a 3–5-year slope beyond this many п.п. a year counts as growth or decline */
  trendSlopePp: z.number().min(0).max(50),
  /** critical |z| for «значимое изменение» and the intervals of shares (1,96 = 95 %) */
  significanceZ: z.number().positive().max(5),
  /** a ВПР task is a deficit that recurs across the district when it is insufficient in at least this share of schools (and in two at least) */
  recurringDeficitSchoolsPct: z.number().min(0).max(100).default(33),
  /**
   * Status × change grid (as the California School Dashboard): per indicator, four ascending
   * cut points of the share (%) and of its change (п.п.) give levels 1–5; `colors[status][change]`
   * (levels counted from the worst) gives the cell: 1 красный … 5 синий.
   */
  statusChangeGrid: z.object({
    indicators: z.record(
      z.string(),
      z.object({
        statusCutsPct: ascendingCuts,
        changeCutsPp: ascendingCuts,
      }),
    ),
    colors: z.array(z.array(z.number().int().min(1).max(5)).length(5)).length(5),
  }),
  /** risk clusters by name; their rules and thresholds are data, effective per version */
  clusters: z.record(z.string(), cluster),
  /** the other names of clusters in the lists; versions saved before 2026.3 get the defaults */
  clusterNames: clusterNames.default(() => structuredClone(DEFAULT_CLUSTER_NAMES)),
  /** ФГ targets: low + insufficient at most this share, high at least this share (per cent) */
  fgTargets: z.object({
    lowMaxPct: z.number().min(0).max(100),
    highMinPct: z.number().min(0).max(100),
  }),
});

export type Methodology = z.infer<typeof methodologySchema>;

/** One validation problem in Russian: where (with the parameter's Russian name) and what was expected. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${parameterPath(i.path)}: ${expectation(i)}`).join('; ');
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'array'
        ? `не больше ${issue.maximum} значений`
        : `ожидалось число ${issue.inclusive ? 'не больше' : 'меньше'} ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? 'значение не может быть пустым'
        : `ожидалось число ${issue.inclusive ? 'не меньше' : 'больше'} ${issue.minimum}`;
    case 'invalid_type':
      return `ожидалось ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `допустимые значения: ${issue.values.join(', ')}`;
    case 'unrecognized_keys':
      return `лишние параметры: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'значение не подходит ни под один из допустимых видов';
    case 'invalid_format':
      return 'значение в неверном формате';
    case 'invalid_key':
      return 'недопустимое название';
    default:
      // The schema's own checks (refine) carry Russian messages.
      return issue.message;
  }
}

const TYPE_NAMES: Record<string, string> = {
  number: 'число',
  string: 'текст',
  boolean: 'да или нет',
  array: 'список',
  object: 'набор параметров',
  record: 'набор параметров',
  int: 'целое число',
};
