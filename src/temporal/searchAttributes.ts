import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The product's search attributes: what lists and dashboards filter on. They hold codes, statuses
 * and dates only — never personal data (names, BSN, e-mail, birth dates), since Temporal's
 * visibility store is not encrypted by the payload codec.
 */
export const ZaakType = defineSearchAttributeKey('ZaakType', SearchAttributeType.KEYWORD);
export const ZaakStatus = defineSearchAttributeKey('ZaakStatus', SearchAttributeType.KEYWORD);
/** The school's BRIN code: an institution code, not personal data. */
export const SchoolBrin = defineSearchAttributeKey('SchoolBrin', SearchAttributeType.KEYWORD);
export const SwvCode = defineSearchAttributeKey('SwvCode', SearchAttributeType.KEYWORD);
export const VolgendeDeadline = defineSearchAttributeKey('VolgendeDeadline', SearchAttributeType.DATETIME);
/**
 * The calendar date the case began, `YYYY-MM-DD` (an impasse reported before it was registered counts
 * from its melding). A Keyword, not a Datetime: SQL visibility (the dev server's SQLite, PostgreSQL)
 * allows only three Datetime attributes per namespace.
 */
export const ZaakSinds = defineSearchAttributeKey('ZaakSinds', SearchAttributeType.KEYWORD);
/** The impasse rung (E1–E7) and since when it is there: the directeur's view sorts on these. */
export const ImpasseNiveau = defineSearchAttributeKey('ImpasseNiveau', SearchAttributeType.KEYWORD);
export const NiveauSinds = defineSearchAttributeKey('NiveauSinds', SearchAttributeType.DATETIME);
export const VastgelopenNiveau = defineSearchAttributeKey('VastgelopenNiveau', SearchAttributeType.KEYWORD);
export const VastgelopenSinds = defineSearchAttributeKey('VastgelopenSinds', SearchAttributeType.DATETIME);

/** A granted TLV's end date, `YYYY-MM-DD` (a Keyword for the same reason; ISO dates compare as text). */
export const Einddatum = defineSearchAttributeKey('Einddatum', SearchAttributeType.KEYWORD);
/** The holiday region (noord, midden, zuid) the case counts school days in: the TLV inventory runs per region. */
export const Regio = defineSearchAttributeKey('Regio', SearchAttributeType.KEYWORD);
/**
 * Schools that take part in a case besides its own (a terugplaatsing's receiving school), as BRIN
 * codes: a school reads the cases it takes part in, and the list finds them.
 */
export const BetrokkenScholen = defineSearchAttributeKey('BetrokkenScholen', SearchAttributeType.KEYWORD_LIST);
/** The sub-step a case waits for (a terugplaatsing: '2.2'): the list per step. */
export const VolgendeStap = defineSearchAttributeKey('VolgendeStap', SearchAttributeType.KEYWORD);

export const searchAttributes = [
  ZaakType,
  ZaakStatus,
  SchoolBrin,
  SwvCode,
  VolgendeDeadline,
  ZaakSinds,
  ImpasseNiveau,
  NiveauSinds,
  VastgelopenNiveau,
  VastgelopenSinds,
  Einddatum,
  Regio,
  BetrokkenScholen,
  VolgendeStap,
] as const;

/** `temporal server start-dev --search-attribute Name=Type` spelling. */
export function devServerSearchAttributeArgs(): string[] {
  const cliType: Record<string, string> = {
    KEYWORD: 'Keyword',
    DATETIME: 'Datetime',
    TEXT: 'Text',
    INT: 'Int',
    DOUBLE: 'Double',
    BOOL: 'Bool',
    KEYWORD_LIST: 'KeywordList',
  };
  return searchAttributes.flatMap((k) => ['--search-attribute', `${k.name}=${cliType[k.type]}`]);
}
