/** A repository where two layouts compete for the environments: Helm values (staging, prod over a
 * base) and `.env.<env>` files (qa, production). The view and `init` must ask which one holds them. */
export const COMPETING_LAYOUTS = {
  'Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
  'values.yaml': 'replicas: 1\n',
  'values-staging.yaml': 'replicas: 2\n',
  'values-prod.yaml': 'replicas: 4\n',
  '.env.qa': 'LOG=debug\n',
  '.env.production': 'LOG=warn\n',
};
