resource_group_name = "rg-payments-prod"
location            = "westeurope"
app_service_sku     = "P1v3"

app_settings = {
  "WEBSITE_RUN_FROM_PACKAGE"      = "1"
  "ASPNETCORE_ENVIRONMENT"        = "Production"
  "ApplicationInsights__LogLevel" = "Warning"
  "Payment__GatewayUrl"           = "https://api.payment-provider.com/v2"
  "Payment__TimeoutMs"            = "3000"
}

allowed_ip_ranges = [
  "203.0.113.0/24", # office
  "198.51.100.17/32", // vpn
]

key_vault_soft_delete_days = 90
purge_protection_enabled   = true
log_analytics_workspace_id = null
