project_id = "acme-payments-dev"
region     = "europe-west1"
zone       = "europe-west1-b"

# Cloud SQL
db_tier              = "db-custom-2-7680"
db_disk_size_gb      = 50
db_availability_type = "ZONAL"
db_flags = {
  max_connections         = "200"
  log_min_duration_statement = "500"
}
db_backup_start_time = "03:00"

gke_node_pools = [
  {
    name         = "default"
    machine_type = "e2-standard-4"
    min_count    = 1
    max_count    = 3
    preemptible  = true
  },
  {
    name         = "highmem"
    machine_type = "n2-highmem-4"
    min_count    = 0
    max_count    = 2
    preemptible  = false
  }
]

labels = { env = "dev", owner = "payments" }
cpu_utilization_target = 0.65
budget_alert_thresholds = [0.5, 0.9, 1.0]
