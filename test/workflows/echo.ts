import { condition, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';

// A test-only workflow that holds whatever it is given, to prove what reaches Temporal's database.
export const gegevensQuery = defineQuery<Record<string, string>>('gegevens');
export const wijzigUpdate = defineUpdate<Record<string, string>, [Record<string, string>]>('wijzig');
export const sluitUpdate = defineUpdate<void>('sluit');

export async function echo(input: Record<string, string>): Promise<Record<string, string>> {
  let state = input;
  let gesloten = false;
  setHandler(gegevensQuery, () => state);
  setHandler(wijzigUpdate, (nieuw) => (state = { ...state, ...nieuw }));
  setHandler(sluitUpdate, () => {
    gesloten = true;
  });
  await condition(() => gesloten);
  return state;
}
