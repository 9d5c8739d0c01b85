/** How a place is written in Chinese requests: the suffixes that end a place name, and what to strip from an address. */
import { normalize } from '../text/normalize.js';

/** The endings of place names (…小区, …路, …村) and of the bodies that stand at one (…学校, …公司). */
export const PLACE_SUFFIX = /(小区|花园|家园|新城|公寓|大厦|广场|社区|村|组|学院|学校|中学|小学|幼儿园|医院|市场|公司|路|街|巷|大道|镇|乡|苑|府|城|园|湖|桥|站|线|湾|庄|里|滩|山|港|区)$/;
// Administrative codes of anonymised records (A市, A7县, B2区) say nothing of the place within a city.
export const ADMIN_CODE = /[A-Z]\d{0,2}[市区县省]/g;
/** A door within a place: "3栋", "12号", "2单元"; neighbours differ in it and share the place. */
export const DOOR = /[\d一二三四五六七八九十]+(栋|幢|号楼|号|单元|楼|室|组|期)/g;
const DOOR_TO_END = /[\d一二三四五六七八九十]+(栋|幢|号楼|号|单元|楼|室|组).*$/;

/** A recorded location down to the compound, not the door ("城关街道幸福社区3栋2单元" → 城关街道幸福社区). */
export function placeOfLocation(location: string): string {
  return normalize(location).replace(ADMIN_CODE, '').replace(DOOR_TO_END, '').trim();
}

export function isPlaceName(phrase: string): boolean {
  return phrase.length >= 3 && PLACE_SUFFIX.test(phrase);
}
