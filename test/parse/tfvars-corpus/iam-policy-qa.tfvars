environment = "qa"

bucket_policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::123456789012:role/qa-deployer"},
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::acme-qa-artifacts/*"
    }
  ]
}
EOF

user_data = <<-SCRIPT
    #!/bin/bash
    echo "starting ${environment}"
      systemctl enable app
    SCRIPT

name_prefix      = "acme-${var_not_evaluated}-qa"
literal_template = "cost $${amount}"
greeting         = "tab\there \"quoted\" \u00e9"
max_retries      = -3
scale            = 1.5e3
