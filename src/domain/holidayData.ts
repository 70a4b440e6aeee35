/**
 * School holidays (schoolvakanties) per region, as data in code: Temporal workflows may not read files.
 *
 * SOURCES (looked up through stored copies of public pages, not the live web; first 2026-11-27,
 * re-checked for the issue on the 2026-27 zuid rows and extended with 2028-2029 and 2029-2030):
 *  [R2728] https://rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2027-2028
 *          "Overzicht schoolvakanties 2027-2028". Official table; copied as is (including the
 *          "Adviesweek meivakantie" 22–30 April 2028). Every row re-checked: unchanged.
 *  [R2829] https://rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2028-2029
 *          "Overzicht schoolvakanties 2028-2029". Official table; copied as is (including the
 *          "Adviesweek meivakantie" 21–29 April 2029). Agrees with openholidaysapi.data and
 *          schoolvakanties-nederland.nl/schoolvakanties-2029.html.
 *  [R2526] https://rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2025-2026
 *          NOT available as a stored copy. Dates taken from openholidaysapi.data
 *          (github.com/openpotato/openholidaysapi.data, src/nl/holidays/holidays.school.csv, compiled from
 *          Rijksoverheid; it matches [R2728] and [R2829] row for row, bar one typo noted below) and cross-checked with deepsea.nl
 *          (zomer 2026 per region), schoolvakanties.org (herfst 2025/2026/2027), landstedembo.nl and
 *          edumarevpr.nl (meivakantie incl. adviesweek 2026).
 *          One correction: openholidays lists zomer zuid 2026 as 17 Jul–23 Aug (a Friday start, 5½
 *          weeks); every other source (deepsea.nl, a Nijmegen school's 13 Jul–21 Aug rooster) gives 11 Jul.
 *  [R2627] https://rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2026-2027
 *          NOT available as a stored copy (searched again; only 2027-2028 and 2028-2029 are stored).
 *          All rows now from openholidaysapi.data (as [R2526]; its zuid voorjaar end "2027-03-21" is a
 *          typo for 2027-02-21, the same slip as its "2029-03-18" where [R2829] has 18 February 2029).
 *          Herfst 2026 also in schoolvakanties.org + deepsea.nl, kerst 2026 in schoolvakanties-nederland.nl.
 *          Earlier versions DERIVED voorjaar/mei/zomer 2027 from school roosters; two zuid rows were wrong:
 *          voorjaar zuid was one Limburg/Brabant school's carnaval week (6–14 Feb; OCW: 13–21 Feb) and
 *          zomer zuid copied midden (17 Jul; OCW: 24 Jul–5 Sep). The midden roosters (mariaschool.wsko.nl,
 *          obsdepolsstokberkenwoude.nl: zomer 19 Jul–27 Aug, mei 26 Apr–7 May) agree with these rows.
 *          Meivakantie 2027: 24 April–2 May (openholidays, and a public project citing a Rijksoverheid
 *          "meivakantie 2027" page; the usual "week 18" would give 1–9 May, which holds Hemelvaartsdag
 *          6 May 2027; 24 Apr–2 May holds Koningsdag 27 April). NOT checked against the official table. The OCW
 *          adviesweek for 2027 is in no stored source, so none is listed; the roosters above take
 *          26 Apr–7 May, i.e. the week after. Verify against the Rijksoverheid page when it can be read.
 *  [R2930] https://rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2029-2030
 *          NOT available as a stored copy. Dates from openholidaysapi.data (as above); herfst and kerst
 *          2029 also in schoolvakanties-nederland.nl/schoolvakanties-2029.html. No adviesweek 2030 known.
 *  Regions: rijksoverheid.nl "Regio-indeling schoolvakanties" — Zuid-Holland (incl. Westland) = midden.
 *
 * Conventions:
 *  - Each period runs Saturday–Sunday inclusive, exactly as Rijksoverheid lists it.
 *  - status 'verplicht': zomer, kerst and mei are fixed by OCW.
 *    status 'adviesdata': herfst and voorjaar are OCW advice; a school may deviate (its own rooster).
 *    status 'adviesweek': the optional extra meivakantie week (OCW "adviesweek meivakantie"); schools
 *    choose whether to take it, so it is NOT treated as a school holiday by default.
 *  - The summer of 2025 (end of school year 2024-2025) is included because it runs into August 2025.
 *  - The last covered school year is 2029-2030 (its summer ends 1 September 2030, regio noord).
 */
import { IsoDate } from './dates';
import { Regio } from './regio';

export type VakantieNaam = 'herfstvakantie' | 'kerstvakantie' | 'voorjaarsvakantie' | 'meivakantie' | 'zomervakantie';
export type VakantieStatus = 'verplicht' | 'adviesdata' | 'adviesweek';
export type VakantieBron = 'rijksoverheid' | 'secundair' | 'afgeleid';

/** A holiday period; `van` and `tot` are inclusive. A school's own rooster is a list of these. */
export interface Vakantie {
  naam: string;
  van: IsoDate;
  tot: IsoDate;
}

export interface RegionaleVakantie extends Vakantie {
  naam: VakantieNaam;
  schooljaar: string;
  status: VakantieStatus;
  /** 'rijksoverheid' = copied from the official page; 'secundair' = sources citing it; 'afgeleid' = from school roosters */
  bron: VakantieBron;
}

/** School years whose regional holidays are in this module (for other years: weekends + feestdagen only). */
export const SCHOOLJAREN_MET_VAKANTIEDATA: readonly string[] = [
  '2025-2026',
  '2026-2027',
  '2027-2028',
  '2028-2029',
  '2029-2030',
];

type Rij = [VakantieNaam, string, VakantieStatus, VakantieBron, Record<Regio, [IsoDate, IsoDate]>];
const alle = (van: IsoDate, tot: IsoDate): Record<Regio, [IsoDate, IsoDate]> => ({
  noord: [van, tot],
  midden: [van, tot],
  zuid: [van, tot],
});

const RIJEN: readonly Rij[] = [
  // 2024-2025 (only the summer, which runs into school year 2025-2026)
  [
    'zomervakantie',
    '2024-2025',
    'verplicht',
    'secundair',
    {
      noord: ['2025-07-12', '2025-08-24'],
      midden: ['2025-07-19', '2025-08-31'],
      zuid: ['2025-07-05', '2025-08-17'],
    },
  ],

  // 2025-2026 [R2526]
  [
    'herfstvakantie',
    '2025-2026',
    'adviesdata',
    'secundair',
    {
      noord: ['2025-10-18', '2025-10-26'],
      midden: ['2025-10-18', '2025-10-26'],
      zuid: ['2025-10-11', '2025-10-19'],
    },
  ],
  ['kerstvakantie', '2025-2026', 'verplicht', 'secundair', alle('2025-12-20', '2026-01-04')],
  [
    'voorjaarsvakantie',
    '2025-2026',
    'adviesdata',
    'secundair',
    {
      noord: ['2026-02-21', '2026-03-01'],
      midden: ['2026-02-14', '2026-02-22'],
      zuid: ['2026-02-14', '2026-02-22'],
    },
  ],
  ['meivakantie', '2025-2026', 'adviesweek', 'secundair', alle('2026-04-18', '2026-04-26')],
  ['meivakantie', '2025-2026', 'verplicht', 'secundair', alle('2026-04-25', '2026-05-03')],
  [
    'zomervakantie',
    '2025-2026',
    'verplicht',
    'secundair',
    {
      noord: ['2026-07-04', '2026-08-16'],
      midden: ['2026-07-18', '2026-08-30'],
      zuid: ['2026-07-11', '2026-08-23'],
    },
  ],

  // 2026-2027 [R2627] — secondary (official page not stored)
  [
    'herfstvakantie',
    '2026-2027',
    'adviesdata',
    'secundair',
    {
      noord: ['2026-10-10', '2026-10-18'],
      midden: ['2026-10-17', '2026-10-25'],
      zuid: ['2026-10-17', '2026-10-25'],
    },
  ],
  ['kerstvakantie', '2026-2027', 'verplicht', 'secundair', alle('2026-12-19', '2027-01-03')],
  [
    'voorjaarsvakantie',
    '2026-2027',
    'adviesdata',
    'secundair',
    {
      noord: ['2027-02-20', '2027-02-28'],
      midden: ['2027-02-20', '2027-02-28'],
      zuid: ['2027-02-13', '2027-02-21'],
    },
  ],
  ['meivakantie', '2026-2027', 'verplicht', 'secundair', alle('2027-04-24', '2027-05-02')],
  [
    'zomervakantie',
    '2026-2027',
    'verplicht',
    'secundair',
    {
      noord: ['2027-07-10', '2027-08-22'],
      midden: ['2027-07-17', '2027-08-29'],
      zuid: ['2027-07-24', '2027-09-05'],
    },
  ],

  // 2027-2028 [R2728] — official, re-checked
  [
    'herfstvakantie',
    '2027-2028',
    'adviesdata',
    'rijksoverheid',
    {
      noord: ['2027-10-16', '2027-10-24'],
      midden: ['2027-10-16', '2027-10-24'],
      zuid: ['2027-10-23', '2027-10-31'],
    },
  ],
  ['kerstvakantie', '2027-2028', 'verplicht', 'rijksoverheid', alle('2027-12-25', '2028-01-09')],
  [
    'voorjaarsvakantie',
    '2027-2028',
    'adviesdata',
    'rijksoverheid',
    {
      noord: ['2028-02-19', '2028-02-27'],
      midden: ['2028-02-26', '2028-03-05'],
      zuid: ['2028-02-26', '2028-03-05'],
    },
  ],
  ['meivakantie', '2027-2028', 'adviesweek', 'rijksoverheid', alle('2028-04-22', '2028-04-30')],
  ['meivakantie', '2027-2028', 'verplicht', 'rijksoverheid', alle('2028-04-29', '2028-05-07')],
  [
    'zomervakantie',
    '2027-2028',
    'verplicht',
    'rijksoverheid',
    {
      noord: ['2028-07-15', '2028-08-27'],
      midden: ['2028-07-08', '2028-08-20'],
      zuid: ['2028-07-22', '2028-09-03'],
    },
  ],

  // 2028-2029 [R2829] — official
  [
    'herfstvakantie',
    '2028-2029',
    'adviesdata',
    'rijksoverheid',
    {
      noord: ['2028-10-14', '2028-10-22'],
      midden: ['2028-10-21', '2028-10-29'],
      zuid: ['2028-10-21', '2028-10-29'],
    },
  ],
  ['kerstvakantie', '2028-2029', 'verplicht', 'rijksoverheid', alle('2028-12-23', '2029-01-07')],
  [
    'voorjaarsvakantie',
    '2028-2029',
    'adviesdata',
    'rijksoverheid',
    {
      noord: ['2029-02-17', '2029-02-25'],
      midden: ['2029-02-17', '2029-02-25'],
      zuid: ['2029-02-10', '2029-02-18'],
    },
  ],
  ['meivakantie', '2028-2029', 'adviesweek', 'rijksoverheid', alle('2029-04-21', '2029-04-29')],
  ['meivakantie', '2028-2029', 'verplicht', 'rijksoverheid', alle('2029-04-28', '2029-05-06')],
  [
    'zomervakantie',
    '2028-2029',
    'verplicht',
    'rijksoverheid',
    {
      noord: ['2029-07-21', '2029-09-02'],
      midden: ['2029-07-07', '2029-08-19'],
      zuid: ['2029-07-14', '2029-08-26'],
    },
  ],

  // 2029-2030 [R2930] — secondary (official page not stored)
  [
    'herfstvakantie',
    '2029-2030',
    'adviesdata',
    'secundair',
    {
      noord: ['2029-10-20', '2029-10-28'],
      midden: ['2029-10-20', '2029-10-28'],
      zuid: ['2029-10-13', '2029-10-21'],
    },
  ],
  ['kerstvakantie', '2029-2030', 'verplicht', 'secundair', alle('2029-12-22', '2030-01-06')],
  [
    'voorjaarsvakantie',
    '2029-2030',
    'adviesdata',
    'secundair',
    {
      noord: ['2030-02-16', '2030-02-24'],
      midden: ['2030-02-23', '2030-03-03'],
      zuid: ['2030-02-23', '2030-03-03'],
    },
  ],
  ['meivakantie', '2029-2030', 'verplicht', 'secundair', alle('2030-04-27', '2030-05-05')],
  [
    'zomervakantie',
    '2029-2030',
    'verplicht',
    'secundair',
    {
      noord: ['2030-07-20', '2030-09-01'],
      midden: ['2030-07-13', '2030-08-25'],
      zuid: ['2030-07-06', '2030-08-18'],
    },
  ],
];

function voorRegio(regio: Regio): readonly RegionaleVakantie[] {
  return Object.freeze(
    RIJEN.map(([naam, schooljaar, status, bron, perRegio]) =>
      Object.freeze({ naam, schooljaar, status, bron, van: perRegio[regio][0], tot: perRegio[regio][1] }),
    ),
  );
}

/** All regional school holidays, per region, in chronological order. */
export const SCHOOLVAKANTIES: Readonly<Record<Regio, readonly RegionaleVakantie[]>> = Object.freeze({
  noord: voorRegio('noord'),
  midden: voorRegio('midden'),
  zuid: voorRegio('zuid'),
});
