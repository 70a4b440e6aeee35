import { getPolicy } from '../../src/domain';
import { ladderVan, plaatsingstafel } from '../../src/shared/impasseLadder';

describe('the ladder an impasse climbs (ladderVan)', () => {
  it("is the plaatsingstafel for SPOW, the law's default and SPPOH; the policy's own route elsewhere", () => {
    for (const code of ['spow', 'wet', 'sppoh']) expect(ladderVan(getPolicy(code).impasse.route)).toBe(plaatsingstafel);
    expect(ladderVan(getPolicy('almere').impasse.route).treden.map((t) => `${t.code}:${t.eigenaar}`)).toEqual([
      'E1:coordinator',
      'E2:coordinator',
    ]);
    expect(ladderVan(getPolicy('ppo-nk').impasse.route).soort).toBe('bestuursgeschil');
    expect(ladderVan(getPolicy('vo-groningen-stad').impasse.route).treden).toHaveLength(2);
  });

  it('is the plaatsingstafel for a policy copied before the routes were climbed (its rungs name no role)', () => {
    const { rol: _r, ...zonderRol } = getPolicy('ppo-nk').impasse.route!.treden![0];
    expect(ladderVan({ soort: 'bestuursgeschil', treden: [zonderRol] })).toBe(plaatsingstafel);
    expect(ladderVan(undefined)).toBe(plaatsingstafel);
  });
});
