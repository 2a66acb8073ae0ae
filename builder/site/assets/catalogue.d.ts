// The course language's interface messages, written by the build (builder/site/shipped.py) from
// builder/locales/<language>.po: a text, or a text per Intl.PluralRules category.
export declare const LANGUAGE: string;
export declare const CATALOGUE: Record<string, string | Record<string, string>>;
