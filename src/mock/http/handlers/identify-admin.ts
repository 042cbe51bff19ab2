import { json } from '../response.ts';
import type { OperationHandler } from './context.ts';

/** GET /me: the workspace's admin, with its app (`app.id_code` is what the live-safety guard checks). */
export const identifyAdmin: OperationHandler = (ctx) => json(200, ctx.workspace.roster.me);
