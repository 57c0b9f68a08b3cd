/**
 * The region tabs of the first channel (the Jilin province channel), in the channel's own order.
 * `all` and `bookmarks` are views rather than places; the ten in between are the channel's regions.
 */

export const REGION_IDS = [
  'all',
  'changchun',
  'jilin',
  'siping',
  'liaoyuan',
  'tonghua',
  'baicheng',
  'baishan',
  'songyuan',
  'yanbian',
  'changbaishan',
  'bookmarks',
] as const;

export type RegionId = (typeof REGION_IDS)[number];

/** The ten places: the regions a source or an article can belong to. */
export const PLACE_REGION_IDS = REGION_IDS.filter(
  (r): r is Exclude<RegionId, 'all' | 'bookmarks'> => r !== 'all' && r !== 'bookmarks',
);
export type PlaceRegionId = (typeof PLACE_REGION_IDS)[number];

export function isPlaceRegionId(value: unknown): value is PlaceRegionId {
  return value !== 'all' && value !== 'bookmarks' && isRegionId(value);
}

export type RegionKind = 'all' | 'place' | 'bookmarks';

export interface Region {
  readonly id: RegionId;
  readonly kind: RegionKind;
  /** Label as the channel prints it (Traditional script). */
  readonly labelHant: string;
  /** The same label in Simplified script. */
  readonly labelHans: string;
  readonly labelEn: string;
}

export const REGIONS: readonly Region[] = [
  { id: 'all', kind: 'all', labelHant: '全部', labelHans: '全部', labelEn: 'All' },
  { id: 'changchun', kind: 'place', labelHant: '長春', labelHans: '长春', labelEn: 'Changchun' },
  // 江城 ("river city") is the channel's name for Jilin City, not the province.
  { id: 'jilin', kind: 'place', labelHant: '江城', labelHans: '江城', labelEn: 'Jilin City' },
  { id: 'siping', kind: 'place', labelHant: '四平', labelHans: '四平', labelEn: 'Siping' },
  { id: 'liaoyuan', kind: 'place', labelHant: '遼源', labelHans: '辽源', labelEn: 'Liaoyuan' },
  { id: 'tonghua', kind: 'place', labelHant: '通化', labelHans: '通化', labelEn: 'Tonghua' },
  { id: 'baicheng', kind: 'place', labelHant: '白城', labelHans: '白城', labelEn: 'Baicheng' },
  { id: 'baishan', kind: 'place', labelHant: '白山', labelHans: '白山', labelEn: 'Baishan' },
  { id: 'songyuan', kind: 'place', labelHant: '松原', labelHans: '松原', labelEn: 'Songyuan' },
  { id: 'yanbian', kind: 'place', labelHant: '延邊', labelHans: '延边', labelEn: 'Yanbian' },
  {
    id: 'changbaishan',
    kind: 'place',
    labelHant: '長白山保護開發區',
    labelHans: '长白山保护开发区',
    labelEn: 'Changbai Mountain Protection and Development Zone',
  },
  {
    id: 'bookmarks',
    kind: 'bookmarks',
    labelHant: '收藏',
    labelHans: '收藏',
    labelEn: 'Bookmarks',
  },
];

const REGION_ID_SET: ReadonlySet<string> = new Set(REGION_IDS);

export function isRegionId(value: unknown): value is RegionId {
  return typeof value === 'string' && REGION_ID_SET.has(value);
}

export function regionById(id: RegionId): Region {
  const region = REGIONS.find((r) => r.id === id);
  if (region === undefined) throw new Error(`unknown region ${id}`);
  return region;
}
