/** The TLV's timed steps: reminders, the late assessment, the lapse at the end date. */
import { formatDutchDate } from '../../domain/dates';
import type { TlvMoment } from '../../domain/planning';
import type { Tlvzaak } from './toestand';

export function tlvMoment({ zaak, t, open, aan }: Tlvzaak, m: TlvMoment): void {
  switch (m.soort) {
    case 'herinnering':
      zaak.noteer({
        soort: 'herinnering',
        omschrijving: `Herinnering aan de deskundigen: beslissen vóór ${formatDutchDate(t.beoordelingstermijn!.datum)}`,
        gegevens: { datum: m.datum },
      });
      zaak.bericht(
        'tlv-herinnering',
        m.sleutel,
        [{ rol: 'deskundige' }],
        { regel: m.regel },
        () => open() && !t.besluit,
      );
      return;
    case 'beoordeling-te-laat':
      t.teLaat = true;
      zaak.noteer({
        soort: 'beoordeling-te-laat',
        omschrijving: `De beoordelingstermijn (${formatDutchDate(m.datum)}) is verstreken zonder besluit`,
        gegevens: { datum: m.datum },
      });
      // The directeur is told once; the coordinator too, who can chase the deskundigen.
      zaak.bericht(
        'tlv-te-laat',
        m.sleutel,
        [{ rol: 'directeur' }, aan.coordinator],
        { regel: m.regel },
        () => !t.besluit,
      );
      return;
    case 'herinnering-bezwaar': {
      const nr = Number(m.deadline?.split('-').pop());
      const bezwaar = t.bezwaren[nr - 1];
      zaak.noteer({
        soort: 'herinnering-bezwaar',
        omschrijving: `Herinnering: beslissen op bezwaar ${nr} vóór ${formatDutchDate(bezwaar.beslisdatum.datum)}`,
        gegevens: { datum: m.datum },
      });
      // Decided meanwhile (the mail was still being retried): not worth sending any more.
      zaak.bericht(
        'tlv-bezwaar-herinnering',
        m.sleutel,
        [aan.coordinator],
        { regel: m.regel },
        () => !bezwaar.beslissing,
      );
      return;
    }
    case 'verlopen':
      t.gesloten = { soort: 'verlopen', op: zaak.nu() };
      zaak.noteer({
        soort: 'verlopen',
        omschrijving: `De TLV is verlopen: de einddatum (${formatDutchDate(m.datum)}) is voorbij`,
        gegevens: { datum: m.datum },
      });
      zaak.bericht(
        'tlv-verlopen',
        m.sleutel,
        [aan.coordinator, ...(t.sboEmail ? [{ rol: 'school' as const, email: t.sboEmail }] : [])],
        {
          regel: m.regel,
        },
      );
      return;
    case 'afgerond':
      t.gesloten = { soort: 'afgerond', op: zaak.nu() };
      zaak.noteer({
        soort: 'afgerond',
        omschrijving: `Afgerond: de TLV is afgewezen en er kwam geen bezwaar (bezwaartermijn en een week voor een op tijd gepost bezwaar voorbij op ${formatDutchDate(m.datum)})`,
        gegevens: { datum: m.datum },
      });
      return;
    case 'nieuw-schooljaar':
      // Nothing to do here: the planner stops and the case continues as a new run.
      return;
  }
}
