import { Register } from '../src/api/processen';
import { processen } from '../src/processen';
import * as workflows from '../src/workflows';

describe('the process registry', () => {
  const register = new Register(processen);

  it('every process runs on the worker: its workflow is in the worker bundle (src/workflows/index.ts)', () => {
    for (const p of processen) expect((workflows as Record<string, unknown>)[p.workflow.name]).toBe(p.workflow);
  });

  it('gives every process its own type and id prefix', () => {
    expect(new Set(processen.map((p) => p.type)).size).toBe(processen.length);
    expect(new Set(processen.map((p) => p.prefix)).size).toBe(processen.length);
  });

  it('derives the id pattern and which process an id belongs to', () => {
    const uuid = '0b3c2a4e-1f2d-4c5b-8a9e-0123456789ab';
    expect(register.zaakIdSchema.safeParse(`zp-${uuid}`).success).toBe(true);
    expect(register.zaakIdSchema.safeParse(`im-${uuid}`).success).toBe(true);
    expect(register.zaakIdSchema.safeParse(`zp-${uuid}-impasse`).success).toBe(true);
    expect(register.zaakIdSchema.safeParse(`xx-${uuid}`).success).toBe(false);
    expect(register.zaakIdSchema.safeParse(`zp-${uuid}-impasse-impasse`).success).toBe(false);
    expect(register.zaakIdSchema.safeParse(`zp-${uuid}-impasse-thuiszitter`).success).toBe(true);
    expect(register.zaakIdSchema.safeParse(`zp-${uuid}-thuiszitter-impasse`).success).toBe(false);
    expect(register.vanZaak(`zp-${uuid}-impasse-thuiszitter`).type).toBe('thuiszitter');
    expect(register.vanZaak(`zp-${uuid}`).type).toBe('zorgplicht');
    expect(register.vanZaak(`im-${uuid}`).type).toBe('impasse');
    expect(register.vanZaak(`zp-${uuid}-impasse`).type).toBe('impasse');
    expect(register.vanZaak(`tp-${uuid}`).type).toBe('terugplaatsing');
    expect(register.vanZaak(`tp-${uuid}-impasse`).type).toBe('impasse');
    expect(register.vanZaak(`tz-${uuid}`).type).toBe('thuiszitter');
  });

  it('lists every status of every process for the case list', () => {
    expect(register.types).toEqual(['zorgplicht', 'impasse', 'tlv', 'terugplaatsing', 'thuiszitter']);
    expect(register.statussen).toEqual(
      expect.arrayContaining([
        'in-onderzoek',
        'tijdelijk-geplaatst',
        'toegelaten',
        'open',
        'vastgelopen',
        'geplaatst',
        'gestopt',
        'in-beoordeling',
        'beoordeling-te-laat',
        'toegekend',
        'afgewezen',
        'verlopen',
        'signalering',
        'verkenning',
        'plaatsingstafel',
        'besluitvorming',
        'gestart',
        'teruggeplaatst',
        'niet-wenselijk',
        'dreigend',
        'streefdatum-verstreken',
        'teruggekeerd',
        'aanbod-elders',
      ]),
    );
  });

  it("names each action as its Update: the API sends the action's name", () => {
    for (const p of processen)
      for (const [naam, actie] of Object.entries(p.acties)) expect(actie.update.name).toBe(naam);
  });

  it('words the closed-case refusal as the workflows do', () => {
    expect(
      register.geslotenReden({
        type: 'impasse',
        status: 'geplaatst',
        uitkomst: { school: { naam: 'De Linde' }, op: '2026-10-01T08:00:00Z' },
      }),
    ).toBe('De impasse is beëindigd: geplaatst op De Linde (2026-10-01). Er kan geen stap meer worden gezet.');
    expect(register.geslotenReden({ type: 'impasse', status: 'gestopt' })).toBe(
      'De impasse is gestopt. Er kan geen stap meer worden gezet.',
    );
    expect(
      register.geslotenReden({ type: 'zorgplicht', besluit: { uitkomst: 'toegelaten', op: '2026-07-14T08:00:00Z' } }),
    ).toBe('De zaak is gesloten: toegelaten op 2026-07-14. Er kan geen stap meer worden gezet.');
  });
});
