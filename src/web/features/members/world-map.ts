import { geoEqualEarth, geoPath } from 'd3-geo';
import { alpha3ToNumeric, getName, type LocaleData, registerLocale } from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { Language } from '../../../shared/i18n.js';
import { MAP_WIDTH } from './map-size.js';

export interface CountryShape {
  /** ISO 3166-1 numeric ("004"), or the name for the few shapes that have no code. */
  key: string;
  name: string;
  d: string;
}

/**
 * Shapes that world-atlas draws without an ISO numeric id, mapped to the member code that
 * stands for them. Kosovo has no ISO code; XKX is the user-assigned one.
 */
const UNCODED: Record<string, string> = { Kosovo: 'XKX' };

/** The shapes with no ISO code that no coalition counts as a member: the catalog names them (members.json, map.unlisted). */
export const UNLISTED = { 'N. Cyprus': 'northernCyprus', Somaliland: 'somaliland' } as const;
export type Unlisted = (typeof UNLISTED)[keyof typeof UNLISTED];
export const unlistedOf = (key: string): Unlisted | null => UNLISTED[key as keyof typeof UNLISTED] ?? null;

// Antarctica (010) takes a fifth of the height and no coalition counts it as a member.
const LEFT_OUT = new Set(['010']);

export interface CountryMap {
  shapes: CountryShape[];
  /** The drawing's height at MAP_WIDTH, for the viewBox: the world without Antarctica is wider than 2:1. */
  height: number;
}

let projected: CountryMap | null = null;

/** The countries of the 110m atlas as SVG paths, projected once (Equal Earth keeps areas true). */
export function countryMap(): CountryMap {
  if (projected) return projected;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const kept = { ...collection, features: collection.features.filter((f) => !LEFT_OUT.has(String(f.id))) };
  const margin = 4;
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH - 2 * margin, kept);
  const [[x0, y0], [, y1]] = geoPath(projection).bounds(kept);
  const [tx, ty] = projection.translate();
  projection.translate([tx - x0 + margin, ty - y0 + margin]);
  const path = geoPath(projection);
  const shapes = kept.features.flatMap((f) => {
    const d = path(f);
    const name = f.properties?.name ?? '';
    return d ? [{ key: f.id === undefined ? name : String(f.id), name, d }] : [];
  });
  projected = { shapes, height: Math.ceil(y1 - y0 + 2 * margin) };
  return projected;
}

/** The map key a member's shape is found under, or null for organisations and unknown codes. */
export function shapeKeyOf(code: string): string | null {
  const uncoded = Object.entries(UNCODED).find(([, c]) => c === code);
  if (uncoded) return uncoded[0];
  return code.length === 3 ? (alpha3ToNumeric(code) ?? null) : null;
}

// The atlas names countries in English; ISO's names in the reader's language come in a chunk of their own.
const COUNTRY_NAMES: Record<Language, () => Promise<{ default: LocaleData }>> = {
  en: () => import('i18n-iso-countries/langs/en.json'),
  fr: () => import('i18n-iso-countries/langs/fr.json'),
  ar: () => import('i18n-iso-countries/langs/ar.json'),
};

/** The countries' names in `language`, by shape key: null for a shape ISO does not name. */
export async function loadCountryNames(language: Language): Promise<(key: string) => string | null> {
  registerLocale((await COUNTRY_NAMES[language]()).default);
  return (key) => getName(key, language) ?? null;
}
