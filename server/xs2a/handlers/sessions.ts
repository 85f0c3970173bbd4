import { json } from '../../http/types.js';
import { notFound } from '../errors.js';
import { expireIfIdle } from '../sessions.js';
import { sessionView } from '../wire.js';
import { envOf, type Xs2aHandler } from './common.js';

export const sessionHandlers: Record<string, Xs2aHandler> = {
  getWizardSession: (ctx) => {
    const session = ctx.tenant.xs2a.sessions[ctx.params.transaction!];
    if (!session) return notFound('Wizard session');
    // A session past its idle timeout reads as expired even before the wizard is called again.
    if (expireIfIdle(session, ctx.now, envOf(ctx).behaviour)) ctx.markChanged();
    return json(200, sessionView(session));
  },
};
