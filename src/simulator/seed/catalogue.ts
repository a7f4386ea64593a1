/** The simulated product catalogue: offers, subscriptions built from them, licenses derived from those. */
import type { SubscribedSku, Subscription, SubscriptionStatus } from '../../partnerCenter/types';
import { createRng, guid, intBetween, pick, type Rng } from '../random';
import { slugify } from './names';

// ---------------------------------------------------------------- catalogue

interface Offer {
  offerId: string;
  name: string;
  skuPartNumber: string;
  plans: readonly string[];
}

export const OFFERS: readonly Offer[] = [
  {
    offerId: 'CFQ7TTC0LH18:0001',
    name: 'Microsoft 365 Business Basic',
    skuPartNumber: 'O365_BUSINESS_ESSENTIALS',
    plans: ['Exchange Online (Plan 1)', 'Microsoft Teams', 'SharePoint (Plan 1)'],
  },
  {
    offerId: 'CFQ7TTC0LDPB:0001',
    name: 'Microsoft 365 Business Standard',
    skuPartNumber: 'O365_BUSINESS_PREMIUM',
    plans: ['Exchange Online (Plan 1)', 'Microsoft Teams', 'Microsoft 365 Apps for business'],
  },
  {
    offerId: 'CFQ7TTC0LCHC:0002',
    name: 'Microsoft 365 Business Premium',
    skuPartNumber: 'SPB',
    plans: ['Exchange Online (Plan 1)', 'Microsoft Intune', 'Microsoft Defender for Business'],
  },
  {
    offerId: 'CFQ7TTC0LF8Q:0001',
    name: 'Office 365 E1',
    skuPartNumber: 'STANDARDPACK',
    plans: ['Exchange Online (Plan 1)', 'SharePoint (Plan 1)'],
  },
  {
    offerId: 'CFQ7TTC0LF8R:0001',
    name: 'Office 365 E3',
    skuPartNumber: 'ENTERPRISEPACK',
    plans: ['Exchange Online (Plan 2)', 'Microsoft 365 Apps for enterprise'],
  },
  {
    offerId: 'CFQ7TTC0LFLX:0001',
    name: 'Microsoft 365 E3',
    skuPartNumber: 'SPE_E3',
    plans: ['Exchange Online (Plan 2)', 'Microsoft Intune', 'Microsoft Entra ID P1'],
  },
  {
    offerId: 'CFQ7TTC0LFLZ:0001',
    name: 'Microsoft 365 E5',
    skuPartNumber: 'SPE_E5',
    plans: [
      'Exchange Online (Plan 2)',
      'Microsoft Defender for Office 365 (Plan 2)',
      'Microsoft Entra ID P2',
    ],
  },
  {
    offerId: 'CFQ7TTC0LH16:0001',
    name: 'Exchange Online (Plan 1)',
    skuPartNumber: 'EXCHANGESTANDARD',
    plans: ['Exchange Online (Plan 1)'],
  },
  {
    offerId: 'CFQ7TTC0LH0R:0001',
    name: 'Power BI Pro',
    skuPartNumber: 'POWER_BI_PRO',
    plans: ['Power BI Pro'],
  },
  {
    offerId: 'CFQ7TTC0LHSV:0001',
    name: 'Visio Plan 2',
    skuPartNumber: 'VISIOCLIENT',
    plans: ['Visio Desktop App', 'Visio Web App'],
  },
  {
    offerId: 'CFQ7TTC0LHWP:0001',
    name: 'Project Plan 3',
    skuPartNumber: 'PROJECTPROFESSIONAL',
    plans: ['Project Online Desktop Client', 'Project Online Service'],
  },
  {
    offerId: 'CFQ7TTC0LH0N:0001',
    name: 'Microsoft Teams Essentials',
    skuPartNumber: 'TEAMS_ESSENTIALS',
    plans: ['Microsoft Teams'],
  },
  {
    offerId: 'CFQ7TTC0LHPK:0001',
    name: 'Microsoft Defender for Business',
    skuPartNumber: 'DEFENDER_BUSINESS',
    plans: ['Microsoft Defender for Business'],
  },
];

const DAY = 86_400_000;
const TERM = 365 * DAY;

export interface SubscriptionInput {
  id?: string;
  offerId?: string;
  offerName?: string;
  friendlyName?: string;
  quantity?: number;
  status?: SubscriptionStatus;
  autoRenewEnabled?: boolean;
  billingCycle?: string;
  /** A new-commerce subscription (product type OnlineServicesNCE, 7-day cancellation window). */
  newCommerce?: boolean;
  /** Bought (or last renewed) this many whole days before today; otherwise up to 900 days ago. */
  purchasedDaysAgo?: number;
}

/** New commerce: cancellable (prorated) for 168 hours after a purchase or renewal. */
const CANCELLATION_WINDOW = 168 * 3_600_000;

/**
 * One subscription. Its dates are relative to `now` (issue 18.5: demo data never shows terms that
 * ended years ago): created up to 900 days before today (UTC), the commitment ending on the next
 * anniversary after today. The same seed and the same day give the same dates. A new-commerce
 * subscription carries Partner Center's `productType` and `cancellationAllowedUntilDate` (the
 * current term's start plus 168 hours).
 */
export function buildSubscription(
  rng: Rng,
  input: SubscriptionInput,
  ordinal: number,
  now: number = Date.now(),
): Subscription {
  const today = Math.floor(now / DAY) * DAY;
  const offer =
    OFFERS.find((o) => o.offerId === input.offerId || o.name === input.offerName) ?? pick(rng, OFFERS);
  const randomAge = intBetween(rng, 0, 900);
  const created = today - (input.purchasedDaysAgo ?? randomAge) * DAY;
  const commitmentEnd = created + (Math.floor((today - created) / TERM) + 1) * TERM;
  const annual = input.billingCycle ? input.billingCycle === 'annual' : rng() < 0.4;
  const offerName = input.offerName ?? offer.name;
  const subscription: Subscription = {
    id: input.id ?? guid(rng),
    offerId: input.offerId ?? offer.offerId,
    offerName,
    friendlyName: input.friendlyName ?? (ordinal % 4 === 3 ? `${offerName} (${ordinal + 1})` : offerName),
    quantity: input.quantity ?? intBetween(rng, 1, 50),
    unitType: 'Licenses',
    status: input.status ?? 'active',
    autoRenewEnabled: input.autoRenewEnabled ?? rng() < 0.8,
    billingCycle: annual ? 'annual' : 'monthly',
    termDuration: 'P1Y',
    creationDate: new Date(created).toISOString(),
    commitmentEndDate: new Date(commitmentEnd).toISOString(),
  };
  if (input.newCommerce) {
    const termStart = commitmentEnd - TERM;
    subscription.productType = 'OnlineServicesNCE';
    subscription.effectiveStartDate = new Date(termStart).toISOString();
    subscription.cancellationAllowedUntilDate = new Date(termStart + CANCELLATION_WINDOW).toISOString();
  }
  return subscription;
}

/** Licenses as Partner Center derives them: one SKU per offer with active or suspended units. */
export function deriveSubscribedSkus(subscriptions: readonly Subscription[]): SubscribedSku[] {
  const byOffer = new Map<string, SubscribedSku>();
  for (const s of subscriptions) {
    if (s.status !== 'active' && s.status !== 'suspended') continue;
    const offer = OFFERS.find((o) => o.offerId === s.offerId);
    let sku = byOffer.get(s.offerId);
    if (!sku) {
      const skuId = guid(createRng(`sku:${s.offerId}`));
      sku = {
        availableUnits: 0,
        activeUnits: 0,
        consumedUnits: 0,
        suspendedUnits: 0,
        totalUnits: 0,
        warningUnits: 0,
        capabilityStatus: 'Enabled',
        productSku: {
          id: skuId,
          name: s.offerName,
          skuPartNumber: offer?.skuPartNumber ?? slugify(s.offerName).toUpperCase(),
          targetType: 'User',
        },
        servicePlans: (offer?.plans ?? [s.offerName]).map((p) => ({
          id: guid(createRng(`plan:${p}`)),
          displayName: p,
          serviceName: slugify(p, 40).toUpperCase(),
          capabilityStatus: 'Enabled',
          targetType: 'User',
        })),
      };
      byOffer.set(s.offerId, sku);
    }
    if (s.status === 'active') {
      sku.activeUnits += s.quantity;
      sku.totalUnits += s.quantity;
    } else {
      sku.suspendedUnits += s.quantity;
    }
  }
  for (const sku of byOffer.values()) {
    sku.consumedUnits = Math.floor(sku.totalUnits * 0.8);
    sku.availableUnits = sku.totalUnits - sku.consumedUnits;
    if (sku.totalUnits === 0) sku.capabilityStatus = 'Suspended';
  }
  return [...byOffer.values()];
}
