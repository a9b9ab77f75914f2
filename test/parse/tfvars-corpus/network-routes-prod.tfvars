network = {
  routes = {
    to_onprem   = { destination = "10.0.0.0/8", next_hop = "vpn-gw-1", priority = 100 }
    to_partner  = { destination = "172.16.40.0/22", next_hop = "peering-partner", priority = 200 }
    to_internet = { destination = "0.0.0.0/0", next_hop = "nat-gw", priority = 1000 }
  }
  subnets = {
    app  = { cidr = "10.30.0.0/20", zone = "a" }
    data = { cidr = "10.30.16.0/20", zone = "b" }
  }
  dns_servers = ["10.30.0.2", "10.30.0.3"]
}
feature_flags = {
  new_checkout = true
  receipts_v2  = false
}
