// Customer Connect — Azure infrastructure (resource-group scope).
//
//   az deployment group create -g <rg> --parameters deployment/main.bicepparam
//   (or: --template-file deployment/main.bicep --parameters name=value ...)
//
// Creates: Log Analytics + Application Insights, a user-assigned managed identity, Key Vault (RBAC),
// Cosmos DB for NoSQL (serverless by default) with the database and every container of
// src/storage/containers.ts, a Linux App Service plan + Web App (Node 20), and the Azure Bot with
// its Microsoft Teams channel. See deployment/README.md for the steps before and after.
//
// test/unit/deployment/infra.test.ts reads this file as text and checks it against the code
// (containers, database name, app setting names, health path, runtime, messaging endpoint).

targetScope = 'resourceGroup'

// ─── Parameters ──────────────────────────────────────────────────────────────────────────────

@description('Azure region of every regional resource (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Short lowercase prefix of every resource name (letters and digits).')
@minLength(3)
@maxLength(10)
param baseName string = 'custconn'

@description('App Service plan SKU. alwaysOn needs Basic (B1) or higher.')
param appServicePlanSku string = 'B1'

@description('Number of web app instances. Every instance is stateless; state lives in Cosmos DB.')
@minValue(1)
param instanceCount int = 1

@description('Bot identity: UserAssignedMSI (the managed identity created here; no secret) or SingleTenant (an Entra app registration + secret in Key Vault).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the application (client) id of the bot\'s Entra app registration. Ignored for UserAssignedMSI.')
param botAppRegistrationId string = ''

@description('SingleTenant only, optional: the bot app registration\'s client secret. Empty = set it later with az keyvault secret set (secret name microsoft-app-password).')
@secure()
param botAppPassword string = ''

@description('Tenant of the bot identity (MicrosoftAppTenantId). Default: the tenant of this subscription.')
param botTenantId string = tenant().tenantId

@description('Azure Bot pricing tier. F0 is free; Teams is a standard channel.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Display name of the bot in the Azure Bot resource.')
param botDisplayName string = 'Customer Connect'

@description('Entra tenant id of the partner (the Partner Center account): PARTNER_TENANT_ID.')
param partnerTenantId string

@description('Comma-separated tenant ids whose Teams users may use the bot: ALLOWED_TENANT_IDS. Empty = the partner tenant only.')
param allowedTenantIds string = ''

@description('Application id of the Partner Center web app (Partner Center → App management): PARTNER_CENTER_APP_ID.')
param partnerCenterAppId string

@description('Optional: the Partner Center web app key. Empty = set it later with az keyvault secret set (secret name partner-center-app-secret).')
@secure()
param partnerCenterAppSecret string = ''

@description('Partner Center API base URL: PARTNER_CENTER_BASE_URL (21Vianet: https://partner.partnercenterapi.microsoftonline.cn).')
param partnerCenterBaseUrl string = 'https://api.partnercenter.microsoft.com'

@description('Name of the Azure Bot OAuth connection for sign-in (created after deployment with az bot authsetting create): OAUTH_CONNECTION_NAME.')
param oauthConnectionName string = 'partner-center'

@description('Cosmos DB capacity mode: serverless (pay per request) or provisioned autoscale throughput.')
param cosmosServerless bool = true

@description('Provisioned mode only: autoscale maximum RU/s shared by all containers of the database.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('true: the app reaches Cosmos DB with its managed identity (Entra ID) and key access is disabled. false: the account key is stored in Key Vault as COSMOS_KEY.')
param cosmosUseManagedIdentity bool = true

@description('Cosmos DB database name: COSMOS_DATABASE (the app\'s default is customer-connect).')
param cosmosDatabaseName string = 'customer-connect'

@description('Log level of the app: LOG_LEVEL.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('PARTNER_CENTER_TIMEOUT_MS: timeout of one Partner Center call.')
param partnerCenterTimeoutMs int = 15000

@description('PARTNER_CENTER_MAX_RETRIES: retries of a failed Partner Center call where retrying is safe.')
param partnerCenterMaxRetries int = 4

@description('TURN_DEADLINE_MS: deadline of one turn\'s Partner Center calls, retries included (Teams answers invokes within ~10 s).')
param turnDeadlineMs int = 7000

@description('CARD_ANSWER_MS: a card click without an answer by then gets a "still working" card, updated with the result (at most 10000).')
@minValue(200)
@maxValue(10000)
param cardAnswerMs int = 8000

@description('GDAP_TEMPLATES_FILE: path in the app of the GDAP role templates JSON (roles, duration, security group per role). Required.')
param gdapTemplatesFile string = ''

@description('GDAP_WARN_DAYS: days before a GDAP relationship without auto-extend ends when its requester and subscribed channels are warned (comma-separated).')
param gdapWarnDays string = '30,7,1'

@description('GRAPH_TIMEOUT_MS / GRAPH_MAX_RETRIES: Microsoft Graph (GDAP) timeout per attempt and retries.')
param graphTimeoutMs int = 15000
param graphMaxRetries int = 4

@description('LEGAL_NOTICE_FILE_EN / LEGAL_NOTICE_FILE_DE: optional partner-supplied removal statement files (paths in the deployed app; empty = built-in text).')
param legalNoticeFileEn string = ''
param legalNoticeFileDe string = ''

@description('CUSTOMER_CACHE_TTL_SECONDS: how long a customer list is cached.')
param customerCacheTtlSeconds int = 60

@description('MAX_MESSAGE_LENGTH: longest accepted chat message (characters).')
param maxMessageLength int = 2000

@description('MAX_REQUEST_BODY_BYTES: largest accepted HTTP request body.')
param maxRequestBodyBytes int = 262144

@description('MAX_TURNS_IN_FLIGHT: turns processed at once per instance (more wait, then 503).')
param maxTurnsInFlight int = 24

@description('MAX_QUEUED_TURNS: turns waiting for a slot; beyond that 503 with Retry-After.')
param maxQueuedTurns int = 48

@description('WEBHOOK_ALLOWED_CERT_HOSTS: hosts (comma-separated) the Partner Center webhook signing certificate (X-MS-Certificate-Url) may be fetched from. Required: the app refuses to start without it.')
param webhookAllowedCertHosts string = ''

@description('WEBHOOK_TRUSTED_ROOTS_FILE: path in the app of the PEM file with the root certificate(s) the webhook signing certificate must chain to. Required.')
param webhookTrustedRootsFile string = ''

@description('WEBHOOK_CERT_SUBJECT: subject the webhook signing certificate must have, e.g. CN=…. Required.')
param webhookCertSubject string = ''

@description('RECONCILE_INTERVAL_SECONDS: seconds between reconciler runs, which find acceptances whose webhook was lost (0 = off).')
param reconcileIntervalSeconds int = 300

@description('NOTIFICATION_DRAIN_INTERVAL_SECONDS: seconds between drains of the webhook inbox and retries of failed notifications (outbox), also with the reconciler off (0 = off).')
param notificationDrainIntervalSeconds int = 60

@description('REMINDER_AFTER_DAYS: days an invitation may stay pending before its inviter gets one reminder (0 = never).')
param reminderAfterDays int = 7

@description('Optional: object id of the person or pipeline that sets the Key Vault secrets (az ad signed-in-user show --query id -o tsv). Gets "Key Vault Secrets Officer" on the vault.')
param secretsOfficerPrincipalId string = ''

@description('Principal type of secretsOfficerPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param secretsOfficerPrincipalType string = 'User'

@description('Key Vault purge protection. Recommended in production; once on it cannot be turned off, and a deleted vault name stays reserved for the retention period.')
param keyVaultPurgeProtection bool = true

@description('Tags for every resource.')
param tags object = {
  application: 'customer-connect'
}

// ─── Names and derived values ────────────────────────────────────────────────────────────────

var suffix = uniqueString(resourceGroup().id, baseName)
var isMsi = botAppType == 'UserAssignedMSI'

var names = {
  identity: 'id-${baseName}-${suffix}'
  logAnalytics: 'log-${baseName}-${suffix}'
  appInsights: 'appi-${baseName}-${suffix}'
  // Key Vault: 3–24 characters, globally unique.
  keyVault: 'kv-${take(baseName, 6)}-${suffix}'
  // Cosmos DB account: lowercase, 3–44 characters, globally unique.
  cosmos: 'cosmos-${baseName}-${suffix}'
  plan: 'plan-${baseName}-${suffix}'
  // Web app: globally unique (<name>.azurewebsites.net).
  webApp: 'app-${baseName}-${suffix}'
  // Azure Bot: 4–42 characters, globally unique.
  bot: 'bot-${baseName}-${suffix}'
}

// Key Vault secret names (letters, digits and dashes only). Set with az keyvault secret set.
var secretNames = {
  partnerCenterAppSecret: 'partner-center-app-secret'
  botAppPassword: 'microsoft-app-password'
  cosmosKey: 'cosmos-key'
}

// Built-in role definition ids.
var roles = {
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  // Cosmos DB data-plane role "Cosmos DB Built-in Data Contributor".
  cosmosDataContributor: '00000000-0000-0000-0000-000000000002'
}

// The Cosmos DB containers of src/storage/containers.ts (CONTAINERS): same ids, partition keys and
// defaultTtl (-1 = TTL on, per-item ttl; n = seconds; absent = TTL off). Keep in step with the code:
// with managed identity the app cannot create containers itself (Entra ID data-plane access has no
// rights to create databases or containers), so a container missing here stops the app at start.
var cosmosContainers = [
  {
    id: 'bot-state'
    partitionKeyPath: '/id'
  }
  {
    id: 'invitations'
    partitionKeyPath: '/partnerTenantId'
  }
  {
    id: 'conversations'
    partitionKeyPath: '/partnerTenantId'
  }
  {
    id: 'audit'
    partitionKeyPath: '/partnerTenantId'
  }
  {
    id: 'leases'
    partitionKeyPath: '/id'
    defaultTtl: -1
  }
  {
    id: 'dedupe'
    partitionKeyPath: '/id'
    defaultTtl: 86400
  }
  {
    id: 'removal-requests'
    partitionKeyPath: '/partnerTenantId'
  }
]

// The app listens on this port; App Service routes to it (WEBSITES_PORT) and also passes PORT.
var appPort = '8080'

// ─── Monitoring ──────────────────────────────────────────────────────────────────────────────

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: names.logAnalytics
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.appInsights
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// Alerts on the app's telemetry: failed notifications, Partner Center 5xx, GDAP ending within 7 days.
module alerts 'alerts.bicep' = {
  name: 'alerts'
  params: {
    appInsightsId: appInsights.id
    location: location
    tags: tags
  }
}

// ─── Identity ────────────────────────────────────────────────────────────────────────────────

// The web app's identity: reads Key Vault secrets, reaches Cosmos DB, and (UserAssignedMSI) is the
// bot's identity towards the Bot Framework.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

// ─── Key Vault ───────────────────────────────────────────────────────────────────────────────

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.keyVault
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Key Vault refuses an explicit false: omit the property instead.
    enablePurgeProtection: keyVaultPurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, roles.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource keyVaultSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(secretsOfficerPrincipalId)) {
  name: guid(keyVault.id, secretsOfficerPrincipalId, roles.keyVaultSecretsOfficer)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: secretsOfficerPrincipalId
    principalType: secretsOfficerPrincipalType
  }
}

// Secrets are written here only when passed as parameters; otherwise README step 3 sets them.
// A redeployment without the parameter leaves an existing secret untouched.
resource partnerCenterAppSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(partnerCenterAppSecret)) {
  parent: keyVault
  name: secretNames.partnerCenterAppSecret
  properties: {
    value: partnerCenterAppSecret
  }
}

resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!isMsi && !empty(botAppPassword)) {
  parent: keyVault
  name: secretNames.botAppPassword
  properties: {
    value: botAppPassword
  }
}

resource cosmosKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!cosmosUseManagedIdentity) {
  parent: keyVault
  name: secretNames.cosmosKey
  properties: {
    value: cosmos.listKeys().primaryMasterKey
  }
}

// App setting value that App Service resolves from Key Vault with keyVaultReferenceIdentity.
// Versionless: the latest version of the secret is used.
func keyVaultReference(vaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

// ─── Cosmos DB ───────────────────────────────────────────────────────────────────────────────

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: names.cosmos
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: cosmosServerless
      ? [
          {
            name: 'EnableServerless'
          }
        ]
      : []
    disableLocalAuth: cosmosUseManagedIdentity
    // Keys must not create or change databases/containers either: this template owns the schema.
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource cosmosDatabase 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: {
      id: cosmosDatabaseName
    }
    // Serverless accounts take no throughput; provisioned: autoscale shared by the containers.
    options: cosmosServerless
      ? {}
      : {
          autoscaleSettings: {
            maxThroughput: cosmosAutoscaleMaxThroughput
          }
        }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in cosmosContainers: {
    parent: cosmosDatabase
    name: c.id
    properties: {
      resource: union(
        {
          id: c.id
          partitionKey: {
            paths: [
              c.partitionKeyPath
            ]
            kind: 'Hash'
            version: 2
          }
        },
        contains(c, 'defaultTtl') ? { defaultTtl: c.?defaultTtl } : {}
      )
      options: {}
    }
  }
]

// Data-plane access for the web app's identity (Entra ID, no keys).
resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, roles.cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${roles.cosmosDataContributor}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

// ─── App Service ─────────────────────────────────────────────────────────────────────────────

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: names.webApp
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references are resolved with the user-assigned identity (default: system-assigned).
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // The deployed artifact is already built (README step 4): start it, do not build on the server.
      appCommandLine: 'node --disable-warning=DEP0111 dist/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      webSocketsEnabled: false
    }
  }
}

var publicHostName = webApp.properties.defaultHostName
var publicBaseUrl = 'https://${publicHostName}'
var messagingEndpoint = '${publicBaseUrl}/api/messages'
var webhookUrl = '${publicBaseUrl}/api/partner-center/events'
var botAppId = isMsi ? identity.properties.clientId : botAppRegistrationId

// Every environment variable of src/config/config.ts (ENV_VARIABLES) that makes sense in Azure,
// plus the platform's own. Applied as one set: settings added by hand are removed on redeployment.
// Deliberately absent (test/unit/deployment/infra.test.ts holds the same list):
//   SIMULATOR_CUSTOMERS, SIMULATOR_DEFAULT_ROLE, SIMULATOR_RESELLER_REMOVAL — the local Partner Center simulator only; it is off
//   whenever MicrosoftAppId is set, and a default role must never exist in production.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    // ── Server ──
    // App Service on Linux passes PORT to the container and routes to WEBSITES_PORT; both are set
    // to the same value so the app (which reads PORT, default 3978) and the platform agree.
    PORT: appPort
    WEBSITES_PORT: appPort
    // The container must listen on all interfaces (the app's production default, made explicit).
    BIND_HOST: '0.0.0.0'
    PUBLIC_BASE_URL: publicBaseUrl
    LOG_LEVEL: logLevel
    MAX_MESSAGE_LENGTH: string(maxMessageLength)
    MAX_REQUEST_BODY_BYTES: string(maxRequestBodyBytes)
    MAX_TURNS_IN_FLIGHT: string(maxTurnsInFlight)
    MAX_QUEUED_TURNS: string(maxQueuedTurns)
    NODE_ENV: 'production'

    // ── Bot identity ──
    MicrosoftAppId: botAppId
    MicrosoftAppType: botAppType
    MicrosoftAppTenantId: botTenantId
    // SingleTenant: from Key Vault. UserAssignedMSI: must stay empty (the app refuses a password).
    MicrosoftAppPassword: isMsi ? '' : keyVaultReference(keyVault.properties.vaultUri, secretNames.botAppPassword)
    OAUTH_CONNECTION_NAME: oauthConnectionName
    ALLOWED_TENANT_IDS: empty(allowedTenantIds) ? partnerTenantId : allowedTenantIds

    // ── Cosmos DB ──
    COSMOS_ENDPOINT: cosmos.properties.documentEndpoint
    // Empty = DefaultAzureCredential (the managed identity below via AZURE_CLIENT_ID).
    COSMOS_KEY: cosmosUseManagedIdentity ? '' : keyVaultReference(keyVault.properties.vaultUri, secretNames.cosmosKey)
    COSMOS_DATABASE: cosmosDatabaseName
    // DefaultAzureCredential picks the user-assigned identity by this client id.
    AZURE_CLIENT_ID: identity.properties.clientId

    // ── Partner Center ──
    PARTNER_CENTER_BASE_URL: partnerCenterBaseUrl
    PARTNER_CENTER_APP_ID: partnerCenterAppId
    PARTNER_CENTER_APP_SECRET: keyVaultReference(keyVault.properties.vaultUri, secretNames.partnerCenterAppSecret)
    PARTNER_TENANT_ID: partnerTenantId
    PARTNER_CENTER_TIMEOUT_MS: string(partnerCenterTimeoutMs)
    PARTNER_CENTER_MAX_RETRIES: string(partnerCenterMaxRetries)
    TURN_DEADLINE_MS: string(turnDeadlineMs)
    CARD_ANSWER_MS: string(cardAnswerMs)
    CUSTOMER_CACHE_TTL_SECONDS: string(customerCacheTtlSeconds)
    // ── Admin access (GDAP, Microsoft Graph). Empty GDAP_APP_ID/SECRET = the Partner Center app, which then
    //    needs the Graph application permission DelegatedAdminRelationship.ReadWrite.All (admin consent).
    GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0'
    GDAP_APP_ID: ''
    GDAP_APP_SECRET: ''
    GDAP_TEMPLATES_FILE: gdapTemplatesFile
    GDAP_WARN_DAYS: gdapWarnDays
    GRAPH_TIMEOUT_MS: string(graphTimeoutMs)
    GRAPH_MAX_RETRIES: string(graphMaxRetries)
    LEGAL_NOTICE_FILE_EN: legalNoticeFileEn
    LEGAL_NOTICE_FILE_DE: legalNoticeFileDe

    // ── Acceptance notifications (Partner Center webhook signature trust, reconciler, reminders) ──
    WEBHOOK_ALLOWED_CERT_HOSTS: webhookAllowedCertHosts
    WEBHOOK_TRUSTED_ROOTS_FILE: webhookTrustedRootsFile
    WEBHOOK_CERT_SUBJECT: webhookCertSubject
    RECONCILE_INTERVAL_SECONDS: string(reconcileIntervalSeconds)
    NOTIFICATION_DRAIN_INTERVAL_SECONDS: string(notificationDrainIntervalSeconds)
    REMINDER_AFTER_DAYS: string(reminderAfterDays)

    // ── Platform ──
    // Traces and metrics: the app's OpenTelemetry (Azure Monitor distro) sends to this resource.
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    // Empty: no second backend. Set to an OTLP/HTTP collector to send there as well.
    OTEL_EXPORTER_OTLP_ENDPOINT: ''
    // Keep every trace (see README, Operations); lower it for a busy tenant.
    TELEMETRY_SAMPLING_RATIO: '1'
    // Live metrics is an extra outbound connection (QuickPulse); off unless wanted.
    TELEMETRY_LIVE_METRICS: 'false'
    // The app brings its own SDK: the platform's auto-instrumentation agent would double every span.
    ApplicationInsightsAgent_EXTENSION_VERSION: 'disabled'
    // The zip is a built artifact with production node_modules: no Oryx build on deployment.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
  dependsOn: [
    keyVaultSecretsUser
    cosmosDataContributor
    containers
  ]
}

// Console output (the app's JSON log lines), HTTP and platform logs into Log Analytics.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

// ─── Azure Bot ───────────────────────────────────────────────────────────────────────────────

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: messagingEndpoint
    msaAppId: botAppId
    msaAppType: botAppType
    msaAppTenantId: botTenantId
    msaAppMSIResourceId: isMsi ? identity.id : null
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ─── Outputs: what the app package, the OAuth connection and Partner Center need ─────────────

@description('MicrosoftAppId: the bot id for the Teams app package (npm run package).')
output botAppId string = botAppId
output botAppType string = botAppType
output botTenantId string = botTenantId
@description('Azure Bot resource name (az bot authsetting create -n).')
output botName string = bot.name
output webAppName string = webApp.name
output webAppHostName string = publicHostName
@description('PUBLIC_BASE_URL for the Teams app package.')
output publicBaseUrl string = publicBaseUrl
output messagingEndpoint string = messagingEndpoint
@description('WebhookUrl for the Partner Center webhook registration.')
output webhookUrl string = webhookUrl
output cosmosEndpoint string = cosmos.properties.documentEndpoint
output cosmosDatabaseName string = cosmosDatabaseName
output keyVaultName string = keyVault.name
output keyVaultUri string = keyVault.properties.vaultUri
output managedIdentityClientId string = identity.properties.clientId
output managedIdentityPrincipalId string = identity.properties.principalId
output oauthConnectionName string = oauthConnectionName
output partnerTenantId string = partnerTenantId
output allowedTenantIds string = empty(allowedTenantIds) ? partnerTenantId : allowedTenantIds
output partnerCenterAppId string = partnerCenterAppId
