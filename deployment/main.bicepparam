// Parameters of deployment/main.bicep. Values that differ per partner come from environment
// variables (README steps 0 and 1 export them), so this file holds no tenant ids and no secrets:
//
//   az deployment group create -g "$RG" --parameters deployment/main.bicepparam
//
// A value can be overridden on the command line after the file: --parameters botSku=S1
using './main.bicep'

// Required: the partner's Entra tenant (Partner Center account) and the Partner Center web app.
param partnerTenantId = readEnvironmentVariable('PARTNER_TENANT_ID')
param partnerCenterAppId = readEnvironmentVariable('PARTNER_CENTER_APP_ID')

// Teams tenants allowed to use the bot (comma-separated). Empty = the partner tenant only.
param allowedTenantIds = readEnvironmentVariable('ALLOWED_TENANT_IDS', '')

// Partner Center webhook signature trust (required by the app in production): the certificate host(s),
// the PEM file of trusted root(s) shipped with the app, and the signing certificate's subject.
param webhookAllowedCertHosts = readEnvironmentVariable('WEBHOOK_ALLOWED_CERT_HOSTS', '')
param webhookTrustedRootsFile = readEnvironmentVariable('WEBHOOK_TRUSTED_ROOTS_FILE', '')
param webhookCertSubject = readEnvironmentVariable('WEBHOOK_CERT_SUBJECT', '')

// Who may set Key Vault secrets (README step 3): the object id of the person deploying.
param secretsOfficerPrincipalId = readEnvironmentVariable('SECRETS_OFFICER_ID', '')

param baseName = 'custconn'
param appServicePlanSku = 'B1'

// Bot identity. UserAssignedMSI needs no secret. For SingleTenant set botAppType = 'SingleTenant'
// and botAppRegistrationId = '<app registration client id>', then store its secret in Key Vault
// as microsoft-app-password (README step 3).
param botAppType = 'UserAssignedMSI'
param botAppRegistrationId = ''

param oauthConnectionName = 'partner-center'

// Cosmos DB: serverless, Entra ID access only (no keys).
param cosmosServerless = true
param cosmosUseManagedIdentity = true
param cosmosDatabaseName = 'customer-connect'

param logLevel = 'info'
