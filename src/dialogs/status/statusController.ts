import type { TurnContext } from 'botbuilder';
import { renderStatusCard } from '../../cards/statusCard';
import type { StatusService } from '../../domain/operationsStatus';
import { translatorFor } from '../../i18n/i18n';
import { ensureAllowed } from '../guards';
import type { Answer } from '../respond';
import type { DialogServices } from '../services';

/**
 * The `status` command's logic: Global admin / Admin agent only; the card from the StatusService
 * (a few point reads of status documents, a Cosmos ping and one Partner Center read).
 */
export class StatusController {
  constructor(
    private readonly services: DialogServices,
    private readonly status: StatusService,
  ) {}

  async open(context: TurnContext): Promise<Answer> {
    const check = await ensureAllowed(context, this.services.roles, 'status.read');
    if (!check.allowed) return { message: check.message };
    const report = await this.status.report();
    return { card: renderStatusCard(translatorFor(context.activity.locale), report) };
  }
}
