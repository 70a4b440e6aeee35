/**
 * School holidays (schoolvakanties) per region, as data in code: Temporal workflows may not read files.
 *
 * SOURCES (looked up 2026-11-27 through stored copies of public pages, not the live web):
 *  [R2728] https://rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2027-2028
 *          Official table; copied as is (including the "Adviesweek meivakantie" 22–30 April 2028).
 *  [R2526] https://rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2025-2026
 *          NOT available as a stored copy. Dates taken from openholidaysapi.data
 *          (github.com/openpotato/openholidaysapi.data, src/nl/holidays/holidays.school*.csv, compiled from
 *          Rijksoverheid) and cross-checked with deepsea.nl (zomer 2026 per region), schoolvakanties.org
 *          (herfst 2025/2026/2027), landstedembo.nl and edumarevpr.nl (meivakantie incl. adviesweek 2026).
 *          One correction: openholidays lists zomer zuid 2026 as 17 Jul–23 Aug (a Friday start, 5½
 *          weeks); every other source (deepsea.nl, a Nijmegen school's 13 Jul–21 Aug rooster) gives 11 Jul.
 *  [R2627] https://rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2026-2027
 *          NOT available as a stored copy. Herfst 2026 from schoolvakanties.org + deepsea.nl (both citing
 *          Rijksoverheid); kerst 2026 from schoolvakanties-nederland.nl (citing OCW). Voorjaar, mei and
 *          zomer 2027 are DERIVED (bron 'afgeleid') from published school roosters: midden from
 *          mariaschool.wsko.nl (Westland, an SPOW school) and obsdepolsstokberkenwoude.nl (Zuid-Holland),
 *          noord from ckcderegenboog.nl, zuid from montessoricollege.nl (Nijmegen). Verify these against
 *          the Rijksoverheid page before relying on them (see `bron` on each entry).
 *  Regions: rijksoverheid.nl "Regio-indeling schoolvakanties" — Zuid-Holland (incl. Westland) = midden.
 *
 * Conventions:
 *  - Each period runs Saturday–Sunday inclusive, exactly as Rijksoverheid lists it.
 *  - status 'verplicht': zomer, kerst and mei are fixed by OCW.
 *    status 'adviesdata': herfst and voorjaar are OCW advice; a school may deviate (its own rooster).
 *    status 'adviesweek': the optional extra meivakantie week (OCW "adviesweek meivakantie"); schools
 *    choose whether to take it, so it is NOT treated as a school holiday by default.
 *  - The summer of 2025 (end of school year 2024-2025) is included because it runs into August 2025.
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
export const SCHOOLJAREN_MET_VAKANTIEDATA: readonly string[] = ['2025-2026', '2026-2027', '2027-2028'];

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

  // 2026-2027 [R2627]
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
    'afgeleid',
    {
      noord: ['2027-02-20', '2027-02-28'],
      midden: ['2027-02-20', '2027-02-28'],
      zuid: ['2027-02-06', '2027-02-14'],
    },
  ],
  ['meivakantie', '2026-2027', 'verplicht', 'afgeleid', alle('2027-04-24', '2027-05-02')],
  [
    'zomervakantie',
    '2026-2027',
    'verplicht',
    'afgeleid',
    {
      noord: ['2027-07-10', '2027-08-22'],
      midden: ['2027-07-17', '2027-08-29'],
      zuid: ['2027-07-17', '2027-08-29'],
    },
  ],

  // 2027-2028 [R2728] — official
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
