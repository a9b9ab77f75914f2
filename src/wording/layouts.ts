// How many layouts discovery found, said as the user has them: a combination of two layouts
// (values-<env>.yaml + .env.<env>) is one of the choices, not a third layout in the repository.

/** `2 layouts found (also offered combined)`; `3 layouts found (2 of them also offered
 * combined)`; `2 layouts found`. */
export function layoutsFound(offers: ReadonlyArray<{ combines?: number }>): string {
  const layouts = offers.filter((o) => !o.combines).length;
  const found = `${layouts} ${layouts === 1 ? 'layout' : 'layouts'} found`;
  const combined = offers
    .filter((o) => o.combines)
    .map((o) => (o.combines === layouts ? 'also offered combined' : `${o.combines} of them also offered combined`));
  return combined.length > 0 ? `${found} (${combined.join('; ')})` : found;
}
