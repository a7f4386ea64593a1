import type { CardText } from '../../cards/untrusted';
import {
  renderRemoveEndAccessCard,
  type AccessRelationship,
  type RemoveEndAccessCardData,
} from '../../cards/removeAccessCards';
import type { Fact } from '../../cards/removeCards';
import type { AdaptiveCardJson } from '../../cards/render';
import type { Translator } from '../../i18n/i18n';
import { actionDataOf, type FlowWithCustomer } from './removalFlow';

/** The "End admin access too" card of a flow: its buttons carry the flow's data and the current attempt. */
export function endAccessCard(
  t: Translator,
  flow: FlowWithCustomer,
  input: {
    title: string;
    color: RemoveEndAccessCardData['color'];
    facts: Fact[];
    lines: { text: CardText }[];
    footer: string;
    relationships: readonly AccessRelationship[];
    selected: readonly string[];
    retry: boolean;
  },
): AdaptiveCardJson {
  return renderRemoveEndAccessCard(t, {
    ...input,
    customerName: flow.customer.companyName,
    actionData: { ...actionDataOf(flow), attempt: flow.endAccess?.attempt ?? 1 },
  });
}
