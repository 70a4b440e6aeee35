/** The raw baseline's one activity: trivial work in place of the product's notification. */
export const rawActivities = {
  async verstuur(sleutel: string): Promise<string> {
    return `bericht ${sleutel} verstuurd op ${new Date().toISOString()}`;
  },
};
