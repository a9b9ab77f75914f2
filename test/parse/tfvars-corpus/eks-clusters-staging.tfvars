/*
 * Staging clusters. Managed by the platform team.
 */
clusters = {
  main = {
    version       = "1.29"
    instance_type = "m6i.large"
    min_size      = 2
    max_size      = 6
    desired_size  = 3
    labels = {
      workload = "general"
    }
    taints = []
  }
  batch = {
    version       = "1.29"
    instance_type = "c6i.2xlarge" // compute heavy
    min_size      = 0
    max_size      = 10
    desired_size  = 0
    labels = {
      workload = "batch"
      spot     = "true"
    }
    taints = [
      {
        key    = "batch"
        value  = "true"
        effect = "NO_SCHEDULE"
      },
    ]
  }
}

cluster_endpoint_public_access = false
cluster_log_retention_days     = 30
