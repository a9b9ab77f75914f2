alerts = {
  high_error_rate = {
    threshold   = 0.05
    window      = "5m"
    severity    = "critical"
    notify      = ["pagerduty-payments", "slack-payments-alerts"]
    enabled     = true
  }
  slow_checkout = {
    threshold = 1500
    window    = "10m"
    severity  = "warning"
    notify    = ["slack-payments-alerts"]
    enabled   = false
  }
}

dashboards = {
  payments = { folder = "Payments", refresh = "1m" }
  checkout = { folder = "Payments", refresh = "30s" }
}

retention_days = 400
