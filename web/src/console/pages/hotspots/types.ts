import type { paths } from '../../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type HotspotReport = Json<paths['/api/v1/hotspots']['get']['responses'][200]>;
export type Hotspot = HotspotReport['hotspots'][number];
