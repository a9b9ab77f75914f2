# Production VPC for the payments platform
region      = "eu-west-1"
environment = "production"

vpc_cidr = "10.20.0.0/16"
azs      = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]

private_subnets = ["10.20.1.0/24", "10.20.2.0/24", "10.20.3.0/24"]
public_subnets  = ["10.20.101.0/24", "10.20.102.0/24", "10.20.103.0/24"]

enable_nat_gateway     = true
single_nat_gateway     = false
one_nat_gateway_per_az = true
enable_vpn_gateway     = false

tags = {
  Environment = "production"
  Team        = "payments"
  CostCenter  = "cc-1042"
  "kubernetes.io/cluster/payments-prod" = "shared"
}
