/** The TLV's timed steps: reminders, the late assessment, the lapse at the end date. */
import { formatDutchDate } from '../../domain/dates';
import type { TlvMoment } from '../../domain/planning';
import type { Tlvzaak } from './toestand';

export function tlvMoment(z: Tlvzaak, m: TlvMoment): void {
  const { zaak, t, open, aan } = z;
  switch (m.soort) {
    case 'herinnering-herbeoordeling': {
      const plan = z.herbeoordelingsplan()!;
      const soort = m.sleutel.split('/')[2];
      const wat =
        soort === 'evaluatie'
          ? { wat: 'de interne evaluatie met de ouders', uiterlijk: plan.evaluatieUiterlijk }
          : soort === 'aanvraag-vso'
            ? {
                wat: 'de aanvraag van een nieuwe TLV bij het samenwerkingsverband VO',
                uiterlijk: plan.aanvraagUiterlijk,
              }
            : { wat: 'de aanvraag voor herbeoordeling', uiterlijk: plan.aanvraagUiterlijk };
      zaak.noteer({
        soort: 'herinnering-herbeoordeling',
        omschrijving: `Herinnering aan de S(B)O-school: ${wat.wat} uiterlijk ${formatDutchDate(wat.uiterlijk.datum)} (de TLV loopt tot en met ${formatDutchDate(t.tlv!.einddatum)})`,
        gegevens: { datum: m.datum },
      });
      const aanSbo = t.sboEmail ? [{ rol: 'school' as const, email: t.sboEmail }] : [];
      zaak.bericht(
        'tlv-herbeoordeling',
        m.sleutel,
        [...aanSbo, aan.coordinator],
        {
          wat: wat.wat,
          uiterlijk: formatDutchDate(wat.uiterlijk.datum),
          waarom: wat.uiterlijk.regel,
          einddatum: formatDutchDate(t.tlv!.einddatum),
          aanvraagUiterlijk: formatDutchDate(plan.aanvraagUiterlijk.datum),
          besluitUiterlijk: formatDutchDate(plan.besluitUiterlijk.datum),
          regel: m.regel,
          ...(soort === 'aanvraag-vso' ? { vso: 'ja' } : {}),
          ...(plan.melding ? { melding: plan.melding } : {}),
        },
        // Applied, or chose otherwise, while the mail was being retried: not sent any more.
        () => open() && !t.herbeoordeling?.aangevraagd && t.herbeoordeling?.evaluatie?.conclusie !== 'verlopen',
      );
      return;
    }
    case 'laatste-schooljaar': {
      zaak.noteer({
        soort: 'herinnering-laatste-schooljaar',
        omschrijving: `Herinnering aan de S(B)O-school: de TLV loopt in dit schooljaar af (${formatDutchDate(t.tlv!.einddatum)}); terug- of overplaatsing regelen, of een nieuwe TLV aanvragen`,
        gegevens: { datum: m.datum },
      });
      const aanSbo = t.sboEmail ? [{ rol: 'school' as const, email: t.sboEmail }] : [];
      zaak.bericht(
        'tlv-laatste-schooljaar',
        m.sleutel,
        [...aanSbo, aan.coordinator],
        { einddatum: formatDutchDate(t.tlv!.einddatum), regel: m.regel },
        // A new TLV or a return arranged meanwhile: not sent any more.
        () => open() && !t.herbeoordeling?.aangevraagd && !t.terugplaatsing,
      );
      return;
    }
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
      if (t.herbeoordeling?.aangevraagd && !t.besluit) {
        // The herbeoordeling is still being assessed: the TLV in force lapses, the case waits for the decision.
        t.tlv = undefined;
        zaak.noteer({
          soort: 'verlopen-tijdens-herbeoordeling',
          omschrijving: `De TLV is verlopen (einddatum ${formatDutchDate(m.datum)}) terwijl de herbeoordeling nog loopt`,
          gegevens: { datum: m.datum },
        });
        zaak.bericht('tlv-verlopen', m.sleutel, [aan.coordinator, { rol: 'directeur' }], {
          regel: m.regel,
          tijdensHerbeoordeling: 'ja',
        });
        return;
      }
      t.gesloten = { soort: 'verlopen', op: zaak.nu() };
      zaak.noteer({
        soort: 'verlopen',
        omschrijving: `De TLV is verlopen: de einddatum (${formatDutchDate(m.datum)}) is voorbij`,
        gegevens: { datum: m.datum },
      });
      // The pupil went back to a regular school (terugplaatsing): no one needs to check on a place.
      if (t.terugplaatsing?.uitkomst === 'teruggeplaatst') return;
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
