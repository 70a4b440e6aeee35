/** The zorgplicht case's timed steps: reminders, the last day's warning, the overdue mark, the placement. */
import { formatDutchDate } from '../../domain/dates';
import type { ZorgplichtMoment } from '../../domain/planning';
import type { Zorgplichtzaak } from './toestand';

export function zorgplichtMoment({ zaak, t, aan }: Zorgplichtzaak, m: ZorgplichtMoment): void {
  const datum = formatDutchDate(m.deadline.datum);
  const { school, coordinator, ouders } = aan;
  if (m.soort === 'herinnering') {
    const verwacht =
      m.deadline.soort === 'beslistermijn'
        ? `uiterlijk ${datum} een besluit over de toelating`
        : `een besluit vóór ${datum}; anders wordt de leerling dan tijdelijk geplaatst`;
    zaak.noteer({
      soort: 'herinnering',
      omschrijving: `Herinnering aan de school: ${verwacht}`,
      gegevens: { deadline: m.deadline.soort, datum: m.datum },
    });
    // Late (SMTP trouble) and the school decided, or the deadline moved: not worth sending any more.
    const deadline = m.deadline;
    zaak.bericht(
      'herinnering-school',
      m.sleutel,
      [school],
      { deadlinedatum: datum, verwacht, regel: m.regel },
      () =>
        !t.besluit &&
        (deadline.soort === 'beslistermijn' ? deadline.datum === t.beslistermijn.datum : !t.tijdelijkGeplaatst),
    );
  } else if (m.soort === 'laatste-dag') {
    const beslis = m.deadline.soort === 'beslistermijn';
    const wat = beslis
      ? `vandaag (${datum}) is de laatste dag van de beslistermijn`
      : `vandaag (${datum}) is de laatste dag voor een besluit; vanaf morgen is de leerling tijdelijk geplaatst`;
    zaak.noteer({
      soort: 'laatste-dag',
      omschrijving: `Waarschuwing aan school en coördinator: ${wat}`,
      gegevens: { deadline: m.deadline.soort, datum: m.datum },
    });
    const deadline = m.deadline;
    zaak.bericht(
      'laatste-dag',
      m.sleutel,
      [school, coordinator],
      {
        deadlinedatum: datum,
        regel: m.regel,
        ...(beslis ? { beslistermijn: 'ja' } : {}),
        ...(t.verlenging ? { verlengd: 'ja' } : {}),
      },
      () => !t.besluit && (beslis ? deadline.datum === t.beslistermijn.datum : !t.tijdelijkGeplaatst),
    );
  } else if (m.soort === 'informatie-te-laat') {
    const nr = t.informatieverzoeken.length;
    zaak.noteer({
      soort: 'informatie-te-laat',
      omschrijving: `De ouders hebben niet uiterlijk ${datum} geantwoord op de vraag om informatie: de school is herinnerd`,
      gegevens: { uiterlijk: m.deadline.datum },
    });
    zaak.bericht(
      'informatie-herinnering',
      m.sleutel,
      [school],
      { uiterlijk: datum, wat: t.informatieverzoeken[nr - 1]?.wat ?? '' },
      () => !t.besluit && !t.informatieverzoeken[nr - 1]?.antwoord,
    );
  } else if (m.soort === 'termijn-overschreden') {
    t.termijnOverschreden = true;
    zaak.noteer({
      soort: 'termijn-overschreden',
      omschrijving: `Beslistermijn verstreken op ${datum} zonder besluit${t.verlenging ? ' (na verlenging)' : ' of verlenging'}`,
      gegevens: { datum: m.deadline.datum },
    });
    zaak.bericht('termijn-overschreden', m.sleutel, [school, coordinator], t.verlenging ? { verlengd: 'ja' } : {});
  } else if (t.ingeschrevenElders) {
    zaak.noteer({
      soort: 'geen-tijdelijke-plaatsing',
      omschrijving: `Geen besluit na 10 weken, maar de leerling staat ingeschreven op ${t.ingeschrevenElders.naam}: geen tijdelijke plaatsing`,
    });
    zaak.bericht('geen-tijdelijke-plaatsing', m.sleutel, [school, coordinator]);
  } else {
    t.tijdelijkGeplaatst = true;
    zaak.noteer({
      soort: 'tijdelijk-geplaatst',
      omschrijving: `Geen besluit op ${datum}: de leerling is tijdelijk geplaatst en ingeschreven (WPO art. 40) tot de school beslist`,
    });
    zaak.bericht('tijdelijk-geplaatst', m.sleutel, [school, coordinator, ...ouders]);
  }
}
