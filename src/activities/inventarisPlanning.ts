/**
 * When the yearly TLV inventory of a region goes out (src/workflows/tlvInventaris.ts). A local
 * activity, not workflow code: it reads the holiday data, which a deploy may change, and its answer
 * is recorded, so a run replays the same way after such a deploy.
 */
import { toInstant, toIsoDate, type IsoDate } from '../domain/dates';
import { eersteSchooldagNaZomervakantie } from '../domain/holidays';
import type { Regio } from '../domain/regio';
import { addSchoolYears, schoolYearByLabel, schoolYearOf, type SchoolYear } from '../domain/schoolYear';

/** When the next inventory goes out, and the rule behind the day (`geschat` without holiday data). */
export interface InventarisPlanning {
  regio: Regio;
  schooljaar: string;
  datum: IsoDate;
  regel: string;
  geschat: boolean;
  /** 08:00 Europe/Amsterdam on `datum`, ISO. */
  tijdstip: string;
}

const UUR = '08:00';

function planning(regio: Regio, sy: SchoolYear): InventarisPlanning {
  const dag = eersteSchooldagNaZomervakantie(sy.label, regio);
  return {
    regio,
    schooljaar: sy.label,
    datum: dag.datum,
    regel: dag.regel,
    geschat: dag.geschat === true,
    tijdstip: new Date(toInstant(dag.datum, UUR)).toISOString(),
  };
}

/**
 * The next inventory: this school year's when its first school day is still ahead at 08:00, else
 * next year's; after a run, the year after the one it sent (late or not).
 */
export function inventarisPlanning(a: { regio: Regio; nu: number; gedaan?: string }): InventarisPlanning {
  const ditJaar = schoolYearOf(toIsoDate(a.nu));
  if (a.gedaan) {
    const na = addSchoolYears(schoolYearByLabel(a.gedaan), 1);
    return planning(a.regio, na.startYear >= ditJaar.startYear ? na : ditJaar);
  }
  const dit = planning(a.regio, ditJaar);
  return Date.parse(dit.tijdstip) > a.nu ? dit : planning(a.regio, addSchoolYears(ditJaar, 1));
}

export function inventarisPlanningActiviteiten() {
  return {
    async inventarisPlanning(a: { regio: Regio; nu: number; gedaan?: string }): Promise<InventarisPlanning> {
      return inventarisPlanning(a);
    },
  };
}
