/**
 * The yearly TLV inventory (seed 001 L1270–1273: "bij aanvang van ieder schooljaar inventariseren de
 * betrokken scholen en het SPOW" which TLVs end), one workflow per holiday region
 * (`tlv-inventaris-<regio>`, started by ensureTlvInventaris at every worker start). It sleeps until
 * 08:00 Europe/Amsterdam on the region's first school day after the summer, has the activity mail
 * every S(B)O school and the coordinator the granted TLVs that end in that school year, and
 * continues as new for the next year. A durable timer, not a Schedule: the day differs every year.
 */
import { continueAsNew, defineQuery, log, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { toInstant, toIsoDate, type IsoDate } from '../domain/dates';
import { eersteSchooldagNaZomervakantie } from '../domain/holidays';
import type { Regio } from '../domain/regio';
import { addSchoolYears, schoolYearByLabel, schoolYearOf, type SchoolYear } from '../domain/schoolYear';
import type { Activities } from '../activities';

const { inventariseerTlvs } = proxyActivities<Activities>({
  // As wekelijksOverzicht: a slow SMTP server may take 10 minutes a message; the activity heartbeats.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});

export interface TlvInventarisInput {
  regio: Regio;
  /** The school year whose inventory the previous run sent (continueAsNew): never sent twice. */
  gedaan?: string;
}

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

export const tlvInventarisPlanningQuery = defineQuery<InventarisPlanning>('planning');

const UUR = '08:00';
/**
 * The timer wakes at least every 30 days and asks the calendar again: a deploy with new or
 * corrected holiday data (an estimated summer becomes official) then moves the day in time.
 */
const WEKKER_MS = 30 * 86_400_000;

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
 * The school year of the next inventory: today's when its first school day is still ahead at 08:00,
 * else next year's; after a run, the year after the one it sent (late or not).
 */
function volgendSchooljaar(regio: Regio, nu: number, gedaan?: string): SchoolYear {
  const ditJaar = schoolYearOf(toIsoDate(nu));
  if (gedaan) {
    const na = addSchoolYears(schoolYearByLabel(gedaan), 1);
    return na.startYear >= ditJaar.startYear ? na : ditJaar;
  }
  return Date.parse(planning(regio, ditJaar).tijdstip) > nu ? ditJaar : addSchoolYears(ditJaar, 1);
}

export async function tlvInventaris(input: TlvInventarisInput): Promise<never> {
  const { regio } = input;
  const sy = volgendSchooljaar(regio, Date.now(), input.gedaan);
  let plan = planning(regio, sy);
  setHandler(tlvInventarisPlanningQuery, () => plan);

  while (Date.now() < Date.parse(plan.tijdstip)) {
    await sleep(Math.min(Date.parse(plan.tijdstip) - Date.now(), WEKKER_MS));
    plan = planning(regio, sy);
  }

  const uitkomst = await inventariseerTlvs({
    regio,
    schooljaar: plan.schooljaar,
    eersteSchooldag: plan.datum,
    regel: plan.regel,
  });
  // Counts only: the names stay in the mails.
  log.info('TLV-inventarisatie verstuurd', {
    regio,
    schooljaar: uitkomst.schooljaar,
    zaken: uitkomst.zaken,
    scholen: uitkomst.scholen,
    verzonden: uitkomst.verzonden,
    nietBeantwoord: uitkomst.nietBeantwoord.length,
  });
  return continueAsNew<typeof tlvInventaris>({ regio, gedaan: plan.schooljaar });
}
