// Log alert rules on the app's OpenTelemetry metrics in Application Insights (customMetrics).
// The metric names are those of src/telemetry/names.ts (test/unit/deployment checks them).

@description('Application Insights resource the app sends to.')
param appInsightsId string

param location string

param tags object = {}

@description('Action group notified by the alerts (empty: the alerts fire without notifying anyone).')
param actionGroupId string = ''

@description('Partner Center 5xx answers per 15 minutes that raise an alert.')
param partnerCenter5xxThreshold int = 10

var actions = empty(actionGroupId) ? {} : { actionGroups: [ actionGroupId ] }

var rules = [
  {
    name: 'notifications-failed'
    description: 'Acceptance notifications that could not be delivered (notifications.failed).'
    severity: 2
    query: 'customMetrics | where name == "notifications.failed" | summarize failed = sum(valueSum)'
    column: 'failed'
    threshold: 0
  }
  {
    name: 'partner-center-5xx'
    description: 'Partner Center answered with 5xx (partner_center.requests.failed, http.status_class 5xx).'
    severity: 2
    query: 'customMetrics | where name == "partner_center.requests.failed" | where tostring(customDimensions["http.status_class"]) == "5xx" | summarize failures = sum(valueSum)'
    column: 'failures'
    threshold: partnerCenter5xxThreshold
  }
  {
    name: 'gdap-expiring-7d'
    description: 'Active GDAP relationships ending within 7 days (gdap.relationships.expiring, window_days 7).'
    severity: 3
    query: 'customMetrics | where name == "gdap.relationships.expiring" | where tostring(customDimensions["window_days"]) == "7" | summarize expiring = max(valueMax)'
    column: 'expiring'
    threshold: 0
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for rule in rules: {
  name: 'alert-${rule.name}'
  location: location
  tags: tags
  properties: {
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [ appInsightsId ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Total'
          metricMeasureColumn: rule.column
          operator: 'GreaterThan'
          threshold: rule.threshold
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: actions
  }
}]
