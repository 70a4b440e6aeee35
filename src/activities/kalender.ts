import { regionaleKalender, type IsoDate, type Kalender, type Regio } from '../domain';

/**
 * The holiday calendar a long-running case extends its copy with (a TLV runs for years; a case
 * copies about two). An activity, so its answer is in the case's history and a later change to the
 * holiday data cannot change how a recorded run replays.
 */
export function kalenderActiviteiten() {
  return {
    async regionaleKalender(a: { regio: Regio; van: IsoDate; tot: IsoDate }): Promise<Kalender> {
      return regionaleKalender(a.regio, a.van, a.tot);
    },
  };
}
