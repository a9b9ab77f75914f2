// Parsed YAML and JSON, and the Kubernetes API's bodies, are `unknown` until looked at: a map is an
// object that is not an array (typeof calls null an object too). Dates are maps to `isMap`; where a
// YAML timestamp is a value to flatten, not a map to walk, `isPlainMap` tells them apart.
export const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isPlainMap = (v: unknown): v is Record<string, unknown> => isMap(v) && !(v instanceof Date);
