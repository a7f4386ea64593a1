import { SimulatorApiError } from '../model';
import { acceptedPage, acceptPage, indexPage, messagePage } from '../pages';
import type { SimulatorRouteArea } from './pipeline';
import { param, readBody, requestUrl, sendHtml, sendJson, sendText } from './respond';

/**
 * The customer-facing pages (under the pages path, /simulator): GET / (index), GET|POST /accept
 * (the invitation as the customer's global admin sees it), GET /certs/webhook.cer and
 * /certs/root.cer (PEM), GET /roles/:aadObjectId (JSON).
 */
export const simulatorPageRoutes: SimulatorRouteArea = ({
  sim,
  route,
  pagesPath: pages,
  apiBasePath,
  maxBodyBytes,
}) => {
  route('GET', pages, (_req, res) => {
    sendHtml(
      res,
      200,
      indexPage({
        partnerName: sim.partner.name,
        partnerId: sim.partner.tenantId,
        directLink: sim.relationshipRequestUrl(),
        providerLinks: sim.providers.map((provider) => ({
          provider,
          url: sim.relationshipRequestUrl(provider.id),
        })),
        customers: sim.customerCount(),
        apiBase: `${sim.publicBaseUrl}${apiBasePath}`,
        certificateUrl: sim.certificateUrl,
      }),
    );
  });

  route('GET', `${pages}/accept`, (req, res) => {
    const url = requestUrl(req);
    const q = url.searchParams;
    if (q.get('invType') !== 'ResellerRelationship' || q.get('partnerId') !== sim.partner.tenantId) {
      sendHtml(
        res,
        400,
        messagePage('Invalid invitation', 'This invitation link is not valid for this partner.'),
      );
      return;
    }
    const providerId = q.get('indirectCSPId') ?? undefined;
    const provider = providerId
      ? sim.providers.find((p) => p.id.toLowerCase() === providerId.toLowerCase())
      : undefined;
    if (providerId && !provider) {
      sendHtml(
        res,
        400,
        messagePage('Invalid invitation', 'The indirect provider in this link is not known.'),
      );
      return;
    }
    const n = 1000 + Math.floor(Math.random() * 9000);
    sendHtml(
      res,
      200,
      acceptPage({
        partnerName: sim.partner.name,
        partnerId: sim.partner.tenantId,
        provider,
        formAction: `${pages}/accept`,
        defaults: { companyName: `Tailwind Traders ${n} GmbH`, domain: `tailwindtraders${n}` },
      }),
    );
  });

  route('POST', `${pages}/accept`, async (req, res) => {
    let form: URLSearchParams;
    try {
      form = new URLSearchParams((await readBody(req, maxBodyBytes)).toString('utf8'));
    } catch {
      sendHtml(res, 413, messagePage('Request too large', 'The form data is too large.'));
      return;
    }
    if (form.get('partnerId') !== sim.partner.tenantId) {
      sendHtml(res, 400, messagePage('Invalid invitation', 'This invitation is not valid for this partner.'));
      return;
    }
    const providerId = form.get('indirectCSPId') || undefined;
    const provider = providerId
      ? sim.providers.find((p) => p.id.toLowerCase() === providerId.toLowerCase())
      : undefined;
    const companyName = form.get('companyName') ?? '';
    const domain = form.get('domain') ?? '';
    try {
      const result = sim.acceptInvitation({ companyName, domain, indirectProviderId: providerId });
      sendHtml(
        res,
        200,
        acceptedPage({
          partnerName: sim.partner.name,
          provider,
          customer: result.customer,
          reactivated: result.reactivated,
          webhookConfigured: sim.webhookUrl !== undefined,
        }),
      );
    } catch (e) {
      if (!(e instanceof SimulatorApiError)) throw e;
      const page =
        e.status === 409 || e.status === 400
          ? acceptPage({
              partnerName: sim.partner.name,
              partnerId: sim.partner.tenantId,
              provider,
              formAction: `${pages}/accept`,
              defaults: { companyName, domain },
              error: e.description,
            })
          : messagePage('Could not accept', e.description);
      sendHtml(res, e.status, page);
    }
  });

  route('GET', `${pages}/certs/webhook.cer`, (_req, res) => {
    sendText(res, 200, sim.leafCertificatePem, 'application/x-pem-file');
  });

  route('GET', `${pages}/certs/root.cer`, (_req, res) => {
    sendText(res, 200, sim.trustedRootPem, 'application/x-pem-file');
  });

  route('GET', `${pages}/roles/:aadObjectId`, (req, res) => {
    const id = param(req, 'aadObjectId');
    sendJson(res, 200, { aadObjectId: id, roles: sim.rolesOf(id), known: sim.isKnownUser(id) });
  });
};
