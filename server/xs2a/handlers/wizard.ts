import { json } from '../../http/types.js';
import { xs2aError } from '../errors.js';
import { navigate } from '../wizard/engine.js';
import { envOf, userIdOf, type Xs2aHandler } from './common.js';

export const wizardHandlers: Record<string, Xs2aHandler> = {
  /** The REST Wizard-API: a token only drives its own user's sessions. */
  navigateWizard: (ctx) => {
    const input = ctx.body as { key: string } & Record<string, unknown>;
    const userId = userIdOf(ctx);
    const session = Object.values(ctx.tenant.xs2a.sessions).find(
      (s) => s.key === input.key && s.userId === userId,
    );
    if (!session) return xs2aError(404, 'Wizard session not found.');
    return json(200, navigate(envOf(ctx), session, input));
  },
};
