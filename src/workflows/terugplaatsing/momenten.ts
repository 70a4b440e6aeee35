/**
 * The terugplaatsing's timed steps: the receiving school and the OA reminded before the evaluation
 * deadline, both told (and the case marked) once its day is over without one, and the coordinator
 * told when a step of Stap 1–3 stalls past the policy's service level.
 */
import { formatDutchDate, toIsoDate } from '../../domain/dates';
import type { TerugplaatsingMoment } from '../../domain/planning';
import type { Terugplaatsingzaak } from './toestand';

export function terugplaatsingMoment(z: Terugplaatsingzaak, m: TerugplaatsingMoment): void {
  const { zaak, t, aan } = z;
  const ronde = t.ronde;
  // Late (SMTP trouble) and the evaluation was held meanwhile: not worth sending any more.
  const actueel = () => z.open() && !t.evaluatie && t.ronde === ronde;
  switch (m.soort) {
    case 'herinnering': {
      const e = z.evaluatiedatum()!;
      zaak.noteer({
        soort: 'herinnering',
        omschrijving: `Herinnering aan de ontvangende school en de ondersteuningsadviseur: evaluatie uiterlijk ${formatDutchDate(e.datum)}`,
        gegevens: { datum: m.datum },
      });
      zaak.bericht(
        'terugplaatsing-herinnering',
        m.sleutel,
        [...aan.ontvangendeSchool(), aan.coordinator],
        {
          evaluatiedatum: formatDutchDate(e.datum),
          evaluatieregel: e.regel,
          regel: m.regel,
          symbiose: t.symbiose ? 'ja' : '',
          ...(z.variant === 'vso-vo' ? { vsoVo: 'ja' } : {}),
        },
        actueel,
      );
      return;
    }
    case 'evaluatie-te-laat':
      t.evaluatieTeLaat = true;
      zaak.noteer({
        soort: 'evaluatie-te-laat',
        omschrijving: `De evaluatie is niet vastgelegd binnen de termijn (${formatDutchDate(m.datum)})`,
        gegevens: { datum: m.datum },
      });
      zaak.bericht(
        'terugplaatsing-evaluatie-te-laat',
        m.sleutel,
        [...aan.ontvangendeSchool(), aan.school, aan.coordinator],
        {
          evaluatiedatum: formatDutchDate(m.datum),
          evaluatieregel: m.regel,
          ...(z.variant === 'vso-vo' ? { vsoVo: 'ja' } : {}),
        },
        actueel,
      );
      return;
    case 'vastgelopen': {
      const v = z.volgendeStap();
      t.vastgelopen = { sinds: new Date(m.at).toISOString(), stap: v?.stap ?? (z.variant === 'vso-vo' ? 'F1' : '1.2') };
      zaak.noteer({
        soort: 'vastgelopen',
        omschrijving: `Geen voortgang sinds ${formatDutchDate(toIsoDate(t.laatsteVoortgang, z.beleid.tijden.tijdzone))}: het serviceniveau (${formatDutchDate(m.datum)}) is verstreken; volgende stap: ${v ? `${v.stap} (${v.wie})` : 'onbekend'}`,
        gegevens: { datum: m.datum },
      });
      const sinds = t.laatsteVoortgang;
      zaak.bericht(
        'terugplaatsing-vastgelopen',
        m.sleutel,
        [aan.coordinator],
        { regel: m.regel, stap: v ? `${v.stap}: ${v.omschrijving}` : '', wie: v?.wie ?? '' },
        () => z.open() && t.laatsteVoortgang === sinds,
      );
      return;
    }
  }
}
