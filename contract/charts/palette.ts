/**
 * Colour-blind-safe colours (Okabe & Ito, 2008) for every chart, so a series has the same
 * colour on every page: the school, the district, the region, the country.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
} as const;

export const LEVEL_COLORS = {
  Школа: OKABE_ITO.blue,
  Район: OKABE_ITO.vermillion,
  Регион: OKABE_ITO.purple,
  РФ: OKABE_ITO.green,
} as const;

/** Sequential scheme for heat maps (light = weak, dark = strong), readable in grey print. */
export const HEAT_SCHEME = 'blues' as const;
