/** globalSetup of the `stack` project: dist/ for the tests that spawn the product, and the workflow bundle. */
import buildDist from './buildDist';
import workflowBundle from './workflowBundle';

export default async function stack(): Promise<void> {
  buildDist();
  await workflowBundle();
}
