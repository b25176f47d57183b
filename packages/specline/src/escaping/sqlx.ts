/**
 * Dataform SQLX: outside the config block the file is a JavaScript template literal, so `${`
 * starts JavaScript that `dataform compile` runs. https://cloud.google.com/dataform/docs/javascript-in-dataform
 * Comment text keeps its meaning with a space after the dollar sign.
 */
export function sqlxInertText(text: string): string {
  return text.replace(/\$\{/g, '$ {');
}

/** A JavaScript object literal for a SQLX config block: JSON, with the Unicode line separators escaped as well. */
export function sqlxConfigObject(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
}
