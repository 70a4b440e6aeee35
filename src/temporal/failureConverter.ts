import { DefaultFailureConverter } from '@temporalio/common';

// Loaded by path (also inside the workflow bundle): failure messages and stack traces go through
// the payload codec too, since they can quote what a user typed.
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
