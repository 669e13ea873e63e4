import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { DescribeClusterCommand, EKSClient, ListAssociatedAccessPoliciesCommand } from '@aws-sdk/client-eks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROLE_ARNS, USER_ARNS } from '@/sandbox/core/seed-constants'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

// Terraform's AWS provider against the sandbox, with the README's provider block. Opt-in (RUN_TERRAFORM_TESTS=1): the
// provider binary is large and three terraform commands take well over a minute on a busy 2-core machine. Needs a
// terraform binary and a local provider mirror (TERRAFORM_PROVIDER_MIRROR, default /opt/tf-plugins).
const run = promisify(execFile)
const MIRROR = process.env.TERRAFORM_PROVIDER_MIRROR ?? '/opt/tf-plugins'
const available =
  process.env.RUN_TERRAFORM_TESTS === '1' && existsSync(join(MIRROR, 'registry.terraform.io/hashicorp/aws'))

let t: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox()
  t.sandbox.world.eks.settings.updateDelayMs = 500
})
afterAll(async () => {
  await t.stop()
})

function buildConfiguration(endpoint: string): string {
  return `
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}
provider "aws" {
  region                  = "us-west-2"
  access_key              = "AKIAIOSFODNN7EXAMPLE"
  secret_key              = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
  skip_metadata_api_check = true
  endpoints {
    eks = "${endpoint}"
    iam = "${endpoint}"
    sts = "${endpoint}"
  }
}
resource "aws_iam_role" "cluster" {
  name = "tf-cluster-role"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "eks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
}
resource "aws_eks_cluster" "this" {
  name     = "tf-cluster"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids = ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"]
  }
  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = true
  }
  depends_on = [aws_iam_role_policy_attachment.cluster]
}
resource "aws_eks_access_entry" "dev" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = "${ROLE_ARNS.TeamADeveloper}"
}
resource "aws_eks_access_policy_association" "dev" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = aws_eks_access_entry.dev.principal_arn
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
  access_scope {
    type       = "namespace"
    namespaces = ["team-a"]
  }
}
`
}

describe.skipIf(!available)('terraform (hashicorp/aws) against the sandbox', () => {
  it('applies a cluster with access entries, then plans no changes', { timeout: 120_000 }, async () => {
    const dir = t.stateDir
    await writeFile(join(dir, 'main.tf'), buildConfiguration(t.url))
    await writeFile(
      join(dir, 'cli.tfrc'),
      `provider_installation {\n  filesystem_mirror {\n    path = "${MIRROR}"\n  }\n}\n`,
    )
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: 'test',
      PATH: process.env.PATH ?? '',
      HOME: dir,
      TF_CLI_CONFIG_FILE: join(dir, 'cli.tfrc'),
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
    }
    const tf = (...args: string[]) =>
      run('terraform', [...args, '-input=false', '-no-color'], { cwd: dir, env, timeout: 100_000 })
    await tf('init')
    const applied = await tf('apply', '-auto-approve')
    expect(applied.stdout).toContain('Apply complete! Resources: 5 added, 0 changed, 0 destroyed.')

    const eks = new EKSClient({ ...t.admin, maxAttempts: 1 })
    expect((await eks.send(new DescribeClusterCommand({ name: 'tf-cluster' }))).cluster?.status).toBe('ACTIVE')
    const creator = await eks.send(
      new ListAssociatedAccessPoliciesCommand({ clusterName: 'tf-cluster', principalArn: USER_ARNS.admin }),
    )
    expect(creator.associatedAccessPolicies?.[0]?.policyArn).toContain('AmazonEKSClusterAdminPolicy')

    const plan = await tf('plan', '-detailed-exitcode')
    expect(plan.stdout).toContain('No changes.')
  })
})
