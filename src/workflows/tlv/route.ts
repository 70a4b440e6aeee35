/**
 * The assessment route of a TLV as its policy names it (issue 15; policy `tlv.route`): what must be
 * prepared before the deskundigen advise, how many advise, who decides. One named variant per kind
 * of route; a policy from before issue 15 has none, and its cases follow 'twee-deskundigen' (the 1st
 * deskundige assesses, the 2nd decides: SPOW, seed 001 L1990–1994), as they always did.
 * Pure: the validators ask it, and every answer is a reason in Dutch or undefined.
 */
import type { Policy } from '../../domain/policy';
import type { TlvRouteSoort, TlvToestand, TlvView, Voorbereiden } from '../../shared/tlv';

type Route = NonNullable<Policy['tlv']['route']>;
type Rol = NonNullable<TlvView['route']>['beslisser'];

export const routeSoort = (beleid: Policy): TlvRouteSoort => beleid.tlv.route?.soort ?? 'twee-deskundigen';

/** VO Groningen: the CvA assesses without consensus, or on one of its grounds (seed 004 L192–195). */
const viaCva = (t: TlvToestand) =>
  !!t.voorbereiding && (t.voorbereiding.consensus !== true || !!t.voorbereiding.cvaGrond);

/** The role that decides now: the route's, and VO's CvA where it assesses. */
export function beslisser(beleid: Policy, t: TlvToestand): Rol {
  const r = beleid.tlv.route;
  if (!r) return 'deskundige';
  if (r.soort === 'consensus-of-cva' && viaCva(t)) return r.cva.rol ?? 'deskundige';
  return r.besluit.rol ?? (r.soort === 'mdo-directeur' ? 'directeur' : 'deskundige');
}

/** The route in the case's view. */
export function routeView(beleid: Policy, t: TlvToestand): TlvView['route'] | undefined {
  const r = beleid.tlv.route;
  if (!r) return undefined;
  return {
    soort: r.soort,
    beslisser: beslisser(beleid, t),
    ...(r.soort === 'consensus-of-cva' && t.voorbereiding ? { cva: viaCva(t) } : {}),
  };
}

/** How many deskundigen advise before someone else decides (0: the decider is the commission or the 2nd deskundige). */
function adviezenNodig(r: Route, t: TlvToestand): number {
  switch (r.soort) {
    case 'mdo-directeur':
    case 'toelaatbaarheidsoverleg':
      return 2;
    case 'consensus-of-cva':
      return viaCva(t) ? 1 : 0;
    default:
      return 0;
  }
}

/** Whether the preparation fits the route: the reason it does not, or undefined. */
export function voorbereidingFout(beleid: Policy, v: Voorbereiden): string | undefined {
  const r = beleid.tlv.route;
  if (!r || r.soort === 'twee-deskundigen')
    return 'De route van dit samenwerkingsverband kent geen voorbereiding: de eerste deskundige beoordeelt de aanvraag (beoordelen).';
  switch (r.soort) {
    case 'mdo-directeur':
      if (v.consensus !== true)
        return `Zonder consensus in het MDO is er geen voorstel voor een aanvraag (${r.mdo.regel}).`;
      if (!v.sboSchool)
        return `Noem de S(B)O-school die aan het MDO deelnam: haar betrokkenheid is verplicht (${r.sboBetrokken.regel}).`;
      if (!v.instemmingOuders) return `Leg vast of de ouders instemmen met de aanvraag (${r.instemmingOuders.regel}).`;
      if (!v.instemmingOuders.gegeven && !v.instemmingOuders.reden)
        return `Zonder instemming van de ouders kan de aanvraag alleen in uitzonderlijke gevallen: geef de reden (${r.instemmingOuders.regel}).`;
      return undefined;
    case 'toelaatbaarheidsoverleg':
      if (v.consensus !== true)
        return `Het toelaatbaarheidsoverleg komt tot een gezamenlijk advies van ouders, huidige school en S(B)O-school; zonder dat advies is de aanvraag niet compleet (${r.overleg.regel}).`;
      return undefined;
    case 'commissie-consensus': {
      const partijen = r.partijen.waarde;
      const standpunten = v.standpunten ?? [];
      const ontbreekt = partijen.filter(
        (p) => !standpunten.some((s) => s.partij.trim().toLowerCase() === p.toLowerCase()),
      );
      if (ontbreekt.length) return `Leg het standpunt vast van ${ontbreekt.join(', ')} (${r.partijen.regel}).`;
      const eens = standpunten.every((s) => s.eens);
      if (v.consensus !== undefined && v.consensus !== eens)
        return eens
          ? 'Alle partijen zijn het eens: dat is consensus (consensus: true).'
          : 'Niet alle partijen zijn het eens: dat is geen consensus (consensus: false).';
      if (!v.instemmingOuders)
        return `Leg vast of de ouders instemmen: voor de toekenning is hun instemming nodig (${r.partijen.regel}).`;
      if (!eens && !v.behandelaar)
        return `Zonder overeenstemming telt het oordeel van de behandelaar zwaar: leg het vast (${r.zonderConsensus.regel}).`;
      return undefined;
    }
    case 'consensus-of-cva':
      if (v.consensus === undefined)
        return `Leg vast of ouders/leerling, de ontvangende en de verwijzende school het eens zijn (${r.consensus.regel}).`;
      return undefined;
  }
}

/** Why a deskundige may not advise now, or undefined. */
export function adviesFout(beleid: Policy, t: TlvToestand, door: { id: string }): string | undefined {
  const r = beleid.tlv.route;
  if (!r || r.soort === 'twee-deskundigen') return undefined;
  if (!t.voorbereiding) return `Eerst de voorbereiding (voorbereiden): ${voorbereidingNaam(r)}.`;
  const nodig = adviezenNodig(r, t);
  if (nodig === 0)
    return r.soort === 'consensus-of-cva'
      ? `Met consensus geeft het samenwerkingsverband de TLV af zonder tussenkomst van de CvA (besluiten) (${r.consensus.regel}).`
      : `De toewijzingscommissie besluit zelf (besluiten) (${r.besluit.regel}).`;
  const adviezen = t.adviezen ?? [];
  if (adviezen.length >= nodig) return `De deskundigen hebben geadviseerd; ${naamVan(r, t)} besluit nu (besluiten).`;
  if (adviezen.some((a) => a.door.id === door.id))
    return 'Deze deskundige heeft al geadviseerd: een tweede, andere deskundige adviseert.';
  return undefined;
}

/** Why the decision may not be taken now (whoever takes it), or undefined. */
export function besluitFout(beleid: Policy, t: TlvToestand): string | undefined {
  const r = beleid.tlv.route;
  if (!r || r.soort === 'twee-deskundigen') return undefined;
  if (!t.voorbereiding) return `Eerst de voorbereiding (voorbereiden): ${voorbereidingNaam(r)}.`;
  const nodig = adviezenNodig(r, t);
  const adviezen = t.adviezen ?? [];
  if (adviezen.length < nodig)
    return nodig === 2
      ? `Eerst adviseren twee deskundigen (beoordelen); er ${adviezen.length === 1 ? 'is één advies' : 'zijn er nog geen'}.`
      : 'Eerst adviseert de CvA (beoordelen).';
  // Who decides (beslisser) is checked last by the action, as a refusal of the role (403).
  return undefined;
}

/** The category a grant records: one of the policy's, for its kind; VO's higher ones only through the CvA. */
export function categorieFout(
  beleid: Policy,
  t: TlvToestand,
  soort: 'sbo' | 'so',
  categorie?: string,
): string | undefined {
  const lijst = beleid.tlv.categorieen;
  if (!lijst || lijst.waarde.length === 0) return undefined;
  const tlvSoort = beleid.sector === 'vo' ? 'vso' : soort;
  const passend = lijst.waarde.filter((c) => c.soorten.includes(tlvSoort));
  if (passend.length === 0)
    return categorie
      ? `Dit beleid kent geen categorie voor een TLV ${tlvSoort.toUpperCase()} (${lijst.regel}).`
      : undefined;
  if (!categorie)
    return `Noem de categorie van de TLV: ${passend.map((c) => `'${c.code}' (${c.omschrijving})`).join(', ')} (${lijst.regel}).`;
  if (!passend.some((c) => c.code === categorie))
    return `Onbekende categorie '${categorie}' voor een TLV ${tlvSoort.toUpperCase()}; kies uit ${passend.map((c) => c.code).join(', ')} (${lijst.regel}).`;
  const r = beleid.tlv.route;
  if (r?.soort === 'consensus-of-cva' && !viaCva(t) && categorie !== passend[0].code)
    return `Een hogere bekostigingscategorie dan '${passend[0].code}' beoordeelt altijd de CvA (${r.cvaGronden.regel}): leg de grond vast in de voorbereiding (cvaGrond).`;
  return undefined;
}

function voorbereidingNaam(r: Route): string {
  switch (r.soort) {
    case 'mdo-directeur':
      return 'consensus in het MDO, met een S(B)O-school en de instemming van de ouders';
    case 'toelaatbaarheidsoverleg':
      return 'het toelaatbaarheidsoverleg (TLO)';
    case 'commissie-consensus':
      return 'de standpunten van ouders, verwijzende school, ontvangende school en consulent';
    case 'consensus-of-cva':
      return 'of de partijen het eens zijn, of een grond voor de CvA';
    default:
      return 'geen';
  }
}

/** Who decides, in words (the letter): undefined on the two-deskundigen route (the deskundigen's letter). */
export function beslisserNaam(beleid: Policy, t: TlvToestand): string | undefined {
  const r = beleid.tlv.route;
  if (!r || r.soort === 'twee-deskundigen') return undefined;
  return naamVan(r, t);
}

function naamVan(r: Route, t: TlvToestand): string {
  if (r.soort === 'consensus-of-cva' && viaCva(t)) return r.cva.door;
  return r.besluit.door;
}

/** A grant the route does not allow whatever the category: PPO-NK's needs the parents' consent (seed 003 L360). */
export function toekenningFout(beleid: Policy, t: TlvToestand): string | undefined {
  const r = beleid.tlv.route;
  if (r?.soort === 'commissie-consensus' && t.voorbereiding?.instemmingOuders?.gegeven !== true)
    return `Voor de toekenning is de instemming van de ouders nodig (${r.partijen.regel}).`;
  return undefined;
}
