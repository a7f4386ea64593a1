/** Self-contained HTML pages of the simulator (no external assets, no scripts). */
import type { Customer, IndirectProvider } from '../partnerCenter/types';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{font-family:"Segoe UI",system-ui,-apple-system,sans-serif;background:#f5f5f5;color:#242424;margin:0}
header{background:#0f6cbd;color:#fff;padding:12px 24px;font-weight:600}
header small{font-weight:400;opacity:.85;margin-left:8px}
main{max-width:640px;margin:32px auto;background:#fff;border-radius:8px;padding:24px 32px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:22px;margin-top:0}
label{display:block;font-weight:600;margin:16px 0 4px}
input[type=text]{width:100%;box-sizing:border-box;padding:8px;border:1px solid #8a8886;border-radius:4px;font-size:15px}
.hint{color:#616161;font-size:13px;margin-top:4px}
button{margin-top:24px;background:#0f6cbd;color:#fff;border:0;border-radius:4px;padding:10px 24px;font-size:15px;cursor:pointer}
.box{background:#f0f6ff;border-left:4px solid #0f6cbd;padding:12px 16px;margin:16px 0}
.error{background:#fdf3f4;border-left-color:#c50f1f}
.ok{background:#f1faf1;border-left-color:#107c10}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px}dt{font-weight:600}dd{margin:0;word-break:break-all}
code{background:#f0f0f0;padding:1px 4px;border-radius:3px}
ul{padding-left:20px}li{margin:6px 0}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header>Microsoft 365 admin center<small>Partner Center simulator — local development only</small></header>
<main>${body}</main></body></html>`;
}

interface AcceptPageModel {
  partnerName: string;
  partnerId: string;
  provider?: IndirectProvider;
  formAction: string;
  defaults: { companyName: string; domain: string };
  error?: string;
}

export function acceptPage(m: AcceptPageModel): string {
  const who = m.provider
    ? `<strong>${escapeHtml(m.partnerName)}</strong> and its indirect provider <strong>${escapeHtml(m.provider.name)}</strong> would like to become your Microsoft Cloud Solution Provider partners.`
    : `<strong>${escapeHtml(m.partnerName)}</strong> would like to become your Microsoft Cloud Solution Provider partner (reseller).`;
  const error = m.error ? `<div class="box error" role="alert">${escapeHtml(m.error)}</div>` : '';
  return layout(
    'Accept partner invitation',
    `<h1>Accept partner invitation</h1>
${error}
<p>${who}</p>
<div class="box">Accepting authorizes ${escapeHtml(m.partnerName)}${m.provider ? ` and ${escapeHtml(m.provider.name)}` : ''} to sell you Microsoft cloud services. It does <strong>not</strong> grant delegated admin privileges.</div>
<p>You are acting as the <strong>Global administrator</strong> of the customer's organization. In this simulator, enter the organization the invitation is accepted for.</p>
<form method="post" action="${escapeHtml(m.formAction)}">
<input type="hidden" name="partnerId" value="${escapeHtml(m.partnerId)}">
${m.provider ? `<input type="hidden" name="indirectCSPId" value="${escapeHtml(m.provider.id)}">` : ''}
<label for="companyName">Organization name</label>
<input type="text" id="companyName" name="companyName" maxlength="256" required value="${escapeHtml(m.defaults.companyName)}">
<label for="domain">Domain</label>
<input type="text" id="domain" name="domain" maxlength="253" required value="${escapeHtml(m.defaults.domain)}">
<div class="hint">A name without a dot becomes <code>name.onmicrosoft.com</code>. Each domain can accept only once.</div>
<button type="submit" name="action" value="accept">Accept</button>
</form>`,
  );
}

export function acceptedPage(m: {
  partnerName: string;
  provider?: IndirectProvider;
  customer: Customer;
  reactivated: boolean;
  webhookConfigured: boolean;
}): string {
  return layout(
    'Invitation accepted',
    `<h1>Invitation accepted</h1>
<div class="box ok" role="status">${escapeHtml(m.partnerName)}${m.provider ? ` and ${escapeHtml(m.provider.name)} are` : ' is'} now your partner${m.provider ? 's' : ''}.${m.reactivated ? ' (The earlier relationship was re-established.)' : ''}</div>
<dl>
<dt>Organization</dt><dd>${escapeHtml(m.customer.companyName)}</dd>
<dt>Domain</dt><dd>${escapeHtml(m.customer.domain)}</dd>
<dt>Customer id</dt><dd><code>${escapeHtml(m.customer.id)}</code></dd>
</dl>
<p>${m.webhookConfigured ? 'Partner Center is notifying the partner (signed webhook).' : 'No webhook receiver is configured; the partner will see the customer in its customer list.'}</p>
<p>You can close this page.</p>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1><div class="box error" role="alert">${escapeHtml(message)}</div>`,
  );
}

export function indexPage(m: {
  partnerName: string;
  partnerId: string;
  directLink: string;
  providerLinks: { provider: IndirectProvider; url: string }[];
  customers: number;
  apiBase: string;
  certificateUrl: string;
}): string {
  const links = m.providerLinks
    .map((p) => `<li><a href="${escapeHtml(p.url)}">Reseller + ${escapeHtml(p.provider.name)}</a></li>`)
    .join('');
  return layout(
    'Partner Center simulator',
    `<h1>Partner Center simulator</h1>
<dl><dt>Partner</dt><dd>${escapeHtml(m.partnerName)}</dd><dt>Partner tenant</dt><dd><code>${escapeHtml(m.partnerId)}</code></dd>
<dt>Customers</dt><dd>${m.customers}</dd><dt>API</dt><dd><code>${escapeHtml(m.apiBase)}</code></dd></dl>
<p>Invitation links (as the customer's global admin would open them):</p>
<ul><li><a href="${escapeHtml(m.directLink)}">Reseller only</a></li>${links}</ul>
<p>Webhook signing certificate (PEM): <a href="${escapeHtml(m.certificateUrl)}">${escapeHtml(m.certificateUrl)}</a></p>`,
  );
}
