/** The impasse's timed steps: the owner reminded before the service level, the directeur told once past it. */
import { formatDutchDate } from '../../domain/dates';
import type { Moment } from '../../domain/planning';
import { tredeVan } from '../../shared/impasseLadder';
import type { Impassezaak } from './toestand';

export function impasseMoment(
  { zaak, t, serviceniveau, open, ladder }: Impassezaak,
  m: Moment<'herinnering' | 'vastgelopen'>,
): void {
  const eigenaar = tredeVan(ladder, t.niveau).eigenaar;
  // Late (SMTP trouble) and the case moved to another niveau or ended: not worth sending any more.
  const niveau = t.niveau;
  const actueel = () => open() && t.niveau === niveau;
  if (m.soort === 'herinnering') {
    zaak.noteer({
      soort: 'herinnering',
      omschrijving: `Herinnering aan ${eigenaar}: ${t.niveau} moet vóór ${formatDutchDate(serviceniveau().datum)} verder`,
      gegevens: { niveau: t.niveau, datum: m.datum },
    });
    zaak.bericht('impasse-herinnering', m.sleutel, [{ rol: eigenaar }], { regel: m.regel }, actueel);
  } else {
    // Stuck since the service level expired (for a melding registered late, before today).
    t.vastgelopen = { niveau: t.niveau, sinds: new Date(m.at).toISOString() };
    zaak.noteer({
      soort: 'vastgelopen',
      omschrijving: `Vastgelopen op ${t.niveau}: het serviceniveau (${formatDutchDate(m.datum)}) is verstreken`,
      gegevens: { niveau: t.niveau, datum: m.datum },
    });
    // The directeur is told once per stuck rung.
    zaak.bericht('impasse-vastgelopen', m.sleutel, [{ rol: 'directeur' }], { regel: m.regel }, actueel);
  }
}
