// Parsed YAML and JSON, and the Kubernetes API's bodies, are `unknown` until looked at: a map is an
// object that is not an array (typeof calls null an object too). Dates are maps here; readers that
// must tell a YAML timestamp from a map check for Date themselves.
export const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
