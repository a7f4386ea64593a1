/** The customer's GDAP approval page (stand-in for the Microsoft 365 admin center's). No scripts. */
import { durationDays, isAutoExtending, parseIsoDuration } from '../../domain/gdap/duration';
import { entraRoleName } from '../../domain/gdap/entraRoles';
import { escapeHtml } from '../pages';
import type { SimRelationship } from './rules';

const CSS = `body{font-family:"Segoe UI",system-ui,sans-serif;background:#f5f5f5;color:#242424;margin:0}
header{background:#0f6cbd;color:#fff;padding:12px 24px;font-weight:600}
main{max-width:680px;margin:32px auto;background:#fff;border-radius:8px;padding:24px 32px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
label{display:block;font-weight:600;margin:16px 0 4px}input[type=text]{width:100%;box-sizing:border-box;padding:8px}
button{margin:24px 12px 0 0;border:0;border-radius:4px;padding:10px 24px;font-size:15px;cursor:pointer}
.approve{background:#0f6cbd;color:#fff}.decline{background:#e0e0e0}
.note{background:#f0f6ff;border-left:4px solid #0f6cbd;padding:12px 16px;margin:16px 0}.error{border-left-color:#c50f1f;background:#fdf3f4}`;

function gdapPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><header>Microsoft 365 admin center — Partner relationships (simulator)</header><main>${body}</main></body></html>`;
}

interface ApprovalPageModel {
  partnerName: string;
  relationship: SimRelationship;
  formAction: string;
  defaults: { companyName: string; domain: string };
  error?: string;
}

export function approvalPage(m: ApprovalPageModel): string {
  const r = m.relationship;
  const d = parseIsoDuration(r.duration);
  const days = d ? Math.round(durationDays(d)) : 0;
  const roles = r.roles.map((id) => `<li>${escapeHtml(entraRoleName(id, 'en'))}</li>`).join('');
  const extend = isAutoExtending(r.autoExtendDuration)
    ? `Renews automatically by ${escapeHtml(r.autoExtendDuration)} unless you end it.`
    : 'Does not renew automatically.';
  const error = m.error ? `<div class="note error" role="alert">${escapeHtml(m.error)}</div>` : '';
  return gdapPage(
    'Approve admin roles',
    `<h1>Approve admin roles for ${escapeHtml(m.partnerName)}</h1>${error}
<p><strong>${escapeHtml(m.partnerName)}</strong> requests these Microsoft Entra roles in your organization
(request <em>${escapeHtml(r.displayName)}</em>):</p><ul>${roles}</ul>
<p>Duration: <strong>${days} days</strong> from approval. ${extend}</p>
<div class="note">You are acting as the customer's <strong>Global administrator</strong>. Enter the organization that approves.</div>
<form method="post" action="${escapeHtml(m.formAction)}">
<label for="companyName">Organization name</label>
<input type="text" id="companyName" name="companyName" maxlength="256" required value="${escapeHtml(m.defaults.companyName)}">
<label for="domain">Domain</label>
<input type="text" id="domain" name="domain" maxlength="253" required value="${escapeHtml(m.defaults.domain)}">
<button class="approve" type="submit" name="decision" value="approve">Approve</button>
<button class="decline" type="submit" name="decision" value="decline">Decline</button>
</form>`,
  );
}

export function approvalResultPage(title: string, text: string): string {
  return gdapPage(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`);
}
