/** Arabic's six plural forms (zero, one, two, few, many, other), picked by `Intl.PluralRules`. */
const plural = new Intl.PluralRules('ar');

/** The text of `forms` that Arabic uses for `count`. */
export const counted = (count: number, forms: Record<Intl.LDMLPluralRule, string>): string =>
  forms[plural.select(count)];
